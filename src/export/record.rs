//! `record`: the scripted run as an asciicast v2 file. Each frame is what ratatui's
//! crossterm backend writes for it; the timeline is made of step delays, never the
//! wall clock, so the same input gives the same bytes.

use std::cell::RefCell;
use std::io::{self, Write};
use std::rc::Rc;

use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use serde_json::json;

use crate::scenario::Loaded;
use crate::tui::{App, Theme};

/// Clear the screen, home the cursor, hide it: the state every cast starts from.
const PROLOGUE: &str = "\x1b[?25l\x1b[2J\x1b[H";

#[derive(Debug, Clone, Copy)]
pub struct CastOptions {
    pub width: u16,
    pub height: u16,
    /// Seconds between steps on the cast's timeline.
    pub step_delay: f64,
}

/// Writes the cast; returns how many steps did not turn out as written.
pub fn record(loaded: &Loaded, options: CastOptions, out: &mut dyn Write) -> io::Result<usize> {
    let CastOptions {
        width,
        height,
        step_delay,
    } = options;
    let header = json!({
        "version": 2,
        "width": width,
        "height": height,
        "title": format!("invitesim · {}", loaded.scenario.title),
    });
    writeln!(out, "{header}")?;
    // Casts are always in colour: an environment variable must not change the bytes.
    let mut app = App::new(loaded.clone(), Theme::colour());
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    let sink = Sink::default();
    let backend = CrosstermBackend::new(sink.clone());
    let mut terminal = Terminal::with_options(backend, TerminalOptions { viewport })?;
    let steps = loaded.scenario.script.clone();
    let mut clock = 0.0_f64;
    let mut last_step = None;
    let mut frame = |app: &App, step: Option<usize>, out: &mut dyn Write| -> io::Result<()> {
        terminal.draw(|f| f.render_widget(app, f.area()))?;
        let bytes = sink.take();
        let mut data = String::from_utf8_lossy(&bytes).into_owned();
        if step.is_none() {
            data.insert_str(0, PROLOGUE);
        } else {
            clock += step_delay;
        }
        let time = (clock * 1000.0).round() / 1000.0;
        if step.is_some() && step != last_step {
            let label = step
                .and_then(|i| steps.get(i))
                .map(|s| s.one_line())
                .unwrap_or_default();
            writeln!(out, "{}", json!([time, "m", label]))?;
            last_step = step;
        }
        writeln!(out, "{}", json!([time, "o", data]))
    };
    frame(&app, None, out)?;
    app.play_through(|app, i| frame(app, Some(i), out))?;
    Ok(app.script_failures())
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
