//! Turning a RON syntax or type error into words an author can act on: what was
//! expected and what was found, at the spot that is really wrong (the `(` never closed,
//! the string never ended, the curly quote a word processor put in), with a fix or the
//! name they probably meant. Names are the file's own, never Rust type names.

use super::error::Diagnostic;
use super::locate::Pos;

/// The diagnostic for ron's error `e` at `pos` in `source`.
pub fn syntax(file: &str, source: &str, code: &ron::Error, pos: Pos) -> Diagnostic {
    let scan = Scan::of(source);
    if let Some((at, c)) = scan.confusable.filter(|(at, _)| *at <= pos) {
        let (name, fix) = confusable(c);
        return Diagnostic::new(
            file,
            Some(at),
            format!("unexpected character U+{:04X} {name} ({c})", c as u32),
        )
        .with_help(fix);
    }
    if let Some(at) = scan.runaway_string.filter(|at| *at < pos) {
        return Diagnostic::new(file, Some(at), "this string is never closed")
            .with_help("add the closing `\"` before the end of the line");
    }
    let at_end = matches!(code, ron::Error::Eof) || near_end(source, pos);
    if at_end && let Some((at, open)) = scan.unclosed {
        let close = match open {
            '(' => ')',
            '[' => ']',
            _ => '}',
        };
        return Diagnostic::new(file, Some(at), format!("this `{open}` is never closed"))
            .with_help(format!("add the `{close}` that closes it"));
    }
    let found = token_at(source, pos);
    match code {
        ron::Error::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let kind = enum_word(outer.as_deref());
            let d = Diagnostic::new(file, Some(pos), format!("unknown {kind} `{found}`"));
            d.with_help(suggest(found, expected))
                .with_width(found.chars().count())
        }
        ron::Error::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let within = struct_word(outer.as_deref());
            let d = Diagnostic::new(
                file,
                Some(pos),
                format!("unknown field `{found}` in {within}"),
            );
            d.with_help(suggest(found, expected))
                .with_width(found.chars().count())
        }
        ron::Error::MissingStructField { field, outer } => {
            let who = match (outer.as_deref(), id_before(source, pos)) {
                (Some("PersonSpec"), Some(id)) => format!("person `{id}`"),
                (outer, _) => struct_word(outer),
            };
            Diagnostic::new(file, Some(pos), format!("{who} has no `{field}`"))
                .with_help(format!("add `{field}: …`: it is required"))
        }
        ron::Error::DuplicateStructField { field, outer } => Diagnostic::new(
            file,
            Some(pos),
            format!(
                "`{field}` is given twice in {}",
                struct_word(outer.as_deref())
            ),
        )
        .with_help("keep one of them"),
        ron::Error::ExpectedInteger
        | ron::Error::ExpectedFloat
        | ron::Error::ExpectedString
        | ron::Error::ExpectedBoolean
        | ron::Error::InvalidValueForType { .. } => {
            let wanted = match code {
                ron::Error::ExpectedInteger => "a whole number".to_owned(),
                ron::Error::ExpectedFloat => "a number".to_owned(),
                ron::Error::ExpectedString => "a string in quotes".to_owned(),
                ron::Error::ExpectedBoolean => "`true` or `false`".to_owned(),
                ron::Error::InvalidValueForType { expected, .. } => plain_type(expected),
                _ => String::new(),
            };
            let d = Diagnostic::new(
                file,
                Some(pos),
                format!("expected {wanted}, found {}", found.describe()),
            );
            match (&found, code) {
                (Found::Str(s), ron::Error::ExpectedInteger | ron::Error::ExpectedFloat)
                    if s.parse::<f64>().is_ok() =>
                {
                    d.with_help(format!("write `{s}` without the quotes"))
                }
                (Found::Word(w), _) if w == "None" => d.with_help(
                    "this rule cannot be switched off: give a value, or leave the field out to keep the preset's",
                ),
                (Found::Word(w) | Found::Number(w), ron::Error::ExpectedString) => {
                    d.with_help(format!("put it in quotes: `\"{w}\"`"))
                }
                _ => d,
            }
        }
        ron::Error::SuggestRawIdentifier(_) | ron::Error::InvalidIdentifier(_) => {
            let name = name_before(source, pos).unwrap_or_default();
            let value = found.text();
            let field = if name == "Wait" { "days" } else { "field" };
            Diagnostic::new(
                file,
                Some(pos),
                format!("`{name}` takes named fields, not a bare value"),
            )
            .with_help(format!("write `{name}({field}: {value})`"))
        }
        ron::Error::ExpectedStringEnd => {
            Diagnostic::new(file, Some(pos), "this string is never closed")
                .with_help("add the closing `\"`")
        }
        ron::Error::ExpectedComma => Diagnostic::new(file, Some(pos), "expected a `,` here")
            .with_help("separate the items of a list, and the fields of a step, with commas"),
        ron::Error::IntegerOutOfBounds => {
            // ron points past a minus sign; the number starts at it.
            let pos = match source
                .lines()
                .nth(pos.line.saturating_sub(1))
                .and_then(|l| l.chars().nth(pos.col.saturating_sub(2)))
            {
                Some('-') => Pos {
                    col: pos.col - 1,
                    ..pos
                },
                _ => pos,
            };
            let found = token_at(source, pos).text();
            Diagnostic::new(file, Some(pos), format!("`{found}` is out of range"))
                .with_help("write a whole number from 0 to 4294967295")
        }
        ron::Error::TrailingCharacters => Diagnostic::new(
            file,
            Some(next_text(source, pos)),
            "unexpected text after the scenario's closing `)`",
        )
        .with_help("remove it, or move it inside the scenario"),
        ron::Error::ExpectedDifferentStructName { expected, found } => Diagnostic::new(
            file,
            Some(pos),
            format!("a scenario file starts with `{expected}(`, not `{found}(`"),
        )
        .with_help(format!("write `{expected}(`"))
        .with_width(found.chars().count()),
        other => Diagnostic::new(file, Some(pos), message(other)),
    }
}

