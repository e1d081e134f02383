//! SVG from the app's screens, for a README's `<img>`: text rows in a monospace font,
//! the app's colours (`tui::palette`) and box drawing, deterministic bytes, no script.
//! `animated` plays a recording (`film`) with CSS keyframes: the frames are stacked in
//! one strip that jumps from frame to frame at their times; a row that shows in many
//! frames is written once and used where it shows. `still` is one screen.
//!
//! Each run of cells in one style is a `<tspan>` placed at its column and stretched
//! to its cells (`textLength`), so the columns line up whatever the viewer's font.

use std::collections::HashMap;
use std::fmt::Write;

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

use super::film::Film;
use crate::tui::palette::{BG, FG, hex, rgb};

/// A cell's width and height, and the font size, in SVG user units (pixels).
pub const CELL_W: f64 = 9.6;
pub const CELL_H: f64 = 20.0;
const FONT: f64 = 16.0;
/// The baseline's offset in a row.
const BASELINE: f64 = 15.0;

/// A cell's look as one CSS class: colours, weight, slant, lines.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Look {
    fg: (u8, u8, u8),
    bg: (u8, u8, u8),
    bold: bool,
    italic: bool,
    underline: bool,
    dim: bool,
}

impl Look {
    fn of(cell: &Cell) -> Look {
        let m = cell.modifier;
        let (mut fg, mut bg) = (rgb(cell.fg, FG), rgb(cell.bg, BG));
        if m.contains(Modifier::REVERSED) {
            std::mem::swap(&mut fg, &mut bg);
        }
        Look {
            fg,
            bg,
            bold: m.contains(Modifier::BOLD),
            italic: m.contains(Modifier::ITALIC),
            underline: m.contains(Modifier::UNDERLINED),
            dim: m.contains(Modifier::DIM),
        }
    }

    fn css(&self) -> String {
        let mut css = format!("fill:{}", hex(self.fg));
        if self.bold {
            css.push_str(";font-weight:bold");
        }
        if self.italic {
            css.push_str(";font-style:italic");
        }
        if self.underline {
            css.push_str(";text-decoration:underline");
        }
        if self.dim {
            css.push_str(";opacity:.6");
        }
        css
    }
}

/// The classes and rows written so far, each once, in the order first met.
#[derive(Default)]
struct Sheet {
    looks: HashMap<Look, usize>,
    order: Vec<Look>,
    rows: HashMap<String, usize>,
    defs: Vec<String>,
}

impl Sheet {
    fn class(&mut self, look: &Look) -> usize {
        if let Some(&k) = self.looks.get(look) {
            return k;
        }
        self.order.push(look.clone());
        self.looks.insert(look.clone(), self.order.len() - 1);
        self.order.len() - 1
    }

