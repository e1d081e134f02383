//! `check` plays the story: a file passes only when it loads, its script plays green,
//! and a lesson's stored solution reaches its goal. Each failure is a diagnostic at the
//! step (or the lesson) that failed, `FILE:LINE:COL: …`, like a load error.

use std::borrow::Cow;

use crate::scenario::locate::{Path, Pos, Seg, locate};
use crate::scenario::{Diagnostic, Loaded, ScenarioError, builtin};
use crate::script::Runner;

/// What playing a loaded scenario found: nothing when it plays green.
pub fn failures(loaded: &Loaded) -> Option<ScenarioError> {
    // Nothing to play and no goal to reach: no copy of a world (a big one is most of a
    // second) just to find nothing.
    if loaded.scenario.script.is_empty() && loaded.scenario.lesson.is_none() {
        return None;
    }
    let mut world = crate::model::World::clone(loaded.setup.script_start());
    let steps = &loaded.scenario.script;
    let mut runner = Runner::new(steps, &world, loaded.setup.panes);
    let mut failed: Vec<(Path, String)> = Vec::new();
    while let Some(report) = runner.step(&mut world) {
        if !report.ok {
            let detail = report.detail.unwrap_or_default();
            let mut text: String = report.text.chars().take(60).collect();
            if text.len() < report.text.len() {
                text.push('…');
            }
            let help = match report.kind {
                crate::script::StepKind::Action => {
                    "\nhelp: wrap it in `Refused(..)` if the refusal is the point of the step"
                }
                _ => "",
            };
            let what = format!(
                "step {} does not play: {text} — {detail}{help}",
                report.number
            );
            failed.push((
                vec![Seg::Field("script"), Seg::Index(report.number - 1)],
                what,
            ));
        }
    }
    if let Some(lesson) = &loaded.scenario.lesson {
        for (i, e) in lesson.check.iter().enumerate() {
            if !runner.check(&world, e) {
                let what = format!(
                    "the stored solution (the script) never reaches this goal: {} does not hold at its end\nhelp: fix the script so the learner's goal is shown to be reachable, or the check",
                    e.summary()
                );
                let path = vec![Seg::Field("lesson"), Seg::Field("check"), Seg::Index(i)];
                failed.push((path, what));
            }
        }
    }
    if failed.is_empty() {
        return None;
    }
    let source = source_of(loaded);
    let paths: Vec<Path> = failed.iter().map(|(p, _)| p.clone()).collect();
    let found = source
        .as_deref()
        .map(|s| locate(s, &paths))
        .unwrap_or_default();
    let diagnostics = failed
        .into_iter()
        .map(|(path, what)| {
            let pos = found.get(&path).copied().unwrap_or(Pos { line: 1, col: 1 });
            Diagnostic::new(&loaded.file, Some(pos), what)
        })
        .collect();
    let error = ScenarioError { diagnostics };
    Some(match source {
        Some(s) => error.with_source(&s),
        None => error,
    })
}

/// The line each script step is written on, read from the file again.
pub fn step_lines(loaded: &Loaded) -> Vec<Option<usize>> {
    let steps = loaded.scenario.script.len();
    let Some(source) = source_of(loaded).filter(|_| steps > 0) else {
        return vec![None; steps];
    };
    let paths: Vec<Path> = (0..steps)
        .map(|i| vec![Seg::Field("script"), Seg::Index(i)])
        .collect();
    let found = locate(&source, &paths);
    paths
        .iter()
        .map(|p| found.get(p).map(|pos| pos.line))
        .collect()
}

/// The text the scenario was loaded from: the copy it kept, or (a big file) read again.
fn source_of(loaded: &Loaded) -> Option<Cow<'_, str>> {
    if let Some(text) = loaded.source.as_deref() {
        return Some(Cow::Borrowed(text));
    }
    match &loaded.path {
        Some(path) => std::fs::read_to_string(path).ok().map(Cow::Owned),
        None => builtin::find(&loaded.file).map(|b| Cow::Borrowed(b.source)),
    }
}
