//! Reading a scenario: bytes → text → RON → `Scenario` → validated `Setup`, with every
//! failure turned into a positioned diagnostic.

use std::path::Path as FsPath;

use ron::extensions::Extensions;

use super::error::{Diagnostic, ScenarioError};
use super::locate::{Pos, locate};
use super::validate::{Setup, validate};
use super::{Scenario, builtin};

/// Nesting deeper than this is refused with a position, never a stack overflow.
const RECURSION_LIMIT: usize = 128;

/// A scenario ready to run: its source, its parsed form and its starting world.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The file name or `NAME.ron` for a built-in, as errors and titles name it.
    pub file: String,
    /// Where it was read from; `None` for a built-in.
    pub path: Option<std::path::PathBuf>,
    /// The parsed file, its strings made safe to print (`Scenario::sanitize`), less its
    /// `invitations`: those now live in `setup.world` (and `setup.history`).
    pub scenario: Scenario,
    pub setup: Setup,
    /// The text as written, so a save can keep it (comments, order, script) and touch
    /// only `actions:`. Kept for files up to `KEEP_SOURCE` bytes; a bigger world (a
    /// generated one) is saved by writing it out whole.
    pub source: Option<std::sync::Arc<str>>,
}

impl Loaded {
    /// A lesson opens as one (goal, hint, quiz), unless it is a saved session of one:
    /// that opens where it was saved, exploring.
    pub fn is_lesson(&self) -> bool {
        self.scenario.lesson.is_some() && self.setup.actions.is_empty()
    }
}

/// Files up to this size keep their text for saving.
pub const KEEP_SOURCE: usize = 4 << 20;

/// Loads `arg` as a file if one exists there, else as a built-in scenario's name.
pub fn resolve(arg: &str) -> Result<Loaded, ScenarioError> {
    let path = FsPath::new(arg);
    if !path.exists()
        && let Some(b) = builtin::find(arg)
    {
        return load_source(&format!("{}.ron", b.name), b.source.as_bytes());
    }
    load_path(path)
}

pub fn load_path(path: &FsPath) -> Result<Loaded, ScenarioError> {
    let file = path.display().to_string();
    if path.is_dir() {
        return Err(ScenarioError::one(
            &file,
            None,
            "is a directory, not a scenario file",
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => {
                "no such file (and no built-in scenario of that name; see `invitesim list`)".into()
            }
            std::io::ErrorKind::PermissionDenied => "permission denied".into(),
            _ => format!("cannot read: {e}"),
        };
        ScenarioError::one(&file, None, why)
    })?;
    let mut loaded = load_source(&file, &bytes)?;
    loaded.path = Some(path.to_path_buf());
    Ok(loaded)
}

/// Parses and validates scenario bytes; `file` names them in diagnostics.
pub fn load_source(file: &str, bytes: &[u8]) -> Result<Loaded, ScenarioError> {
    let source = std::str::from_utf8(bytes).map_err(|e| {
        let pos = position_of(bytes, e.valid_up_to());
        ScenarioError::one(
            file,
            Some(pos),
            "invalid UTF-8: scenario files must be UTF-8 text",
        )
    })?;
    let way = if !cfg!(target_arch = "wasm32") && source.len() >= super::stream::STREAM_FROM {
        Way::Streamed
    } else {
        Way::Sequential
    };
    load_parsed(file, source, way)
}

/// How a load replays its history. Every way gives the same result, which the tests
/// check (`tests/stream.rs`).
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    /// Parse, then replay each moment as soon as nothing earlier can still come.
    Sequential,
    /// The same, the parse on a second thread (`stream`).
    Streamed,
    /// Parse, then sort every moment and replay them: the plain way, the reference.
    Sorted,
}

