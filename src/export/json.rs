//! The JSON-lines transcript: one object per step (fields documented in the README).

use std::io::{self, Write};

use serde::Serialize;

use crate::model::{World, change_line};
use crate::scenario::{Loaded, Step};
use crate::script::{StepKind, StepReport};

#[derive(Serialize)]
struct JsonStep<'a> {
    step: usize,
    /// The line of the file the step is written on.
    line: Option<usize>,
    time: String,
    kind: StepKind,
    text: &'a str,
    ok: bool,
    detail: Option<&'a str>,
    events: Vec<JsonEvent>,
    panes: Vec<JsonPane>,
    /// What each watched person can now infer (only people with something new).
    tells: Vec<JsonTell>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quiz: Option<JsonQuiz<'a>>,
}

#[derive(Serialize)]
struct JsonEvent {
    time: String,
    text: String,
    seen_by: Vec<String>,
}

#[derive(Serialize)]
struct JsonPane {
    who: String,
    changed: bool,
    changes: Vec<String>,
}

#[derive(Serialize)]
struct JsonTell {
    who: String,
    kind: &'static str,
    about: Option<String>,
    text: String,
    source: &'static str,
}

#[derive(Serialize)]
struct JsonQuiz<'a> {
    choices: &'a [String],
    answer: usize,
    explain: &'a str,
}

pub fn step(
    r: &StepReport,
    line: Option<usize>,
    loaded: &Loaded,
    world: &World,
    out: &mut dyn Write,
) -> io::Result<()> {
    let handle = |p| world.person(p).handle.clone();
    let quiz = match (r.kind, loaded.scenario.script.get(r.number - 1)) {
        (StepKind::Quiz, Some(Step::Quiz(q))) => Some(JsonQuiz {
            choices: &q.choices,
            answer: q.answer,
            explain: &q.explain,
        }),
        _ => None,
    };
    let line = JsonStep {
        step: r.number,
        line,
        time: world.local(r.at).to_rfc3339(),
        kind: r.kind,
        text: &r.text,
        ok: r.ok,
        detail: r.detail.as_deref(),
        events: world.log()[r.events.clone()]
            .iter()
            .map(|e| JsonEvent {
                time: world.local(e.at).to_rfc3339(),
                text: e.describe(world),
                seen_by: e.visible_to.iter().map(|&p| handle(p)).collect(),
            })
            .collect(),
        panes: r
            .panes
            .iter()
            .map(|(p, diff)| JsonPane {
                who: handle(*p),
                changed: !diff.is_empty(),
                changes: diff
                    .changes()
                    .map(|(tab, c)| {
                        format!("{}: {}", tab.label(), change_line(tab, c, world, world))
                    })
                    .collect(),
            })
            .collect(),
        tells: r
            .observation
            .iter()
            .flat_map(|seen| &seen.screens)
            .flat_map(|s| s.tells.iter().map(move |t| (s.person, t)))
            .map(|(p, t)| JsonTell {
                who: handle(p),
                kind: t.kind.name(),
                about: t.about.map(handle),
                text: t.describe(world),
                source: t.kind.source(),
            })
            .collect(),
        quiz,
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
}

/// The closing object: `{"summary": {"steps", "expectations", "held", "failed", "ok"}}`.
pub fn summary(s: &super::Summary, out: &mut dyn Write) -> io::Result<()> {
    let body = serde_json::json!({
        "summary": {
            "steps": s.steps,
            "expectations": s.expectations,
            "held": s.expectations - s.failed_expectations,
            "failed": s.failed,
            "ok": s.passed(),
        }
    });
    serde_json::to_writer(&mut *out, &body)?;
    writeln!(out)
}
