//! The JSON-lines transcript: one object per step (fields documented in the README).

use std::io::{self, Write};

use serde::Serialize;

use crate::model::World;
use crate::scenario::{Loaded, Step};

use super::{StepKind, StepReport};

#[derive(Serialize)]
struct JsonStep<'a> {
    step: usize,
    time: String,
    kind: StepKind,
    text: &'a str,
    ok: bool,
    detail: Option<&'a str>,
    events: Vec<JsonEvent>,
    panes: Vec<JsonPane>,
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
struct JsonQuiz<'a> {
    choices: &'a [String],
    answer: usize,
    explain: &'a str,
}

pub fn step(r: &StepReport, loaded: &Loaded, world: &World, out: &mut dyn Write) -> io::Result<()> {
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
        time: r.at.to_rfc3339(),
        kind: r.kind,
        text: &r.text,
        ok: r.ok,
        detail: r.detail.as_deref(),
        events: world.log()[r.events.clone()]
            .iter()
            .map(|e| JsonEvent {
                time: e.at.to_rfc3339(),
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
                    .tabs
                    .iter()
                    .flat_map(|t| {
                        t.lines
                            .iter()
                            .map(move |l| format!("{}: {l}", t.tab.label()))
                    })
                    .collect(),
            })
            .collect(),
        quiz,
    };
    serde_json::to_writer(&mut *out, &line)?;
    writeln!(out)
}
