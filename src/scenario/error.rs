//! Errors a scenario author sees. The first line of each is `FILE:LINE:COL: message`
//! (tools and tests grep it); under it the source line with a caret under the spot, and
//! a `help:` line when there is a fix or a close name — drawn by `annotate-snippets`,
//! the renderer rustc and cargo use, so the layout is the one authors already read.

use std::fmt;

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

use super::clean::visible;
use super::locate::Pos;

/// One problem in one file, at a position when the problem has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub pos: Option<Pos>,
    pub message: String,
    /// The fix, or the name the author probably meant.
    pub help: Option<String>,
    /// Characters under the caret, from `pos` (at least one).
    pub width: usize,
    /// The source line `pos` is on, once the source is known.
    pub line: Option<String>,
}

impl Diagnostic {
    pub fn new(file: &str, pos: Option<Pos>, message: impl Into<String>) -> Diagnostic {
        let (message, help) = split_help(message.into());
        Diagnostic {
            file: file.to_owned(),
            pos,
            message,
            help,
            width: 1,
            line: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn with_width(mut self, width: usize) -> Diagnostic {
        self.width = width.max(1);
        self
    }

    /// The first line: `FILE:LINE:COL: message`.
    pub fn header(&self) -> String {
        let (file, message) = (visible(&self.file), visible(&self.message));
        match self.pos {
            Some(Pos { line, col }) => format!("{file}:{line}:{col}: {message}"),
            None => format!("{file}: {message}"),
        }
    }

    /// The header, then the source line with a caret and the help, styled or plain.
    pub fn render(&self, color: bool) -> String {
        let mut out = self.header();
        let help = self.help.as_deref().map(|h| visible(h).into_owned());
        let snippet = self.pos.zip(self.line.as_deref()).map(|(pos, line)| {
            // Control characters are shown as escapes; the caret moves with them.
            let before: String = line.chars().take(pos.col.saturating_sub(1)).collect();
            let under: String = line
                .chars()
                .skip(pos.col.saturating_sub(1))
                .take(self.width)
                .collect();
            let (before, under) = (visible(&before), visible(&under));
            let after: String = line
                .chars()
                .skip(pos.col.saturating_sub(1) + self.width)
                .collect();
            let text = format!("{before}{under}{}", visible(&after));
            let start = before.len();
            (pos.line, text, start..start + under.len())
        });
        if snippet.is_none() && help.is_none() {
            return out;
        }
        let mut group = Group::with_level(Level::ERROR);
        let owned;
        if let Some((line_no, text, span)) = snippet {
            owned = text;
            group = group.element(
                Snippet::source(owned.as_str())
                    .line_start(line_no)
                    .fold(false)
                    .annotation(AnnotationKind::Primary.span(span)),
            );
        }
        if let Some(help) = &help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        out.push('\n');
        out.push_str(renderer.render(&[group]).trim_end());
        out
    }
}

/// How many characters the word, number or string starting at `col` takes (at least 1).
fn token_width(line: &str, col: usize) -> usize {
    let mut rest = line.chars().skip(col.saturating_sub(1)).peekable();
    match rest.peek() {
        Some('"') => {
            let mut n = 1;
            let mut escaped = false;
            for c in rest.skip(1) {
                n += 1;
                match (c, escaped) {
                    ('"', false) => return n,
                    ('\\', false) => escaped = true,
                    _ => escaped = false,
                }
            }
            1
        }
        Some(c) if c.is_alphanumeric() || *c == '_' || *c == '-' => rest
            .take_while(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
            .count(),
        _ => 1,
    }
}

/// A message may carry its fix after a line `help: …` (the validator's problems do).
fn split_help(message: String) -> (String, Option<String>) {
    match message.split_once("\nhelp: ") {
        Some((m, h)) => (m.to_owned(), Some(h.to_owned())),
        None => (message, None),
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
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
            diagnostics: vec![Diagnostic::new(file, pos, message)],
        }
    }

    /// Fills in each diagnostic's source line from the text it was found in, with the
    /// caret under the whole word or string at its position, and puts them in file order.
    pub fn with_source(mut self, source: &str) -> ScenarioError {
        let lines: Vec<&str> = source.lines().collect();
        for d in &mut self.diagnostics {
            let Some(pos) = d.pos else { continue };
            let Some(line) = lines.get(pos.line.saturating_sub(1)) else {
                continue;
            };
            if d.width == 1 {
                d.width = token_width(line, pos.col);
            }
            d.line = Some((*line).to_owned());
        }
        self.diagnostics.sort_by_key(|d| d.pos);
        self
    }

    /// All diagnostics, each with its snippet and help, styled for a terminal or plain.
    pub fn render(&self, color: bool) -> String {
        let mut out = String::new();
        for (i, d) in self.diagnostics.iter().take(MAX_SHOWN).enumerate() {
            if i > 0 {
                out.push_str("\n\n");
            }
            out.push_str(&d.render(color));
        }
        let hidden = self.diagnostics.len().saturating_sub(MAX_SHOWN);
        if hidden > 0 {
            let file = visible(&self.diagnostics[0].file);
            let errors = if hidden == 1 { "error" } else { "errors" };
            out.push_str(&format!("\n\n{file}: … and {hidden} more {errors}"));
        }
        out
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for ScenarioError {}
