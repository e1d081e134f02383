//! Checks a parsed scenario against the rules and builds its starting world. Every
//! problem is collected with the path of the value at fault, so all of a file's
//! errors are reported at once.

use std::sync::Arc;

use chrono::{DateTime, Utc};

use crate::model::{Action, Person, PersonId, World};

use super::history::{Read, Replay};
use super::locate::{Path, Seg};
use super::{PersonSpec, RulesSpec, Scenario, Step};

/// A problem at a path in the scenario.
pub type Problem = (Path, String);

/// The validated starting point of a scenario.
#[derive(Debug, Clone)]
pub struct Setup {
    /// The world at the scenario's start, after its `actions` (if any) were applied.
    /// Shared: the app shows it without copying it until it changes (`tui::LiveWorld`).
    pub world: Arc<World>,
    pub panes: (PersonId, PersonId),
    /// The file's `actions`, already applied to `world` (kept so a save writes them again).
    pub actions: Vec<Action>,
    /// The world before those actions, when there are any: where the script starts (a
    /// saved session keeps its script; it replays from the scenario's own start).
    pub script_world: Option<Arc<World>>,
    /// The file's `invitations:`, as the world they made remembers them.
    pub history: Vec<super::history::Past>,
}

/// The part of a scenario its world is built from before the history: what a parser
/// streaming the history hands over as soon as it has read it (`stream`).
pub(super) struct Head<'a> {
    pub start: &'a str,
    pub seed: Option<u64>,
    pub rules: &'a RulesSpec,
    pub people: &'a [PersonSpec],
    pub connections: &'a [(String, String)],
}

impl<'a> Head<'a> {
    pub fn of(s: &'a Scenario) -> Head<'a> {
        Head {
            start: &s.start,
            seed: s.seed,
            rules: &s.rules,
            people: &s.people,
            connections: &s.connections,
        }
    }
}

/// Checks `s` and builds its starting world. The history (`s.invitations`) is moved
/// into the world, so `s` comes back without it: `Setup::history` remembers it.
/// `sorted`: replay by sorting every moment first (`Replay::sort_all`), the reference way.
pub fn validate(s: &mut Scenario, sorted: bool) -> Result<Setup, Vec<Problem>> {
    let (mut replay, problems) = begin(&Head::of(s));
    if sorted {
        replay.sort_all();
    }
    let specs = std::mem::take(&mut s.invitations);
    replay.reserve(specs.len());
    // Judged as a streamed load's parsing thread judges them (`Judge::entry`): only an
    // invitation with something wrong goes to the replay as read (boxed).
    let judge = replay.judge();
    for (i, spec) in specs.into_iter().enumerate() {
        let read = Read::of(&spec, |h| replay.world().person_id(h));
        replay.push(judge.entry(read, spec, i));
    }
    finish(s, replay, problems)
}

/// Checks the head and builds the world the history is replayed into.
pub(super) fn begin(head: &Head) -> (Replay, Vec<Problem>) {
    use Seg::{Field as F, Index as I};
    let mut problems: Vec<Problem> = Vec::new();
    let parsed_start = parse_time(head.start);
    let start = parsed_start.clone().unwrap_or_else(|e| {
        problems.push((vec![F("start")], e));
        DateTime::UNIX_EPOCH
    });
    let rules = head.rules.rules();
    if rules.reminder_days.windows(2).any(|w| w[0] >= w[1]) {
        let p = vec![F("rules"), F("reminder_days")];
        problems.push((p, "reminder days must be in increasing order".into()));
    }
    if rules.flags_to_restrict < rules.flags_to_warn {
        let p = vec![F("rules"), F("flags_to_restrict")];
        let msg = format!(
            "flags_to_restrict ({}) must be at least flags_to_warn ({}): an account is warned before it is restricted\nhelp: set flags_to_restrict to {} or more",
            rules.flags_to_restrict, rules.flags_to_warn, rules.flags_to_warn
        );
        problems.push((p, msg));
    }
    for (field, chance) in [
        ("reminder_chance", rules.reminder_chance),
        ("warn_chance", rules.warn_chance),
    ] {
        if !chance.is_valid() {
            let msg = format!(
                "{field} is {}; a chance must be between 0.0 and 1.0\nhelp: 1.0 is always, 0.5 half the time, 0.0 never",
                chance.0
            );
            problems.push((vec![F("rules"), F(field)], msg));
        }
    }
    let mut world = World::new(rules, start, head.seed.unwrap_or(0));
    // Times are shown in the offset the start was written with (`+02:00`, `Z`).
    if let Ok(t) = DateTime::parse_from_rfc3339(head.start) {
        world.set_offset(*t.offset());
    }

    if head.people.is_empty() {
        problems.push((
            vec![F("people")],
            "a scenario needs at least one person\nhelp: add one, like `people: [(id: \"maya\", name: \"Maya Chen\")]`".into(),
        ));
    }
    let mut first_use: std::collections::HashMap<&str, usize> = Default::default();
    for (i, p) in head.people.iter().enumerate() {
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
                "duplicate person id \"{}\"\nhelp: ids must be unique; it is first used on line {{line:people.{first}.id}}",
                p.id
            );
            problems.push((vec![F("people"), I(i), F("id")], msg));
        }
    }

    for (i, (a, b)) in head.connections.iter().enumerate() {
        let pa = resolve(&world, &mut problems, a, || {
            vec![F("connections"), I(i), I(0)]
        });
        let pb = resolve(&world, &mut problems, b, || {
            vec![F("connections"), I(i), I(1)]
        });
        if let (Some(pa), Some(pb)) = (pa, pb) {
            if pa == pb {
                let msg = format!("\"{a}\" cannot be connected to themselves");
                problems.push((vec![F("connections"), I(i)], msg));
            }
            world.connect(pa, pb);
        }
    }
    let replay = Replay::new(world, start, parsed_start.is_ok(), head.start);
    (replay, problems)
}

