//! The plain-text transcript: per step the simulated time, what happened, who saw it,
//! and for each pane person `unchanged` or what changed on their screen.

use std::io::{self, Write};

use crate::model::{World, diff_summary, format_time};
use crate::scenario::{Loaded, Step};

use super::Summary;
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
        "rules: {}{} · panes: {} | {} · start: {}",
        w.rules().preset.name(),
        if w.rules().is_customised() {
            " (customised)"
        } else {
            ""
        },
        w.person(l).name,
        w.person(r).name,
        format_time(w.now())
    )?;
    writeln!(out)
}

pub fn step(r: &StepReport, loaded: &Loaded, world: &World, out: &mut dyn Write) -> io::Result<()> {
    let time = format_time(r.at);
    let n = r.number;
    match r.kind {
        StepKind::Say => writeln!(out, "[{time}] {n:>3}  » {}", r.text)?,
        StepKind::Action | StepKind::Refused => {
            let mark = match (r.kind, r.ok) {
                (StepKind::Refused, true) => "✓ refused as expected: ",
                (_, false) => "✗ ",
                _ => "",
            };
            writeln!(out, "[{time}] {n:>3}  {mark}{}", r.text)?;
            // A refused action is told as an attempt; a wrong outcome says why it failed.
            match (&r.observation, &r.refusal) {
                (Some(seen), Some(_)) => writeln!(out, "{:>30}{}", "", seen.headline)?,
                _ => {
                    if let Some(detail) = &r.detail {
                        writeln!(out, "{:>30}{detail}", "")?;
                    }
                }
            }
            let events = &world.log()[r.events.clone()];
            for e in events.iter().take(MAX_EVENTS) {
                writeln!(
                    out,
                    "{:>30}• {} — seen by {}",
                    "",
                    e.describe(world),
                    e.seen_by(world)
                )?;
            }
            if events.len() > MAX_EVENTS {
                writeln!(
                    out,
                    "{:>30}• … and {} more events",
                    "",
                    events.len() - MAX_EVENTS
                )?;
            }
            for (p, diff) in &r.panes {
                let name = &world.person(*p).name;
                if diff.is_empty() {
                    writeln!(out, "{:>30}{name}'s screen: unchanged", "")?;
                } else {
                    writeln!(
                        out,
                        "{:>30}{name}'s screen: changed — {}",
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
                        writeln!(out, "{:>30}What {name} can infer: nothing new", "")?;
                    }
                    for t in &screen.tells {
                        writeln!(
                            out,
                            "{:>30}What {name} can infer: {}",
                            "",
                            t.describe(world)
                        )?;
                    }
                }
            }
        }
        StepKind::Expect => {
            let mark = if r.ok { "✓" } else { "✗" };
            writeln!(out, "[{time}] {n:>3}  {mark} {}", r.text)?;
            if let Some(detail) = &r.detail {
                writeln!(out, "{:>30}{detail}", "")?;
            }
        }
        StepKind::Quiz => {
            writeln!(out, "[{time}] {n:>3}  ? {}", r.text)?;
            if let Some(Step::Quiz(q)) = loaded.scenario.script.get(n - 1) {
                for (i, c) in q.choices.iter().enumerate() {
                    let right = if i == q.answer {
                        "  ← right answer"
                    } else {
                        ""
                    };
                    writeln!(out, "{:>30}{}. {c}{right}", "", i + 1)?;
                }
                if !q.explain.is_empty() {
                    writeln!(out, "{:>30}{}", "", q.explain)?;
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
        "{verdict}: {} steps, {} of {} expectations held, {} failed steps, {} quizzes",
        s.steps,
        s.expectations - s.failed_expectations,
        s.expectations,
        s.failed,
        s.quizzes
    )
}
