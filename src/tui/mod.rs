//! The ratatui front end: two people's screens side by side over one `World`.

mod app;
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
pub use overlay::Overlay;
pub use theme::Theme;

use crate::scenario::Loaded;

/// Options from the command line.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub no_mouse: bool,
    /// Auto-advance speed of script playback (1 = normal, 2 = twice as fast).
    pub speed: f64,
}

/// Runs the app until the person quits. The terminal is restored on every way out:
/// normal exit, error, and panic (ratatui's hook, plus mouse capture off).
pub fn run(loaded: Loaded, options: Options) -> io::Result<()> {
    let mut app = App::new(loaded, Theme::from_env());
    app.mouse = !options.no_mouse;
    if let Some(pb) = app.playback.as_mut() {
        pb.speed = options.speed;
    }
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result = event_loop(&mut terminal, &mut app);
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
