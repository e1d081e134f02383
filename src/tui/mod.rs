//! The ratatui front end: two people's screens side by side over one `World`.

mod app;
pub mod config;
mod counts;
mod course;
mod field;
mod happened;
mod input;
pub mod key;
pub mod keymap;
mod live;
pub mod loading;
pub mod menu;
mod overlay;
pub mod page;
pub mod palette;
mod pane;
mod playback;
mod popup;
pub mod progress;
mod rows;
mod script_panel;
mod session;
#[cfg(not(target_arch = "wasm32"))]
mod terminal;
mod text;
mod theme;
mod ui;

pub use app::{App, Download, Outcome, Pane};
pub use config::Config;
pub use counts::PaneCounts;
pub use course::Course;
pub use live::LiveWorld;
pub use overlay::Overlay;
#[cfg(not(target_arch = "wasm32"))]
pub use terminal::{Ending, Opened, learn, open, run};
pub use theme::Theme;

use crate::scenario::Loaded;

/// Options from the command line and the person's config files.
#[derive(Debug, Clone)]
pub struct Options {
    pub no_mouse: bool,
    /// Auto-advance speed of script playback (1 = normal, 2 = twice as fast).
    pub speed: f64,
    pub config: Config,
}

impl Options {
    /// The app on `loaded`, with these options, theme and keymap.
    pub fn app(&self, loaded: Loaded) -> App {
        let mut app = App::with_keymap(loaded, self.config.theme, self.config.keymap.clone());
        app.set_mouse(!self.no_mouse);
        app.set_speed(self.speed);
        app
    }
}
