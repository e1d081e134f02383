//! The plain-text transcript: per step the simulated time, what happened, who saw it,
//! and for each pane person `unchanged` or what changed on their screen.

use std::io::{self, Write};

use crate::model::{World, diff_summary, format_offset, format_time};
use crate::scenario::{Loaded, Step};

use super::{Summary, count};
use crate::script::{StepKind, StepReport};

/// Events printed per step before the rest are counted (a long Wait can fire thousands).
const MAX_EVENTS: usize = 12;

pub fn header(loaded: &Loaded, out: &mut dyn Write) -> io::Result<()> {
    let s = &loaded.scenario;
    let w = &loaded.setup.world;
    let (l, r) = loaded.setup.panes;
    writeln!(out, "{} ({})", s.title, loaded.file)?;
    if !s.summary.is_empty() {
        writeln!(out, "{}", s.summary)?;
    }
    writeln!(
        out,
        "rules: {}{} · panes: {} | {} · start: {} {}",
        w.rules().preset.name(),
        if w.rules().is_customised() {
            " (customised)"
        } else {
            ""
        },
        w.person(l).name,
        w.person(r).name,
        format_time(w.local(w.now())),
        format_offset(w.offset())
    )?;
    writeln!(out)
}

pub fn step(
    r: &StepReport,
    line: Option<usize>,
    loaded: &Loaded,
    world: &World,
    out: &mut dyn Write,
) -> io::Result<()> {
    let time = format_time(world.local(r.at));
    // The step number, and the line of the file it is written on.
    let n = match line {
        Some(l) => format!("{:>3} l.{l:<4}", r.number),
        None => format!("{:>3}", r.number),
    };
    let n = n.as_str();
    // Detail lines start under the step's text.
    let w = time.chars().count() + 5 + n.chars().count();
    match r.kind {
        StepKind::Say => writeln!(out, "[{time}] {n}  » {}", r.text)?,
        StepKind::Action | StepKind::Refused => {
            let mark = match (r.kind, r.ok) {
                (StepKind::Refused, true) => "✓ refused as expected: ",
                (_, false) => "✗ ",
                _ => "",
            };
            writeln!(out, "[{time}] {n}  {mark}{}", r.text)?;
            // A refused action is told as an attempt; a wrong outcome says why it failed.
            match (&r.observation, &r.refusal) {
                (Some(seen), Some(_)) => writeln!(out, "{:>w$}{}", "", seen.headline)?,
                _ => {
                    if let Some(detail) = &r.detail {
                        writeln!(out, "{:>w$}{detail}", "")?;
                    }
                }
            }
            let events = &world.log()[r.events.clone()];
            for e in events.iter().take(MAX_EVENTS) {
                writeln!(
                    out,
                    "{:>w$}• {} — seen by {}",
                    "",
                    e.describe(world),
                    e.seen_by(world)
                )?;
            }
            if events.len() > MAX_EVENTS {
                writeln!(
                    out,
                    "{:>w$}• … and {} more events",
                    "",
                    events.len() - MAX_EVENTS
                )?;
            }
            for (p, diff) in &r.panes {
                let name = &world.person(*p).name;
                if diff.is_empty() {
                    writeln!(out, "{:>w$}{name}'s screen: unchanged", "")?;
                } else {
                    writeln!(
                        out,
                        "{:>w$}{name}'s screen: changed — {}",
                        "",
                        diff_summary(diff, world, world)
                    )?;
                }
            }
            if let Some(seen) = &r.observation {
                for screen in &seen.screens {
                    let first = seen.subject == Some(screen.person);
                    if !first && screen.tells.is_empty() {
                        continue;
                    }
                    let name = world.person(screen.person).first_name();
                    if screen.tells.is_empty() {
                        writeln!(out, "{:>w$}What {name} can infer: nothing new", "")?;
                    }
                    for t in &screen.tells {
                        writeln!(
                            out,
                            "{:>w$}What {name} can infer: {}",
                            "",
                            t.describe(world)
                        )?;
                    }
                }
            }
        }
        StepKind::Expect => {
            let mark = if r.ok { "✓" } else { "✗" };
            writeln!(out, "[{time}] {n}  {mark} {}", r.text)?;
            if let Some(detail) = &r.detail {
                writeln!(out, "{:>w$}{detail}", "")?;
            }
        }
        StepKind::Quiz => {
            writeln!(out, "[{time}] {n}  ? {}", r.text)?;
            if let Some(Step::Quiz(q)) = loaded.scenario.script.get(r.number - 1) {
                for (i, c) in q.choices.iter().enumerate() {
                    let right = if i == q.answer {
                        "  ← right answer"
                    } else {
                        ""
                    };
                    writeln!(out, "{:>w$}{}. {c}{right}", "", i + 1)?;
                }
                if !q.explain.is_empty() {
                    writeln!(out, "{:>w$}{}", "", q.explain)?;
                }
            }
        }
    }
    Ok(())
}

pub fn footer(s: &Summary, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out)?;
    let verdict = if s.passed() { "PASS" } else { "FAIL" };
    writeln!(
        out,
        "{verdict}: {}, {} of {} held, {}, {}",
        count(s.steps, "step", "steps"),
        s.expectations - s.failed_expectations,
        count(s.expectations, "expectation", "expectations"),
        count(s.failed, "failed step", "failed steps"),
        count(s.quizzes, "quiz", "quizzes")
    )
}
