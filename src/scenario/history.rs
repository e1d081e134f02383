//! Plays a scenario's `invitations:` history up to its start through the same rules as
//! everything else: each invitation is sent at `sent` and, if it has a `state`, answered
//! (or withdrawn) at `changed`, in time order, with the timers firing in between. Every
//! moment goes through `World::act`, the one judge of every action, so a history obeys
//! every rule a script obeys (withdraw wait, weekly limit, standing), and a world
//! written mid-history has the flags, standing, reminders and mail its past implies.

use chrono::{DateTime, Utc};

use crate::model::{
    Act, Answer, InvitationId, InvitationState, PersonId, Refusal, Standing, World,
};

use super::locate::Seg::{Field as F, Index as I};
use super::validate::{Problem, parse_time, resolve};
use super::{HistoryState, InvitationSpec, Scenario};

/// One moment of the history, packed in a `u64` so a million of them sort quickly:
/// the time in seconds (from the earliest, 31 bits), whether it is the send (0) or the
/// change (1), and the invitation's index (up to 2^32).
/// One invitation of the history as the loader holds it while replaying: moved out of
/// the parsed file (so the file's strings are freed before the world grows), with its
/// note handed to the world when it is sent.
struct Part {
    from: PersonId,
    to: PersonId,
    sent: DateTime<Utc>,
    changed: DateTime<Utc>,
    state: HistoryState,
    note: Option<String>,
    id: Option<InvitationId>,
}

/// What the loaded history was, for a save to write back: the invitation it made, the
/// state the file gave it and when. Sender, recipient, send time and note are read from
/// the world's invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Past {
    pub invitation: InvitationId,
    pub state: HistoryState,
    pub changed: DateTime<Utc>,
}

fn op_key(seconds: u64, change: bool, index: usize) -> u64 {
    (seconds << 33) | (u64::from(change) << 32) | index as u64
}

/// Sends an invitation of a history at the world's clock, through `World::act`. A
/// restricted sender in the past evidently knew the address: a history entry carries
/// none, so the recipient's own is given. `generate` sends its invitations the same way.
pub fn send(
    world: &mut World,
    from: PersonId,
    to: PersonId,
    note: Option<String>,
) -> Result<InvitationId, Refusal> {
    let email = (world.lists(from).account.standing == Standing::Restricted)
        .then(|| world.person(to).email.clone())
        .flatten();
    let id = InvitationId(world.invitations().len() as u32);
    world.act(Act::Send {
        from,
        to,
        note,
        email,
    })?;
    Ok(id)
}

pub fn replay(
    world: &mut World,
    specs: Vec<InvitationSpec>,
    s: &Scenario,
    start: DateTime<Utc>,
    start_known: bool,
    problems: &mut Vec<Problem>,
) -> Vec<Past> {
    let count = specs.len();
    let mut parts: Vec<Option<Part>> = Vec::with_capacity(count);
    for (i, inv) in specs.into_iter().enumerate() {
        parts.push(part(world, inv, i, s, start, start_known, problems));
    }
    let begin = parts
        .iter()
        .flatten()
        .map(|p| p.sent)
        .min()
        .unwrap_or(start);
    let seconds = |t: DateTime<Utc>| (t - begin).num_seconds().max(0) as u64;
    let mut ops: Vec<u64> = Vec::with_capacity(count * 2);
    for (i, part) in parts.iter().enumerate() {
        let Some(p) = part else { continue };
        ops.push(op_key(seconds(p.sent), false, i));
        if !matches!(p.state, HistoryState::Pending | HistoryState::Expired) {
            ops.push(op_key(seconds(p.changed), true, i));
        }
    }
    ops.sort_unstable();
    let moments = ops.len();
    super::progress::replaying(0, moments);
    world.begin_history_at(begin);
    world.set_logging(false);
    world.reserve(count);
    let max = world.rules().note_max_chars as usize;
    for (n, key) in ops.into_iter().enumerate() {
        if n % super::progress::EVERY == 0 {
            super::progress::replaying(n, moments);
        }
        let i = (key & u64::from(u32::MAX)) as usize;
        let change = key & (1 << 32) != 0;
        let Some(p) = parts[i].as_mut() else { continue };
        world.advance_to(if change { p.changed } else { p.sent });
        let at = |f| vec![F("invitations"), I(i), F(f)];
        if !change {
            // The note is judged on its own so a pair problem does not hide it.
            let len = p.note.as_deref().map_or(0, |n| n.chars().count());
            if len > max {
                let msg = format!("the note has {len} characters; the limit is {max}");
                problems.push((at("note"), msg));
            }
            let note = p.note.take().filter(|_| len <= max);
            match send(world, p.from, p.to, note) {
                Ok(id) => p.id = Some(id),
                Err(refusal) => {
                    let field = match refusal {
                        Refusal::WeeklyLimit { .. }
                        | Refusal::WithdrawWait { .. }
                        | Refusal::RestrictedUntil { .. } => "sent",
                        _ => "from",
                    };
                    let msg = format!("this history cannot happen: {refusal}");
                    problems.push((at(field), msg));
                }
            }
            continue;
        }
        let (from, to) = (p.from, p.to);
        let answer = |answer| Act::Answer {
            by: to,
            from,
            answer,
        };
        let act = match p.state {
            HistoryState::Seen => answer(Answer::Open),
            HistoryState::Ignored => answer(Answer::Ignore),
            HistoryState::DontKnow => answer(Answer::DontKnow),
            HistoryState::Spam => answer(Answer::ReportSpam),
            HistoryState::Accepted => answer(Answer::Accept),
            HistoryState::Withdrawn => Act::Withdraw { by: from, to },
            HistoryState::Pending | HistoryState::Expired => continue,
        };
        let result = world.act(act);
        if let Err(refusal) = result {
            let msg = format!("this history cannot happen: {refusal}");
            problems.push((at("state"), msg));
        }
    }
    world.advance_to(start);
    world.set_logging(true);
    check_expired(world, &parts, problems);
    parts
        .into_iter()
        .flatten()
        .filter_map(|p| {
            Some(Past {
                invitation: p.id?,
                state: p.state,
                changed: p.changed,
            })
        })
        .collect()
}

/// One invitation of the file, checked (people, times) and moved out of its text form.
fn part(
    world: &World,
    inv: InvitationSpec,
    i: usize,
    s: &Scenario,
    start: DateTime<Utc>,
    start_known: bool,
    problems: &mut Vec<Problem>,
) -> Option<Part> {
    let at = |f| vec![F("invitations"), I(i), F(f)];
    let from = resolve(world, problems, &inv.from, || at("from"));
    let to = resolve(world, problems, &inv.to, || at("to"));
    let time = |field: &'static str, text: &str, problems: &mut Vec<Problem>| match parse_time(text)
    {
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
    Some(Part {
        from: from?,
        to: to?,
        sent: sent?,
        changed: changed?,
        state: inv.state.unwrap_or(HistoryState::Pending),
        note: inv.note,
        id: None,
    })
}

/// `Expired` is not an action: the rules must have expired the invitation by the start.
fn check_expired(world: &World, parts: &[Option<Part>], problems: &mut Vec<Problem>) {
    for (i, p) in parts.iter().enumerate() {
        let Some(p) = p.as_ref().filter(|p| p.state == HistoryState::Expired) else {
            continue;
        };
        let expired =
            p.id.is_some_and(|id| world.invitation(id).state == InvitationState::Expired);
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
