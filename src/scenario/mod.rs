//! The RON scenario format: loading, validation, positioned errors, built-ins.

pub mod builtin;
mod clean;
mod error;
mod explain;
mod format;
pub mod generate;
mod history;
mod load;
pub mod locate;
pub mod progress;
pub mod save;
mod step;
mod stream;
mod validate;

pub use clean::visible;
pub use error::{Diagnostic, MAX_SHOWN, ScenarioError};
pub use explain::closest;
pub use format::{
    Expectation, HistoryState, InboxExpect, InvitationSpec, Lesson, Panes, PersonSpec, Quiz,
    RulesSpec, Scenario, SentExpect,
};
pub use history::Past;
pub use load::{
    Loaded, Way, load_parsed, load_path, load_source, parse, parse_ron, resolve, ron_options,
};
pub use step::Step;
pub use validate::{Setup, format_rfc3339, parse_time, validate};
