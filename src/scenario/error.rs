//! Errors a scenario author sees: each one `FILE:LINE:COL: message`.

use std::fmt;

use super::clean::visible;
use super::locate::Pos;

/// One problem in one file, at a position when the problem has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub pos: Option<Pos>,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (file, message) = (visible(&self.file), visible(&self.message));
        match self.pos {
            Some(Pos { line, col }) => write!(f, "{file}:{line}:{col}: {message}"),
            None => write!(f, "{file}: {message}"),
        }
    }
}

/// Every problem found in a scenario, in file order. Never empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    pub diagnostics: Vec<Diagnostic>,
}

/// At most this many diagnostics are printed for one file; the rest are counted.
pub const MAX_SHOWN: usize = 100;

impl ScenarioError {
    pub fn one(file: &str, pos: Option<Pos>, message: impl Into<String>) -> ScenarioError {
        ScenarioError {
            diagnostics: vec![Diagnostic {
                file: file.to_owned(),
                pos,
                message: message.into(),
            }],
        }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().take(MAX_SHOWN).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        let hidden = self.diagnostics.len().saturating_sub(MAX_SHOWN);
        if hidden > 0 {
            let file = visible(&self.diagnostics[0].file);
            write!(f, "\n{file}: … and {hidden} more errors")?;
        }
        Ok(())
    }
}

impl std::error::Error for ScenarioError {}
