//! The ratatui front end: two people's screens side by side over one `World`.

mod app;
mod course;
mod happened;
mod input;
pub mod keymap;
mod overlay;
mod pane;
mod playback;
mod popup;
mod rows;
mod script_panel;
mod text;
mod theme;
mod ui;

use std::io::{self, stdout};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

pub use app::{App, Outcome, PaneState};
pub use course::Course;
pub use overlay::Overlay;
pub use theme::Theme;

use std::path::PathBuf;

use crate::progress::Progress;
use crate::scenario::{self, Loaded, builtin};

/// Options from the command line.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub no_mouse: bool,
    /// Auto-advance speed of script playback (1 = normal, 2 = twice as fast).
    pub speed: f64,
}

/// Runs the app until the person quits.
pub fn run(loaded: Loaded, options: Options) -> io::Result<()> {
    let mut app = App::new(loaded, Theme::from_env());
    options.apply(&mut app);
    with_terminal(|terminal| event_loop(terminal, &mut app))
}

/// Runs the course from lesson `from` (0-based; the first lesson not done when
/// `None`), loading each next lesson in place. Returns the progress path it used.
pub fn learn(from: Option<usize>, reset: bool, options: Options) -> io::Result<Option<PathBuf>> {
    let path = Progress::default_path();
    let mut progress = path.as_deref().map(Progress::load).unwrap_or_default();
    if reset {
        progress = Progress::default();
        if let Some(p) = &path {
            progress.save(p)?;
        }
    }
    let mut index = from.unwrap_or_else(|| Course::first_open(&progress));
    with_terminal(|terminal| {
        while let Some(lesson) = builtin::LESSONS.get(index) {
            let loaded =
                scenario::load_source(&format!("{}.ron", lesson.name), lesson.source.as_bytes())
                    .map_err(|e| io::Error::other(e.to_string()))?;
            let course = Course::new(index, progress.clone(), path.clone());
            let mut app = App::for_lesson(loaded, Theme::from_env(), course);
            options.apply(&mut app);
            event_loop(terminal, &mut app)?;
            let Some(course) = app.course else { break };
            progress = course.progress;
            if !course.advance {
                break;
            }
            index += 1;
        }
        Ok(())
    })?;
    Ok(path)
}

impl Options {
    fn apply(&self, app: &mut App) {
        app.mouse = !self.no_mouse;
        if let Some(pb) = app.playback.as_mut() {
            pb.speed = self.speed;
        }
    }
}

/// Sets the terminal up, runs `f`, and restores it on every way out: normal exit,
/// error, and panic (ratatui's hook, plus mouse capture off).
fn with_terminal<T>(f: impl FnOnce(&mut DefaultTerminal) -> io::Result<T>) -> io::Result<T> {
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result = f(&mut terminal);
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    let mut mouse_on = false;
    while !app.quit {
        if app.mouse != mouse_on {
            mouse_on = app.mouse;
            if mouse_on {
                execute!(stdout(), EnableMouseCapture)?;
            } else {
                execute!(stdout(), DisableMouseCapture)?;
            }
        }
        terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
        // Resize events simply fall through to the next draw. While a script plays,
        // a quiet interval advances it.
        let ev = match app.next_tick() {
            Some(wait) if !event::poll(wait)? => None,
            _ => Some(event::read()?),
        };
        match ev {
            Some(ev) => app.handle_event(&ev),
            None => app.script_step(),
        }
    }
    Ok(())
}
