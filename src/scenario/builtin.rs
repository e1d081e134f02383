//! The shipped scenario library, embedded in the binary so `invitesim` needs no files.

/// One built-in scenario: its name (the file stem) and its RON text.
#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    pub name: &'static str,
    pub source: &'static str,
}

macro_rules! builtins {
    ($($name:literal),* $(,)?) => {
        &[$(Builtin { name: $name, source: include_str!(concat!("../../scenarios/", $name, ".ron")) }),*]
    };
}

/// In the order `list` shows them: the tour first, then one scenario per rule.
pub const BUILTINS: &[Builtin] = builtins![
    "tour",
    "ignore-is-silent",
    "accept-later",
    "dont-know-and-warnings",
    "report-spam",
    "withdraw-and-wait",
    "reminders",
    "modern-rules",
];

pub fn find(name: &str) -> Option<&'static Builtin> {
    let name = name.strip_suffix(".ron").unwrap_or(name);
    BUILTINS.iter().find(|b| b.name == name)
}

/// The title line of a built-in, read without a full load (for `list`).
pub fn title(b: &Builtin) -> String {
    super::parse(b.name, b.source).map_or_else(|_| String::from("(invalid)"), |s| s.title)
}
