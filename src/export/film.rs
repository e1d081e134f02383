//! A scenario's scripted run as the frames of a recording: the app drawn in recording
//! mode (a caption, the active tab bracketed, no "press" hints) after each step, on a
//! timeline made of step delays, never the wall clock: the same scenario gives the
//! same frames. Casts, SVGs and `play --screens` are all made from it.

use std::io;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

use crate::scenario::Loaded;
use crate::tui::{App, Theme};

/// One frame: when it shows, which step it follows, and the screen.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Seconds from the start of the recording.
    pub time: f64,
    /// The step just run (0-based), or `None` for the opening screen.
    pub step: Option<usize>,
    /// The step as one line (`Send(maya → sam, …)`), or the opening screen's title.
    pub label: String,
    /// A quiz's question, before its answer shows (the next frame, same step).
    pub question: bool,
    pub screen: Buffer,
}

/// The run's frames, and how many steps did not turn out as written.
#[derive(Debug, Clone)]
pub struct Film {
    pub frames: Vec<Frame>,
    pub failures: usize,
    pub steps: usize,
}

/// Seconds a quiz's question shows before its answer, in step delays.
const QUESTION_HOLD: f64 = 2.0;

/// Plays `loaded`'s script at `width`×`height` in `theme`, a frame per step
/// (`step_delay` seconds apart) and a quiz's question and answer as two.
pub fn film(
    loaded: &Loaded,
    (width, height): (u16, u16),
    theme: Theme,
    step_delay: f64,
) -> io::Result<Film> {
    let mut app = App::new(loaded.clone(), theme).for_recording();
    let Ok(mut terminal) = Terminal::new(TestBackend::new(width, height));
    let mut draw = |app: &App| -> Buffer {
        let Ok(_) = terminal.draw(|f| f.render_widget(app, f.area()));
        terminal.backend().buffer().clone()
    };
    let steps = loaded.scenario.script.clone();
    let mut frames = vec![Frame {
        time: 0.0,
        step: None,
        label: format!("start · {}", loaded.file),
        question: false,
        screen: draw(&app),
    }];
    let mut clock = 0.0;
    app.play_through(|app, i, question| {
        let answer = frames.last().is_some_and(|f| f.question);
        clock += if answer {
            step_delay * QUESTION_HOLD
        } else {
            step_delay
        };
        frames.push(Frame {
            time: (clock * 1000.0_f64).round() / 1000.0,
            step: Some(i),
            label: steps.get(i).map(|s| s.one_line()).unwrap_or_default(),
            question,
            screen: draw(app),
        });
        Ok(())
    })?;
    Ok(Film {
        frames,
        failures: app.script_failures(),
        steps: steps.len(),
    })
}
