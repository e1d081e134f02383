//! Plays a scenario's `invitations:` history up to its start through the same rules as
//! everything else: each invitation is sent at `sent` and, if it has a `state`, answered
//! (or withdrawn) at `changed`, in time order, with the timers firing in between. So a
//! world written mid-history has the flags, standing, reminders and mail its past implies.

use chrono::{DateTime, Utc};

use crate::model::{Answer, InvitationState, PersonId, World};

use super::locate::Seg::{Field as F, Index as I};
use super::validate::{Problem, parse_time, resolve};
use super::{HistoryState, Scenario};

/// What happens to invitation `index` at a moment of its history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Op {
    Send,
    Change,
}

pub fn replay(
    world: &mut World,
    s: &Scenario,
    start: DateTime<Utc>,
    start_known: bool,
    problems: &mut Vec<Problem>,
) {
    let mut ops: Vec<(DateTime<Utc>, Op, usize, PersonId, PersonId)> =
        Vec::with_capacity(s.invitations.len());
    for (i, inv) in s.invitations.iter().enumerate() {
        let at = |f| vec![F("invitations"), I(i), F(f)];
        let from = resolve(world, problems, &inv.from, at("from"));
        let to = resolve(world, problems, &inv.to, at("to"));
        let time =
            |field: &'static str, text: &str, problems: &mut Vec<Problem>| match parse_time(text) {
                Ok(t) if start_known && t > start => {
                    let msg = format!("{field} {text} is after the scenario's start {}", s.start);
                    problems.push((at(field), msg));
                    None
                }
                Ok(t) => Some(t),
                Err(e) => {
                    problems.push((at(field), e));
                    None
                }
            };
        let Some(sent) = time("sent", &inv.sent, problems) else {
            continue;
        };
        let state = inv.state.unwrap_or(HistoryState::Pending);
        let changed = match &inv.changed {
            Some(text) => match time("changed", text, problems) {
                Some(t) if t < sent => {
                    let msg = format!(
                        "changed {text} is before the invitation was sent ({})",
                        inv.sent
                    );
                    problems.push((at("changed"), msg));
                    continue;
                }
                Some(t) => t,
                None => continue,
            },
            None => sent,
        };
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        ops.push((sent, Op::Send, i, from, to));
        if !matches!(state, HistoryState::Pending | HistoryState::Expired) {
            ops.push((changed, Op::Change, i, from, to));
        }
    }
    ops.sort_unstable();
    let begin = ops.first().map_or(start, |op| op.0);
    world.begin_history_at(begin);
    world.set_logging(false);
    world.reserve(s.invitations.len());
    let max = world.rules().note_max_chars as usize;
    for (time, op, i, from, to) in ops {
        world.advance_to(time);
        let inv = &s.invitations[i];
        let at = |f| vec![F("invitations"), I(i), F(f)];
        match op {
            Op::Send => {
                // The note is judged on its own so a pair problem does not hide it.
                let len = inv.note.as_deref().map_or(0, |n| n.chars().count());
                if len > max {
                    let msg = format!("the note has {len} characters; the limit is {max}");
                    problems.push((at("note"), msg));
                }
                let note = inv.note.clone().filter(|_| len <= max);
                if let Err(refusal) = world.add_invitation(from, to, note) {
                    problems.push((at("from"), refusal.0));
                }
            }
            Op::Change => {
                let result = match inv.state.unwrap_or(HistoryState::Pending) {
                    HistoryState::Seen => world.answer_as(to, from, Answer::Open),
                    HistoryState::Ignored => world.answer_as(to, from, Answer::Ignore),
                    HistoryState::DontKnow => world.answer_as(to, from, Answer::DontKnow),
                    HistoryState::Spam => world.answer_as(to, from, Answer::ReportSpam),
                    HistoryState::Accepted => world.answer_as(to, from, Answer::Accept),
                    HistoryState::Withdrawn => world.withdraw(from, to),
                    HistoryState::Pending | HistoryState::Expired => Ok(()),
                };
                if let Err(refusal) = result {
                    problems.push((
                        at("state"),
                        format!("this history cannot happen: {refusal}"),
                    ));
                }
            }
        }
    }
    world.advance_to(start);
    world.set_logging(true);
    check_expired(world, s, problems);
}

/// `Expired` is not an action: the rules must have expired the invitation by the start.
fn check_expired(world: &World, s: &Scenario, problems: &mut Vec<Problem>) {
    for (i, inv) in s.invitations.iter().enumerate() {
        if inv.state != Some(HistoryState::Expired) {
            continue;
        }
        let (Some(from), Some(to)) = (world.person_id(&inv.from), world.person_id(&inv.to)) else {
            continue;
        };
        let expired = world
            .latest(from, to)
            .is_some_and(|x| x.state == InvitationState::Expired);
        if !expired {
            let msg = match world.rules().expiry_days {
                None => "state Expired, but these rules never expire invitations".to_owned(),
                Some(d) => {
                    format!("state Expired, but it would not have expired ({d} days) by the start")
                }
            };
            problems.push((vec![F("invitations"), I(i), F("state")], msg));
        }
    }
}