/// `load_source`, the chosen way.
#[doc(hidden)]
pub fn load_parsed(file: &str, source: &str, way: Way) -> Result<Loaded, ScenarioError> {
    let (scenario, setup) = if way == Way::Streamed {
        super::stream::load(file, source)?
    } else {
        let mut scenario = parse(file, source)?;
        scenario.sanitize();
        let setup = validate(&mut scenario, way == Way::Sorted);
        (scenario, setup)
    };
    let setup = setup.map_err(|problems| {
        let mut paths: Vec<_> = problems.iter().map(|(p, _)| p.clone()).collect();
        paths.extend(
            problems
                .iter()
                .filter_map(|(_, m)| line_marker(m).map(|(_, p)| p)),
        );
        let found = locate(source, &paths);
        // A message may name another place's line: `{line:people.0.id}`.
        let problems = problems
            .into_iter()
            .map(|(path, message)| match line_marker(&message) {
                Some((marker, other)) => {
                    let line = found.get(&other).map_or(0, |p| p.line);
                    (path, message.replace(&marker, &line.to_string()))
                }
                None => (path, message),
            });
        let mut diagnostics: Vec<Diagnostic> = problems
            .into_iter()
            .map(|(path, message)| {
                let pos = found.get(&path).copied().unwrap_or(Pos { line: 1, col: 1 });
                Diagnostic::new(file, Some(pos), message)
            })
            .collect();
        diagnostics.sort_by_key(|d| d.pos);
        ScenarioError { diagnostics }.with_source(source)
    })?;
    Ok(Loaded {
        source: (source.len() <= KEEP_SOURCE).then(|| source.into()),
        file: file.to_owned(),
        path: None,
        scenario,
        setup,
    })
}

/// The first `{line:a.0.b}` marker in a message, and the path it names.
fn line_marker(message: &str) -> Option<(String, super::locate::Path)> {
    use super::locate::Seg;
    let start = message.find("{line:")?;
    let end = start + message[start..].find('}')?;
    let path = message[start + 6..end]
        .split('.')
        .map(|part| match part.parse::<usize>() {
            Ok(i) => Some(Seg::Index(i)),
            Err(_) => ["people", "id", "invitations", "script"]
                .into_iter()
                .find(|&f| f == part)
                .map(Seg::Field),
        })
        .collect::<Option<Vec<_>>>()?;
    Some((message[start..=end].to_owned(), path))
}

/// The RON parse alone: text to `Scenario`, with ron's position on failure.
pub fn parse(file: &str, source: &str) -> Result<Scenario, ScenarioError> {
    if source.trim().is_empty() {
        return Err(ScenarioError::one(
            file,
            Some(Pos { line: 1, col: 1 }),
            "empty file: expected a scenario, `Scenario(title: .., start: .., people: [..])`",
        ));
    }
    parse_ron(file, source)
}

/// Any RON file of this project (a scenario, a keymap, a theme) read into `T`, with
/// the same positioned, explained errors.
pub fn parse_ron<T: serde::de::DeserializeOwned>(
    file: &str,
    source: &str,
) -> Result<T, ScenarioError> {
    // A byte-order mark is not an error: read past it (a space keeps every column).
    let unmarked;
    let source = match source.strip_prefix('\u{feff}') {
        Some(rest) => {
            unmarked = format!(" {rest}");
            unmarked.as_str()
        }
        None => source,
    };
    ron_options().from_str(source).map_err(|e| {
        let pos = skip_blanks(source, e.span.start.line, e.span.start.col);
        let diagnostic = match &e.code {
            ron::Error::ExceededRecursionLimit => Diagnostic::new(
                file,
                Some(pos),
                format!("nesting is too deep: more than {RECURSION_LIMIT} levels"),
            ),
            code => super::explain::syntax(file, source, code, pos),
        };
        ScenarioError {
            diagnostics: vec![diagnostic],
        }
        .with_source(source)
    })
}

pub fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(Extensions::IMPLICIT_SOME)
        .with_recursion_limit(RECURSION_LIMIT)
}

/// ron reports some errors at the cursor before the whitespace that precedes the
/// offending value; point at the value itself.
fn skip_blanks(source: &str, line: usize, col: usize) -> Pos {
    let mut pos = Pos { line, col };
    let Some(text) = source.lines().nth(line.saturating_sub(1)) else {
        return pos;
    };
    let rest = text.chars().skip(col.saturating_sub(1));
    let blanks = rest.clone().take_while(|c| c.is_whitespace()).count();
    if blanks < rest.count() {
        pos.col += blanks;
    }
    pos
}

/// The line and column (in characters) of a byte offset.
fn position_of(bytes: &[u8], offset: usize) -> Pos {
    let before = &bytes[..offset.min(bytes.len())];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let text = String::from_utf8_lossy(&before[line_start..]);
    Pos {
        line,
        col: 1 + text.chars().count(),
    }
}