    /// Row `y` of `screen` as SVG at the row's own origin: background rectangles,
    /// then the text runs.
    fn row(&mut self, screen: &Buffer, y: u16) -> String {
        let area = screen.area;
        // (first column, cells, look, text) for each run of one look.
        let mut runs: Vec<(u16, u16, Look, String)> = Vec::new();
        let mut x = area.left();
        while x < area.right() {
            let cell = &screen[(x, y)];
            let symbol = if cell.symbol().is_empty() {
                " "
            } else {
                cell.symbol()
            };
            let cells = symbol.width().max(1) as u16;
            let look = Look::of(cell);
            match runs.last_mut() {
                Some(run) if run.2 == look => {
                    run.1 += cells;
                    run.3.push_str(symbol);
                }
                _ => runs.push((x - area.left(), cells, look, symbol.to_owned())),
            }
            x += cells;
        }
        // Trailing blanks on the default background are not written.
        while runs
            .last()
            .is_some_and(|r| r.2.bg == BG && !r.2.underline && r.3.trim().is_empty())
        {
            runs.pop();
        }
        let mut svg = String::new();
        for (col, cells, look, _) in &runs {
            if look.bg != BG {
                let _ = write!(
                    svg,
                    r#"<rect x="{}" width="{}" height="{CELL_H}" fill="{}"/>"#,
                    num(f64::from(*col) * CELL_W),
                    num(f64::from(*cells) * CELL_W),
                    hex(look.bg)
                );
            }
        }
        let text: String = runs
            .iter()
            .filter(|r| !r.3.trim().is_empty() || r.2.underline)
            .map(|(col, cells, look, text)| {
                let class = self.class(look);
                format!(
                    r#"<tspan x="{}" textLength="{}" class="c{class}">{}</tspan>"#,
                    num(f64::from(*col) * CELL_W),
                    num(f64::from(*cells) * CELL_W),
                    escape(text)
                )
            })
            .collect();
        if !text.is_empty() {
            let _ = write!(svg, r#"<text y="{BASELINE}">{text}</text>"#);
        }
        svg
    }

    /// The id of `row`'s definition, writing it the first time.
    fn define(&mut self, row: String) -> usize {
        if let Some(&k) = self.rows.get(&row) {
            return k;
        }
        let k = self.defs.len();
        self.defs.push(format!(r#"<g id="r{k}">{row}</g>"#));
        self.rows.insert(row, k);
        k
    }

    /// A screen as `<use>`s of its rows, at `top`.
    fn screen(&mut self, screen: &Buffer, top: f64) -> String {
        let mut out = String::new();
        for y in screen.area.top()..screen.area.bottom() {
            let row = self.row(screen, y);
            if row.is_empty() {
                continue;
            }
            let k = self.define(row);
            let row_top = top + f64::from(y - screen.area.top()) * CELL_H;
            let _ = write!(out, r##"<use href="#r{k}" y="{}"/>"##, num(row_top));
        }
        out
    }

    fn style(&self, extra: &str) -> String {
        let mut css = format!(
            "text{{white-space:pre;font-family:'DejaVu Sans Mono',Menlo,Consolas,'Liberation Mono',monospace;font-size:{FONT}px}}"
        );
        for (k, look) in self.order.iter().enumerate() {
            let _ = write!(css, ".c{k}{{{}}}", look.css());
        }
        css.push_str(extra);
        css
    }
}

/// A number as SVG wants it: no trailing zeros, at most three decimals.
fn num(v: f64) -> String {
    let s = format!("{:.3}", v);
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text);
    out
}

/// Appends `text` to `out` as XML or HTML text (`&`, `<`, `>` escaped): the SVG's, and
/// the web page's rows (`web/src/rows.rs`).
pub fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

fn document(width: f64, height: f64, title: &str, style: &str, body: &str) -> String {
    format!(
        concat!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" xml:space="preserve">"#,
            "\n<title>{title}</title>\n<style>{style}</style>\n",
            r#"<rect width="{w}" height="{h}" fill="{bg}"/>"#,
            "\n{body}\n</svg>\n"
        ),
        w = num(width),
        h = num(height),
        title = escape(title),
        style = style,
        bg = hex(BG),
        body = body,
    )
}

/// One screen as a still SVG: each row drawn where it shows (no shared rows), so a
/// viewer lays out every character and can be asked where it put it.
pub fn still(screen: &Buffer, title: &str) -> String {
    let mut sheet = Sheet::default();
    let mut body = String::new();
    for y in screen.area.top()..screen.area.bottom() {
        let row = sheet.row(screen, y);
        if !row.is_empty() {
            let k = y - screen.area.top();
            let top = num(f64::from(k) * CELL_H);
            let _ = writeln!(
                body,
                "<g class=\"row\" data-row=\"{k}\" transform=\"translate(0,{top})\">{row}</g>"
            );
        }
    }
    let (w, h) = size(screen);
    document(w, h, title, &sheet.style(""), &body)
}

fn size(screen: &Buffer) -> (f64, f64) {
    (
        f64::from(screen.area.width) * CELL_W,
        f64::from(screen.area.height) * CELL_H,
    )
}

/// The recording as an animated SVG: each frame for its time on the film, the last
/// for `end_hold` seconds more, then again from the start.
pub fn animated(film: &Film, title: &str, end_hold: f64) -> String {
    let Some(first) = film.frames.first() else {
        return document(0.0, 0.0, title, "", "");
    };
    let (w, h) = size(&first.screen);
    let total = film.frames.last().map_or(0.0, |f| f.time) + end_hold;
    let mut sheet = Sheet::default();
    let mut strip = String::new();
    let mut keys = String::new();
    for (k, frame) in film.frames.iter().enumerate() {
        let top = k as f64 * h;
        let _ = writeln!(
            strip,
            "<g class=\"frame\" data-step=\"{}\">{}</g>",
            frame.step.map_or(0, |i| i + 1),
            sheet.screen(&frame.screen, top)
        );
        let at = if total > 0.0 {
            frame.time / total * 100.0
        } else {
            0.0
        };
        let _ = write!(
            keys,
            "{}%{{transform:translateY(-{}px)}}",
            num(at),
            num(top)
        );
    }
    let extra = format!(
        "#film{{animation:film {}s steps(1,end) infinite}}@keyframes film{{{keys}}}",
        num(total)
    );
    let body = format!(
        "<defs>{}</defs>\n<svg width=\"{w}\" height=\"{h}\"><g id=\"film\">\n{strip}</g></svg>",
        sheet.defs.concat(),
        w = num(w),
        h = num(h),
    );
    document(w, h, title, &sheet.style(&extra), &body)
}
