//! `record`: the scripted run as an asciicast file (v2, or v3 with `--cast-version
//! 3`). Each frame of the recording (`film`) is what ratatui's crossterm backend
//! writes for it; the timeline is made of step delays, never the wall clock, so the
//! same input gives the same bytes. The cast ends clean: the last frame held
//! (`end_hold`), then the cursor shown and put below the frame, so the viewer's shell
//! carries on under it after `asciinema cat` or `play`.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use serde_json::{Value, json};

use super::film::film;
use crate::scenario::Loaded;
use crate::tui::Theme;
use crate::tui::palette::{ANSI, BG, FG, hex};

/// Clear the screen, home the cursor, hide it: the state every cast starts from.
const PROLOGUE: &str = "\x1b[?25l\x1b[2J\x1b[H";

#[derive(Debug, Clone, Copy)]
pub struct CastOptions {
    pub width: u16,
    pub height: u16,
    /// Seconds between steps on the cast's timeline.
    pub step_delay: f64,
    /// Seconds the last frame stays before the cast ends.
    pub end_hold: f64,
    /// asciicast version: 2 (every player) or 3 (the asciinema CLI's own, 3.x).
    pub version: u8,
}

/// The colours casts are drawn in, for players to show: the palette every output of
/// the app uses (`tui::palette`).
fn theme() -> Value {
    let palette: Vec<String> = ANSI.iter().map(|&c| hex(c)).collect();
    json!({ "fg": hex(FG), "bg": hex(BG), "palette": palette.join(":") })
}

/// Writes the cast; returns how many steps did not turn out as written.
pub fn record(loaded: &Loaded, options: CastOptions, out: &mut dyn Write) -> io::Result<usize> {
    let CastOptions {
        width,
        height,
        step_delay,
        end_hold,
        version,
    } = options;
    // Casts are always in colour: an environment variable must not change the bytes.
    let film = film(loaded, (width, height), Theme::colour(), step_delay)?;
    let title = format!("invitesim · {}", loaded.scenario.title);
    // No pause on the timeline is idle: players keep every one.
    let idle = film
        .frames
        .windows(2)
        .map(|w| w[1].time - w[0].time)
        .fold(end_hold, f64::max);
    let header = if version == 3 {
        json!({
            "version": 3,
            "term": { "cols": width, "rows": height, "theme": theme() },
            "idle_time_limit": idle,
            "title": title,
        })
    } else {
        json!({
            "version": 2,
            "width": width,
            "height": height,
            "idle_time_limit": idle,
            "title": title,
            "theme": theme(),
        })
    };
    writeln!(out, "{header}")?;
    let mut events = Events {
        version,
        last: 0.0,
        out,
    };
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    let sink = Sink::default();
    let backend = CrosstermBackend::new(sink.clone());
    let mut terminal = Terminal::with_options(backend, TerminalOptions { viewport })?;
    let mut last_step = None;
    for frame in &film.frames {
        terminal.draw(|f| *f.buffer_mut() = frame.screen.clone())?;
        let mut data = String::from_utf8_lossy(&sink.take()).into_owned();
        if frame.step.is_none() {
            data.insert_str(0, PROLOGUE);
        }
        if frame.step.is_some() && frame.step != last_step {
            events.write(frame.time, "m", &frame.label)?;
            last_step = frame.step;
        }
        events.write(frame.time, "o", &data)?;
    }
    // Hold the last frame, then leave the viewer's terminal as a shell wants it:
    // attributes reset, the cursor below the frame and shown.
    let end = film.frames.last().map_or(0.0, |f| f.time) + end_hold;
    let epilogue = format!("\x1b[0m\x1b[{height};1H\r\n\x1b[?25h");
    events.write(end, "o", &epilogue)?;
    Ok(film.failures)
}

/// The cast's event lines: v2 stamps each with its time, v3 with the time since the
/// event before.
struct Events<'a> {
    version: u8,
    last: f64,
    out: &'a mut dyn Write,
}

impl Events<'_> {
    fn write(&mut self, time: f64, code: &str, data: &str) -> io::Result<()> {
        let stamp = if self.version == 3 {
            time - self.last
        } else {
            time
        };
        self.last = time;
        let stamp = (stamp * 1000.0).round() / 1000.0;
        writeln!(self.out, "{}", json!([stamp, code, data]))
    }
}

/// A byte buffer the backend writes into and the recorder drains after each frame.
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Sink {
    fn take(&self) -> Vec<u8> {
        std::mem::take(&mut *self.0.borrow_mut())
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}