/// Plays the rest of the history and checks the rest of the file against the world
/// it made: panes, script, lesson, saved actions.
pub(super) fn finish(
    s: &Scenario,
    replay: Replay,
    mut problems: Vec<Problem>,
) -> Result<Setup, Vec<Problem>> {
    use Seg::{Field as F, Index as I};
    let (mut world, history, replayed) = replay.finish(|| begin(&Head::of(s)).0.into_world());
    problems.extend(replayed);

    let first = PersonId(0);
    let panes = match &s.panes {
        None => (
            first,
            world
                .person_id(s.people.get(1).map_or("", |p| &p.id))
                .unwrap_or(first),
        ),
        Some(p) => {
            let left = resolve(&world, &mut problems, &p.left, || {
                vec![F("panes"), F("left")]
            });
            let right = resolve(&world, &mut problems, &p.right, || {
                vec![F("panes"), F("right")]
            });
            (left.unwrap_or(first), right.unwrap_or(first))
        }
    };

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
                    resolve(&world, &mut problems, handle, || path);
                }
            }
            Step::Expect(e) => {
                for (field, handle) in e.handles() {
                    resolve(&world, &mut problems, handle, || at(&[I(0), F(field)]));
                }
            }
            Step::Quiz(q) => {
                if !(2..=9).contains(&q.choices.len()) {
                    let msg = format!(
                        "a quiz needs 2 to 9 choices (they are answered with the keys a–i); this one has {}\nhelp: {} choices",
                        q.choices.len(),
                        if q.choices.len() < 2 { "add" } else { "remove" }
                    );
                    problems.push((at(&[F("choices")]), msg));
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
                resolve(&world, &mut problems, handle, || path);
            }
        }
    }

    // Actions already taken (a saved session): each must still be allowed, in order.
    let script_world =
        (!s.actions.is_empty() && problems.is_empty()).then(|| Arc::new(world.clone()));
    if problems.is_empty() {
        for (i, action) in s.actions.iter().enumerate() {
            if let Err(refusal) = world.apply(action) {
                let msg = format!("this action is refused by the rules: {refusal}");
                problems.push((vec![F("actions"), I(i)], msg));
                break;
            }
        }
    } else {
        for (i, action) in s.actions.iter().enumerate() {
            for (field, handle) in action.handle_fields().iter().zip(action.handles()) {
                resolve(&world, &mut problems, handle, || {
                    vec![F("actions"), I(i), F(field)]
                });
            }
        }
    }

    if problems.is_empty() {
        Ok(Setup {
            world: Arc::new(world),
            panes,
            actions: s.actions.clone(),
            script_world,
            history,
        })
    } else {
        Err(problems)
    }
}

