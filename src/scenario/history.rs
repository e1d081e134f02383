//! Plays a scenario's `invitations:` history up to its start through the same rules as
//! everything else: each invitation is sent at `sent` and, if it has a `state`, answered
//! (or withdrawn) at `changed`, in time order, with the timers firing in between. So a
//! world written mid-history has the flags, standing, reminders and mail its past implies.

use chrono::{DateTime, Utc};

use crate::model::{Answer, InvitationState, PersonId, World};

use super::locate::Seg::{Field as F, Index as I};
use super::validate::{Problem, parse_time, resolve};
use super::{HistoryState, Scenario};

/// One moment of the history, packed in a `u64` so a million of them sort quickly:
/// the time in seconds (from the earliest, 31 bits), whether it is the send (0) or the
/// change (1), and the invitation's index (up to 2^32).
/// An invitation's sender, recipient, send time and change time.
type Moments = (PersonId, PersonId, DateTime<Utc>, DateTime<Utc>);

fn op_key(seconds: u64, change: bool, index: usize) -> u64 {
    (seconds << 33) | (u64::from(change) << 32) | index as u64
}

pub fn replay(
    world: &mut World,
    s: &Scenario,
    start: DateTime<Utc>,
    start_known: bool,
    problems: &mut Vec<Problem>,
) {
    // Each invitation's people and times, then the ordered moments of the history.
    let mut parts: Vec<Option<Moments>> = Vec::with_capacity(s.invitations.len());
    for (i, inv) in s.invitations.iter().enumerate() {
        let at = |f| vec![F("invitations"), I(i), F(f)];
        let from = resolve(world, problems, &inv.from, || at("from"));
        let to = resolve(world, problems, &inv.to, || at("to"));
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
        let sent = time("sent", &inv.sent, problems);
        let changed = match (&inv.changed, sent) {
            (Some(text), Some(sent)) => match time("changed", text, problems) {
                Some(t) if t < sent => {
                    let msg = format!(
                        "changed {text} is before the invitation was sent ({})",
                        inv.sent
                    );
                    problems.push((at("changed"), msg));
                    None
                }
                other => other,
            },
            (None, sent) => sent,
            (Some(_), None) => None,
        };
        parts.push(match (from, to, sent, changed) {
            (Some(f), Some(t), Some(s), Some(c)) => Some((f, t, s, c)),
            _ => None,
        });
    }
    let begin = parts.iter().flatten().map(|p| p.2).min().unwrap_or(start);
    let seconds = |t: DateTime<Utc>| (t - begin).num_seconds().max(0) as u64;
    let mut ops: Vec<u64> = Vec::with_capacity(parts.len() * 2);
    for (i, part) in parts.iter().enumerate() {
        let Some((_, _, sent, changed)) = *part else {
            continue;
        };
        ops.push(op_key(seconds(sent), false, i));
        let state = s.invitations[i].state.unwrap_or(HistoryState::Pending);
        if !matches!(state, HistoryState::Pending | HistoryState::Expired) {
            ops.push(op_key(seconds(changed), true, i));
        }
    }
    ops.sort_unstable();
    world.begin_history_at(begin);
    world.set_logging(false);
    world.reserve(s.invitations.len());
    let max = world.rules().note_max_chars as usize;
    for key in ops {
        let i = (key & u64::from(u32::MAX)) as usize;
        let change = key & (1 << 32) != 0;
        let Some((from, to, sent, changed)) = parts[i] else {
            continue;
        };
        world.advance_to(if change { changed } else { sent });
        let inv = &s.invitations[i];
        let at = |f| vec![F("invitations"), I(i), F(f)];
        if !change {
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
            continue;
        }
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
