//! A ratatui backend for a web page that draws whole rows: each row of the terminal is
//! one `<div>` whose HTML is rebuilt when any of its cells changed, as runs of text in
//! one style. A full 127×39 frame is 39 DOM writes, where a backend with one element
//! per cell makes about ten thousand calls (ratzilla's DOM backend: 110–150 ms for the
//! first frame of the tour in headless Chromium; this one, a few milliseconds). The
//! text stays text: the page reads, selects and copies like a terminal.
//!
//! Colours: ratatui's named and indexed colours become a fixed dark palette, and the
//! terminal's defaults become explicit colours, so `REVERSED` shows as it does in a
//! terminal (a browser has no "swap the default colours").

use std::fmt::Write;
use std::io;

use invitesim::export::svg::escape_into as escape;
use invitesim::tui::palette::{BG, FG, hex, rgb};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;
use web_sys::{Document, Element};

pub struct Rows {
    document: Document,
    grid: Element,
    rows: Vec<Element>,
    /// What the page shows now.
    cells: Buffer,
    dirty: Vec<bool>,
    /// A cell's size in CSS pixels.
    cell: (f64, f64),
}

impl Rows {
    /// The grid, added to the page's body, sized to the window.
    pub fn new(document: Document) -> Result<Rows, wasm_bindgen::JsValue> {
        let grid = document.create_element("div")?;
        grid.set_id("grid");
        document.body().ok_or("no body")?.append_child(&grid)?;
        let mut rows = Rows {
            document,
            grid,
            rows: Vec::new(),
            cells: Buffer::empty(Rect::ZERO),
            dirty: Vec::new(),
            cell: (9.0, 18.0),
        };
        rows.measure()?;
        rows.fit();
        Ok(rows)
    }

    /// A cell's size: a hundred characters in the grid's font, measured once.
    fn measure(&mut self) -> Result<(), wasm_bindgen::JsValue> {
        let probe = self.document.create_element("div")?;
        probe.set_text_content(Some(&"M".repeat(100)));
        probe.set_attribute(
            "style",
            "position:absolute;visibility:hidden;white-space:pre",
        )?;
        self.grid.append_child(&probe)?;
        let rect = probe.get_bounding_client_rect();
        self.grid.remove_child(&probe)?;
        if rect.width() > 0.0 && rect.height() > 0.0 {
            self.cell = (rect.width() / 100.0, rect.height().ceil());
        }
        Ok(())
    }

    /// Sizes the grid to the window (call before drawing): true when the size changed.
    pub fn fit(&mut self) -> bool {
        let Some(window) = web_sys::window() else {
            return false;
        };
        let px = |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
        let (w, h) = (px(window.inner_width()), px(window.inner_height()));
        let cols = (w.unwrap_or(800.0) / self.cell.0)
            .floor()
            .clamp(1.0, 1000.0) as u16;
        let lines = (h.unwrap_or(600.0) / self.cell.1).floor().clamp(1.0, 500.0) as u16;
        let area = Rect::new(0, 0, cols, lines);
        if area == self.cells.area {
            return false;
        }
        self.grid.set_inner_html("");
        let height = format!("height:{}px", self.cell.1);
        self.rows = (0..lines)
            .filter_map(|_| {
                let row = self.document.create_element("div").ok()?;
                row.set_attribute("style", &height).ok()?;
                self.grid.append_child(&row).ok()?;
                Some(row)
            })
            .collect();
        self.cells = Buffer::empty(area);
        self.dirty = vec![true; usize::from(lines)];
        true
    }

    /// The cell under a point of the page (CSS pixels, as mouse events give them).
    pub fn cell_at(&self, x: f64, y: f64) -> Option<Position> {
        let rect = self.grid.get_bounding_client_rect();
        let (col, row) = (
            (x - rect.left()) / self.cell.0,
            (y - rect.top()) / self.cell.1,
        );
        let area = self.cells.area;
        (col >= 0.0 && row >= 0.0 && col < f64::from(area.width) && row < f64::from(area.height))
            .then(|| Position::new(col as u16, row as u16))
    }

