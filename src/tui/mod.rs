//! The ratatui front end: two people's screens side by side over one `World`.

mod app;
mod happened;
mod input;
pub mod keymap;
mod overlay;
mod pane;
mod popup;
mod rows;
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
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    pub no_mouse: bool,
}

/// Runs the app until the person quits. The terminal is restored on every way out:
/// normal exit, error, and panic (ratatui's hook, plus mouse capture off).
pub fn run(loaded: Loaded, options: Options) -> io::Result<()> {
    let mut app = App::new(loaded, Theme::from_env());
    app.mouse = !options.no_mouse;
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
        // Resize events simply fall through to the next draw.
        let ev = event::read()?;
        app.handle_event(&ev);
    }
    Ok(())
}
