//! Checks a parsed scenario against the rules and builds its starting world. Every
//! problem is collected with the path of the value at fault, so all of a file's
//! errors are reported at once.

use chrono::{DateTime, Utc};

use crate::model::{Person, PersonId, World};

use super::locate::{Path, Seg};
use super::{Scenario, Step};

/// A problem at a path in the scenario.
pub type Problem = (Path, String);

/// The validated starting point of a scenario.
#[derive(Debug, Clone)]
pub struct Setup {
    pub world: World,
    pub panes: (PersonId, PersonId),
}

pub fn validate(s: &Scenario) -> Result<Setup, Vec<Problem>> {
    use Seg::{Field as F, Index as I};
    let mut problems: Vec<Problem> = Vec::new();
    let parsed_start = parse_time(&s.start);
    let start = parsed_start.clone().unwrap_or_else(|e| {
        problems.push((vec![F("start")], e));
        DateTime::UNIX_EPOCH
    });
    let rules = s.rules.rules();
    if rules.reminder_days.windows(2).any(|w| w[0] >= w[1]) {
        let p = vec![F("rules"), F("reminder_days")];
        problems.push((p, "reminder days must be in increasing order".into()));
    }
    let mut world = World::new(rules, start, s.seed.unwrap_or(0));

    if s.people.is_empty() {
        problems.push((
            vec![F("people")],
            "a scenario needs at least one person".into(),
        ));
    }
    let mut first_use: std::collections::HashMap<&str, usize> = Default::default();
    for (i, p) in s.people.iter().enumerate() {
        if p.id.trim().is_empty() {
            problems.push((
                vec![F("people"), I(i), F("id")],
                "a person's id cannot be empty".into(),
            ));
            continue;
        }
        let person = Person {
            handle: p.id.clone(),
            name: p.name.clone(),
            headline: p.headline.clone(),
            email: p.email.clone(),
        };
        let first = *first_use.entry(&p.id).or_insert(i);
        if world.add_person(person).is_err() {
            let msg = format!(
                "duplicate person id \"{}\" (first used by people[{first}])",
                p.id
            );
            problems.push((vec![F("people"), I(i), F("id")], msg));
        }
    }

    for (i, (a, b)) in s.connections.iter().enumerate() {
        let pa = resolve(&world, &mut problems, a, vec![F("connections"), I(i), I(0)]);
        let pb = resolve(&world, &mut problems, b, vec![F("connections"), I(i), I(1)]);
        if let (Some(pa), Some(pb)) = (pa, pb) {
            if pa == pb {
                let msg = format!("\"{a}\" cannot be connected to themselves");
                problems.push((vec![F("connections"), I(i)], msg));
            }
            world.connect(pa, pb);
        }
    }

    let first = PersonId(0);
    let panes = match &s.panes {
        None => (
            first,
            world
                .person_id(s.people.get(1).map_or("", |p| &p.id))
                .unwrap_or(first),
        ),
        Some(p) => {
            let left = resolve(&world, &mut problems, &p.left, vec![F("panes"), F("left")]);
            let right = resolve(
                &world,
                &mut problems,
                &p.right,
                vec![F("panes"), F("right")],
            );
            (left.unwrap_or(first), right.unwrap_or(first))
        }
    };

    super::history::replay(&mut world, s, start, parsed_start.is_ok(), &mut problems);

    for (i, step) in s.script.iter().enumerate() {
        let at = |inner: &[Seg]| {
            let mut p = vec![F("script"), I(i)];
            p.extend_from_slice(inner);
            p
        };
        match step {
            Step::Say(_) => {}
            Step::Act(a) | Step::Refused(a) => {
                let wrapped = matches!(step, Step::Refused(_));
                for (field, handle) in a.handle_fields().iter().zip(a.handles()) {
                    let path = if wrapped {
                        at(&[I(0), F(field)])
                    } else {
                        at(&[F(field)])
                    };
                    resolve(&world, &mut problems, handle, path);
                }
            }
            Step::Expect(e) => {
                for (field, handle) in e.handles() {
                    resolve(&world, &mut problems, handle, at(&[I(0), F(field)]));
                }
            }
            Step::Quiz(q) => {
                if q.choices.is_empty() {
                    problems.push((
                        at(&[F("choices")]),
                        "a quiz needs at least one choice".into(),
                    ));
                } else if q.answer >= q.choices.len() {
                    let msg = format!(
                        "answer {} is out of range: choices are numbered 0 to {}",
                        q.answer,
                        q.choices.len() - 1
                    );
                    problems.push((at(&[F("answer")]), msg));
                }
            }
        }
    }

    if let Some(lesson) = &s.lesson {
        if lesson.check.is_empty() {
            let path = vec![F("lesson"), F("check")];
            problems.push((
                path,
                "a lesson needs at least one expectation to check".into(),
            ));
        }
        for (i, e) in lesson.check.iter().enumerate() {
            for (field, handle) in e.handles() {
                let path = vec![F("lesson"), F("check"), I(i), F(field)];
                resolve(&world, &mut problems, handle, path);
            }
        }
    }

    if problems.is_empty() {
        Ok(Setup { world, panes })
    } else {
        Err(problems)
    }
}

pub fn parse_time(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            format!("\"{s}\" is not an RFC 3339 date-time like \"2026-03-02T09:00:00Z\" ({e})")
        })
}

/// The person a handle names, or a problem at `path`.
pub(super) fn resolve(
    world: &World,
    problems: &mut Vec<Problem>,
    handle: &str,
    path: Path,
) -> Option<PersonId> {
    let found = world.person_id(handle);
    if found.is_none() {
        problems.push((path, unknown(world, handle)));
    }
    found
}

fn unknown(world: &World, handle: &str) -> String {
    let ids: Vec<&str> = world
        .people()
        .iter()
        .take(8)
        .map(|p| p.handle.as_str())
        .collect();
    let more = if world.people().len() > ids.len() {
        ", …"
    } else {
        ""
    };
    format!(
        "unknown person id \"{handle}\" (people here: {}{more})",
        ids.join(", ")
    )
}
