//! The one engine of "what happened": running a scenario's steps over a `World`,
//! judging expectations, and observing an action (apply + each person's view diff +
//! what they can infer). The TUI, every headless output and lessons use it; nothing
//! here knows a terminal.

mod observe;
pub mod probe;
mod runner;

pub use observe::{Observation, Screen, observe};
pub use runner::{Runner, ScriptWorld, StepKind, StepReport};