/// ron's own words for the rest, as a sentence.
fn message(code: &ron::Error) -> String {
    let text = code.to_string();
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

/// "did you mean `Ignore`?", or the names there are.
pub fn suggest(found: &str, names: &[&str]) -> String {
    match closest(found, names.iter().copied()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => format!(
            "expected one of: {}",
            names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// The name nearest `found`, if it is near enough to be a typo.
pub fn closest<'a>(found: &str, names: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let lower = found.to_lowercase();
    names
        .map(|n| (strsim::damerau_levenshtein(&lower, &n.to_lowercase()), n))
        .filter(|&(d, n)| {
            let shortest = n.chars().count().min(found.chars().count());
            d <= (n.chars().count() / 3).max(1) && d < shortest
        })
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n)
}

fn enum_word(outer: Option<&str>) -> &'static str {
    match outer {
        Some("Step" | "Action") => "step",
        Some("Expectation") => "expectation",
        Some("Preset") => "preset",
        Some("HistoryState") => "state",
        Some("Standing" | "SentExpect" | "InboxExpect") => "status",
        Some("Command") => "command",
        Some("Layer") => "layer",
        Some("Tab") => "tab",
        _ => "name",
    }
}

fn struct_word(outer: Option<&str>) -> String {
    match outer {
        Some("Scenario") | None => "the scenario".into(),
        Some("PersonSpec") => "a person".into(),
        Some("InvitationSpec") => "an invitation".into(),
        Some("ThemeFile") => "the theme".into(),
        Some("RulesSpec") => "`rules`".into(),
        Some("Panes") => "`panes`".into(),
        Some("Lesson") => "the lesson".into(),
        Some("ScriptOnly" | "Quiz") => "a `Quiz`".into(),
        Some(other) => format!("`{other}`"),
    }
}

fn plain_type(rust: &str) -> String {
    match rust {
        t if t.contains("u32") || t.contains("u64") || t.contains("usize") => {
            "a whole number".into()
        }
        t if t.contains("f64") => "a number".into(),
        t if t.contains("bool") => "`true` or `false`".into(),
        t if t.contains("str") || t.contains("String") => "a string in quotes".into(),
        other => other.to_owned(),
    }
}

/// The name of the step or struct whose `(` comes right before `pos`, if any.
fn name_before(source: &str, pos: Pos) -> Option<String> {
    let line = source.lines().nth(pos.line.checked_sub(1)?)?;
    let before: String = line.chars().take(pos.col.saturating_sub(1)).collect();
    let before = before.trim_end().strip_suffix('(')?;
    let name: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    Some(name.chars().rev().collect())
}

/// The first character that is not whitespace at or after `pos`.
fn next_text(source: &str, pos: Pos) -> Pos {
    for (n, line) in source.lines().enumerate().skip(pos.line.saturating_sub(1)) {
        let skip = if n + 1 == pos.line {
            pos.col.saturating_sub(1)
        } else {
            0
        };
        if let Some(i) = line.chars().skip(skip).position(|c| !c.is_whitespace()) {
            return Pos {
                line: n + 1,
                col: skip + i + 1,
            };
        }
    }
    pos
}

/// The `id: "…"` of the struct that ends at `pos`, if it has one.
fn id_before(source: &str, pos: Pos) -> Option<String> {
    let offset: usize = source
        .lines()
        .take(pos.line.saturating_sub(1))
        .map(|l| l.len() + 1)
        .sum::<usize>()
        + source
            .lines()
            .nth(pos.line.saturating_sub(1))?
            .chars()
            .take(pos.col.saturating_sub(1))
            .map(char::len_utf8)
            .sum::<usize>();
    let before = source.get(..offset)?;
    let open = before.rfind('(')?;
    let inside = &before[open..];
    let at = inside.find("id:")?;
    let rest = inside[at + 3..].trim_start().strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_owned())
}

/// What stands at the error.
enum Found {
    Str(String),
    Number(String),
    Word(String),
    Other(String),
    End,
}

