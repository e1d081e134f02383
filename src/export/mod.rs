//! Headless outputs over `script`: a scenario's script run without a terminal, written as a text or
//! JSON-lines transcript.

pub mod film;
mod json;
#[cfg(not(target_arch = "wasm32"))]
mod record;
pub mod rules;
mod screens;
pub mod story;
pub mod svg;
mod text;

use std::io::{self, Write};

#[cfg(not(target_arch = "wasm32"))]
pub use record::{CastOptions, record};
pub use screens::{heading, screens, screens_svg, text_lines};

use crate::scenario::Loaded;
use crate::script::{Runner, StepKind, StepReport};

/// "1 person", "3 people": a count with the noun it takes.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Transcript formats for `invitesim play`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(clap::ValueEnum))]
pub enum Format {
    #[default]
    Text,
    Json,
}

/// Counts of a whole run, for the closing line and the exit code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub steps: usize,
    pub expectations: usize,
    /// Steps whose outcome was not the one written (expectations and actions).
    pub failed: usize,
    pub failed_expectations: usize,
    pub quizzes: usize,
}

impl Summary {
    pub fn passed(&self) -> bool {
        self.failed == 0
    }

    fn count(&mut self, r: &StepReport) {
        self.steps += 1;
        self.expectations += usize::from(r.kind == StepKind::Expect);
        self.quizzes += usize::from(r.kind == StepKind::Quiz);
        self.failed += usize::from(!r.ok);
        self.failed_expectations += usize::from(!r.ok && r.kind == StepKind::Expect);
    }
}

/// Plays the whole script, writing each step as it goes.
pub fn play(loaded: &Loaded, format: Format, out: &mut dyn Write) -> io::Result<Summary> {
    let mut world = crate::model::World::clone(loaded.setup.script_start());
    let mut runner = Runner::new(&loaded.scenario.script, &world, loaded.setup.panes);
    let mut summary = Summary::default();
    if format == Format::Text {
        text::header(loaded, out)?;
    }
    let lines = story::step_lines(loaded);
    while let Some(report) = runner.step(&mut world) {
        summary.count(&report);
        let line = lines.get(report.number - 1).copied().flatten();
        match format {
            Format::Text => text::step(&report, line, loaded, &world, out)?,
            Format::Json => json::step(&report, line, loaded, &world, out)?,
        }
    }
    match format {
        Format::Text => text::footer(&summary, out)?,
        Format::Json => json::summary(&summary, out)?,
    }
    Ok(summary)
}