impl Setup {
    /// The world the script starts from: the scenario's start, before any saved actions.
    pub fn script_start(&self) -> &Arc<World> {
        self.script_world.as_ref().unwrap_or(&self.world)
    }
}

/// A time as scenarios write it: RFC 3339 in UTC, "2026-03-02T09:00:00Z" (fractions of a
/// second only when there are some). `parse_time` reads it back exactly.
pub fn format_rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

pub fn parse_time(s: &str) -> Result<DateTime<Utc>, String> {
    if let Some(t) = parse_utc_seconds(s) {
        return Ok(t);
    }
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            let bare = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
                .iter()
                .find_map(|f| chrono::NaiveDateTime::parse_from_str(s, f).ok());
            if let Some(t) = bare {
                let fixed = t.format("%Y-%m-%dT%H:%M:%SZ");
                format!("\"{s}\" has no time zone\nhelp: add `Z` for UTC or an offset like `+02:00`: \"{fixed}\"")
            } else {
                format!("\"{s}\" is not an RFC 3339 date-time like \"2026-03-02T09:00:00Z\" ({e})\nhelp: write the date, `T`, the time and the zone: \"2026-03-02T09:00:00Z\"")
            }
        })
}

/// The person a handle names, or a problem at `path`.
pub(super) fn resolve(
    world: &World,
    problems: &mut Vec<Problem>,
    handle: &str,
    path: impl FnOnce() -> Path,
) -> Option<PersonId> {
    let found = world.person_id(handle);
    // With no people at all, that is the error; every id would be a knock-on of it.
    if found.is_none() && !world.people().is_empty() {
        problems.push((path(), unknown(world, handle)));
    }
    found
}

/// "unknown person id …", with the fix: an invisible character to delete, the id
/// probably meant, or the ids there are.
fn unknown(world: &World, handle: &str) -> String {
    let handles = || world.people().iter().map(|p| p.handle.as_str());
    if let Some((c, name, fix)) = handle
        .chars()
        .find_map(|c| super::explain::lookalike(c).map(|(name, fix)| (c, name, fix)))
    {
        return format!(
            "unknown person id \"{handle}\": it contains U+{:04X} {name}\nhelp: {fix}",
            c as u32
        );
    }
    if let Some(best) = super::explain::closest(handle, handles()) {
        return format!("unknown person id \"{handle}\"\nhelp: did you mean \"{best}\"?");
    }
    let ids: Vec<&str> = handles().take(8).collect();
    let more = if world.people().len() > ids.len() {
        ", …"
    } else {
        ""
    };
    format!(
        "unknown person id \"{handle}\"\nhelp: the people here are {}{more}",
        ids.join(", ")
    )
}

/// The common `YYYY-MM-DDTHH:MM:SSZ` form without chrono's general parser: a large
/// generated file holds a hundred thousand of them. Anything else goes the long way.
fn parse_utc_seconds(s: &str) -> Option<DateTime<Utc>> {
    let b = s.as_bytes();
    if b.len() != 20
        || b[4] != b'-'
        || b[7] != b'-'
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'Z'
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let date = chrono::NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)?;
    let time = date.and_hms_opt(num(11..13)?, num(14..16)?, num(17..19)?)?;
    Some(time.and_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_agrees_with_chrono() {
        for s in [
            "2026-03-02T09:00:00Z",
            "2024-02-29T23:59:59Z",
            "1999-12-31T00:00:00Z",
        ] {
            let slow = DateTime::parse_from_rfc3339(s)
                .expect("valid")
                .with_timezone(&Utc);
            assert_eq!(parse_utc_seconds(s), Some(slow));
        }
        for s in [
            "2026-02-30T09:00:00Z",
            "2026-03-02T25:00:00Z",
            "2026-03-02 09:00:00Z",
            "2026-03-0x09:00:00Z",
        ] {
            assert_eq!(parse_utc_seconds(s), None, "{s}");
        }
        assert!(parse_time("2026-03-02T09:00:00+01:00").is_ok());
        assert!(parse_time("2026-02-30T09:00:00Z").is_err());
    }
}