impl Found {
    fn describe(&self) -> String {
        match self {
            Found::Str(s) => format!("a string `\"{s}\"`"),
            Found::Number(n) => format!("a number `{n}`"),
            Found::Word(w) => format!("the word `{w}`"),
            Found::Other(o) => format!("`{o}`"),
            Found::End => "the end of the file".into(),
        }
    }

    fn text(&self) -> String {
        match self {
            Found::Str(s) => format!("\"{s}\""),
            Found::Number(s) | Found::Word(s) | Found::Other(s) => s.clone(),
            Found::End => String::new(),
        }
    }
}

fn token_at(source: &str, pos: Pos) -> Found {
    let Some(line) = source.lines().nth(pos.line.saturating_sub(1)) else {
        return Found::End;
    };
    let rest: String = line.chars().skip(pos.col.saturating_sub(1)).collect();
    let mut chars = rest.chars();
    match chars.next() {
        None => Found::End,
        Some('"') => Found::Str(chars.take_while(|&c| c != '"').collect()),
        Some(c) if c.is_ascii_digit() || c == '-' => Found::Number(
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
                .collect(),
        ),
        Some(c) if c.is_alphabetic() || c == '_' => Found::Word(
            rest.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect(),
        ),
        Some(c) => Found::Other(c.to_string()),
    }
}

/// True when at most one character follows `pos`, not counting whitespace: the file
/// stopped short.
pub fn near_end(source: &str, pos: Pos) -> bool {
    let mut lines = source.lines().skip(pos.line.saturating_sub(1));
    let Some(first) = lines.next() else {
        return true;
    };
    let rest: String = first
        .chars()
        .skip(pos.col.saturating_sub(1))
        .chain(lines.flat_map(str::chars))
        .collect();
    rest.trim().chars().count() <= 1
}

/// A look-alike or invisible character's name and fix, if `c` is one.
pub fn lookalike(c: char) -> Option<(&'static str, &'static str)> {
    is_confusable(c).then(|| confusable(c))
}

/// Characters that look like RON's own but are not, with their names and the fix.
fn confusable(c: char) -> (&'static str, &'static str) {
    match c {
        '\u{00A0}' => ("NO-BREAK SPACE", "replace it with a plain space"),
        '\u{200B}' => ("ZERO WIDTH SPACE", "delete it: it is invisible"),
        '\u{FEFF}' => ("ZERO WIDTH NO-BREAK SPACE", "delete it: it is invisible"),
        '\u{201C}' => (
            "LEFT DOUBLE QUOTATION MARK",
            "use a plain `\"`: word processors turn quotes into curly ones",
        ),
        '\u{201D}' => (
            "RIGHT DOUBLE QUOTATION MARK",
            "use a plain `\"`: word processors turn quotes into curly ones",
        ),
        '\u{2018}' | '\u{2019}' => ("SINGLE QUOTATION MARK", "use a plain `\"` around strings"),
        '\u{2013}' | '\u{2014}' => ("DASH", "use a plain `-`"),
        _ => ("CHARACTER", "remove it"),
    }
}

fn is_confusable(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}'
            | '\u{200B}'
            | '\u{FEFF}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{2013}'
            | '\u{2014}'
    )
}

/// One pass over the text outside strings and comments.
struct Scan {
    /// The first look-alike character outside a string.
    confusable: Option<(Pos, char)>,
    /// The opening quote of the first string that runs past the end of its line (RON
    /// allows it, scenario strings never need it): the likely unclosed one.
    runaway_string: Option<Pos>,
    /// The innermost bracket still open at the end.
    unclosed: Option<(Pos, char)>,
}

impl Scan {
    fn of(source: &str) -> Scan {
        let mut scan = Scan {
            confusable: None,
            runaway_string: None,
            unclosed: None,
        };
        let mut stack: Vec<(Pos, char)> = Vec::new();
        let mut string: Option<Pos> = None;
        let mut escaped = false;
        let (mut line, mut col) = (1, 0);
        let mut chars = source.chars().peekable();
        while let Some(c) = chars.next() {
            col += 1;
            let here = Pos { line, col };
            if c == '\n' {
                if let Some(open) = string
                    && scan.runaway_string.is_none()
                {
                    scan.runaway_string = Some(open);
                }
                line += 1;
                col = 0;
                continue;
            }
            if let Some(_open) = string {
                match (c, escaped) {
                    ('"', false) => string = None,
                    ('\\', false) => escaped = true,
                    _ => escaped = false,
                }
                continue;
            }
            match c {
                '"' => string = Some(here),
                '/' if chars.peek() == Some(&'/') => {
                    for c in chars.by_ref() {
                        if c == '\n' {
                            line += 1;
                            col = 0;
                            break;
                        }
                    }
                }
                '(' | '[' | '{' => stack.push((here, c)),
                ')' | ']' | '}' => {
                    stack.pop();
                }
                c if is_confusable(c) && scan.confusable.is_none() => {
                    scan.confusable = Some((here, c));
                }
                _ => {}
            }
        }
        if let Some(open) = string
            && scan.runaway_string.is_none()
        {
            scan.runaway_string = Some(open);
        }
        scan.unclosed = stack.last().copied();
        scan
    }
}
