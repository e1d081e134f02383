//! `play --screens WxH`: after each step, the screen the app would show at that size,
//! as plain text (or, with `--format svg`, one SVG per step) — the recording's frames
//! (`film`), one per step: a quiz shows once, answered.

use std::io::{self, Write};
use std::path::Path;

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

use super::film::{Film, Frame, film};
use crate::scenario::Loaded;
use crate::tui::Theme;

/// The frames `--screens` shows: every step once (a quiz's answered screen).
fn shown(film: &Film) -> impl Iterator<Item = &Frame> {
    film.frames.iter().filter(|f| !f.question)
}

/// A frame's heading: `start · FILE` or `step 3/46 · Send(…)`.
pub fn heading(film: &Film, frame: &Frame) -> String {
    match frame.step {
        None => frame.label.clone(),
        Some(i) => format!("step {}/{} · {}", i + 1, film.steps, frame.label),
    }
}

/// Writes every step's screen; returns how many steps did not turn out as written.
pub fn screens(loaded: &Loaded, size: (u16, u16), out: &mut dyn Write) -> io::Result<usize> {
    let film = film(loaded, size, Theme::plain(), 1.0)?;
    for frame in shown(&film) {
        writeln!(out, "── {} ──", heading(&film, frame))?;
        for line in text_lines(&frame.screen) {
            writeln!(out, "{line}")?;
        }
        writeln!(out)?;
    }
    Ok(film.failures)
}

/// Writes one SVG per step into `dir` (`step-000.svg` is the opening screen); returns
/// the files written and how many steps did not turn out as written.
pub fn screens_svg(loaded: &Loaded, size: (u16, u16), dir: &Path) -> io::Result<(usize, usize)> {
    std::fs::create_dir_all(dir)?;
    let film = film(loaded, size, Theme::colour(), 1.0)?;
    let mut written = 0;
    for frame in shown(&film) {
        let n = frame.step.map_or(0, |i| i + 1);
        let svg = super::svg::still(&frame.screen, &heading(&film, frame));
        let path = dir.join(format!("step-{n:03}.svg"));
        crate::files::write_atomically(&path, |out| out.write_all(svg.as_bytes()))?;
        written += 1;
    }
    Ok((written, film.failures))
}

/// The buffer as lines of text, trailing blanks trimmed; a wide character's hidden
/// second cell is skipped.
pub fn text_lines(buf: &Buffer) -> Vec<String> {
    let area = buf.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut line = String::new();
            let mut skip = 0;
            for x in area.left()..area.right() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buf[(x, y)].symbol();
                skip = symbol.width().saturating_sub(1);
                line.push_str(symbol);
            }
            line.trim_end().to_owned()
        })
        .collect()
}