    /// One row as HTML: runs of cells in one style, each a `<span>`; a character the
    /// font may not have at one cell's width is boxed to its cells so the row stays
    /// aligned.
    fn row_html(&self, y: u16) -> String {
        let mut html = String::new();
        let mut run = String::new();
        let mut style = String::new();
        let mut covered = 0;
        for x in 0..self.cells.area.width {
            if covered > 0 {
                covered -= 1;
                continue;
            }
            let cell = &self.cells[(x, y)];
            let symbol = if cell.symbol().is_empty() {
                " "
            } else {
                cell.symbol()
            };
            let width = symbol.width().max(1);
            covered = width - 1;
            let css = css(cell);
            if css != style {
                flush(&mut html, &style, &mut run);
                style = css;
            }
            if symbol.bytes().all(|b| b.is_ascii()) || is_box_drawing(symbol) {
                escape(&mut run, symbol);
            } else {
                flush(&mut html, &style, &mut run);
                let _ = write!(
                    html,
                    "<span style=\"{style}display:inline-block;width:{width}ch\">"
                );
                escape(&mut html, symbol);
                html.push_str("</span>");
            }
        }
        flush(&mut html, &style, &mut run);
        html
    }
}

/// Box drawing and block elements: every monospace font has them at one cell.
fn is_box_drawing(symbol: &str) -> bool {
    symbol
        .chars()
        .all(|c| ('\u{2500}'..='\u{259f}').contains(&c))
}

fn flush(html: &mut String, style: &str, run: &mut String) {
    if run.is_empty() {
        return;
    }
    if style.is_empty() {
        html.push_str(run);
    } else {
        let _ = write!(html, "<span style=\"{style}\">{run}</span>");
    }
    run.clear();
}

/// A cell's style as inline CSS; empty for the page's defaults.
fn css(cell: &Cell) -> String {
    let mut fg = rgb(cell.fg, FG);
    let mut bg = rgb(cell.bg, BG);
    if cell.modifier.contains(Modifier::REVERSED) {
        std::mem::swap(&mut fg, &mut bg);
    }
    let mut css = String::new();
    if fg != FG {
        let _ = write!(css, "color:{};", hex(fg));
    }
    if bg != BG {
        let _ = write!(css, "background:{};", hex(bg));
    }
    let m = cell.modifier;
    if m.contains(Modifier::BOLD) {
        css.push_str("font-weight:bold;");
    }
    if m.contains(Modifier::DIM) {
        css.push_str("opacity:.6;");
    }
    if m.contains(Modifier::ITALIC) {
        css.push_str("font-style:italic;");
    }
    match (
        m.contains(Modifier::UNDERLINED),
        m.contains(Modifier::CROSSED_OUT),
    ) {
        (true, true) => css.push_str("text-decoration:underline line-through;"),
        (true, false) => css.push_str("text-decoration:underline;"),
        (false, true) => css.push_str("text-decoration:line-through;"),
        (false, false) => {}
    }
    if m.contains(Modifier::HIDDEN) {
        css.push_str("visibility:hidden;");
    }
    css
}

impl Backend for Rows {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        for (x, y, cell) in content {
            if let Some(at) = self.cells.cell_mut((x, y)) {
                *at = cell.clone();
                self.dirty[usize::from(y)] = true;
            }
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        for y in 0..self.cells.area.height {
            if std::mem::take(&mut self.dirty[usize::from(y)]) {
                let html = self.row_html(y);
                if let Some(row) = self.rows.get(usize::from(y)) {
                    row.set_inner_html(&html);
                }
            }
        }
        Ok(())
    }

    // The app draws its own cursor in the field being typed into.
    fn hide_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        Ok(Position::ORIGIN)
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, _position: P) -> io::Result<()> {
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.cells.reset();
        self.dirty.fill(true);
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        match clear_type {
            ClearType::All => self.clear(),
            _ => Ok(()),
        }
    }

    fn size(&self) -> io::Result<Size> {
        Ok(self.cells.area.as_size())
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = self.cells.area.as_size();
        Ok(WindowSize {
            columns_rows: size,
            pixels: Size::new(
                (f64::from(size.width) * self.cell.0) as u16,
                (f64::from(size.height) * self.cell.1) as u16,
            ),
        })
    }
}
