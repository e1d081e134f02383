//! The shipped scenario library, embedded in the binary so `invitesim` needs no files.

/// One built-in scenario: its name (the file stem) and its RON text.
#[derive(Debug, Clone, Copy)]
pub struct Builtin {
    pub name: &'static str,
    pub source: &'static str,
}

macro_rules! builtins {
    ($dir:literal: $($name:literal),* $(,)?) => {
        &[$(Builtin { name: $name, source: include_str!(concat!("../../scenarios/", $dir, $name, ".ron")) }),*]
    };
}

/// In the order `list` shows them: the tour first, then one scenario per rule.
pub const SCENARIOS: &[Builtin] = builtins![
    "": "tour",
    "ignore-is-silent",
    "accept-later",
    "dont-know-and-warnings",
    "report-spam",
    "withdraw-and-wait",
    "reminders",
    "modern-rules",
    "tells",
];

/// The course for `invitesim learn`, in order (file names sort the same way).
pub const LESSONS: &[Builtin] = builtins![
    "lessons/": "lesson-01-never-told",
    "lesson-02-accept-later",
    "lesson-03-dont-know",
    "lesson-04-spam-removes",
    "lesson-05-withdraw-wait",
    "lesson-06-modern-expiry",
    "lesson-07-tells",
];

/// Every built-in: scenarios, then lessons.
pub fn all() -> impl Iterator<Item = &'static Builtin> {
    SCENARIOS.iter().chain(LESSONS)
}

pub fn find(name: &str) -> Option<&'static Builtin> {
    let name = name.strip_suffix(".ron").unwrap_or(name);
    all().find(|b| b.name == name)
}

/// The title line of a built-in, read without a full load (for `list`).
pub fn title(b: &Builtin) -> String {
    super::parse(b.name, b.source).map_or_else(|_| String::from("(invalid)"), |s| s.title)
}
