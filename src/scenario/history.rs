//! Plays a scenario's `invitations:` history up to its start through the same rules as
//! everything else: each invitation is sent at `sent` and, if it has a `state`, answered
//! (or withdrawn) at `changed`, in time order, with the timers firing in between. Every
//! moment goes through `World::act`, the one judge of every action, so a history obeys
//! every rule a script obeys (withdraw wait, weekly limit, standing), and a world
//! written mid-history has the flags, standing, reminders and mail its past implies.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use chrono::{DateTime, Utc};

use crate::model::{
    Act, Answer, InvitationId, InvitationState, PersonId, Refusal, Standing, World,
};

use super::locate::Seg::{Field as F, Index as I};
use super::validate::{Problem, parse_time, resolve};
use super::{HistoryState, InvitationSpec};

/// One invitation of the history as the loader holds it while replaying: moved out of
/// the parsed file, with its note handed to the world when it is sent (a copy while
/// the replay might still start over: see `Replay::play`). A million of these are held
/// at once, so they are kept small (56 bytes): a boxed note, the id as a bare number.
pub(super) struct Part {
    from: PersonId,
    to: PersonId,
    sent: DateTime<Utc>,
    changed: DateTime<Utc>,
    state: HistoryState,
    note: Option<Box<str>>,
    /// The invitation its send made, or `UNSENT`.
    made: u32,
}

/// A part not sent (yet, or ever): ids never reach `u32::MAX`.
const UNSENT: u32 = u32::MAX;

#[cfg(target_pointer_width = "64")]
const _: () = assert!(size_of::<Option<Part>>() == 56);

impl Part {
    /// Whether it has a second moment: an answer or a withdrawal at `changed`.
    fn changes(&self) -> bool {
        !matches!(self.state, HistoryState::Pending | HistoryState::Expired)
    }

    /// The invitation its send made, if it was sent.
    fn id(&self) -> Option<InvitationId> {
        (self.made != UNSENT).then_some(InvitationId(self.made))
    }
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

/// One moment of the history, packed in one number so a million of them sort quickly:
/// the time in seconds from the earliest (up to 2^43: chrono's whole calendar), whether
/// it is the send (0) or the change (1), and the invitation's index (up to 2^32). A
/// `u64` held the seconds to 2^31 only (68 years): a history spanning more wrapped and
/// played out of order (found by fuzzing).
type Key = u128;

fn op_key(seconds: u64, change: bool, index: usize) -> Key {
    (Key::from(seconds) << 33) | (Key::from(change) << 32) | index as Key
}

/// A change waiting in the in-order replay's heap, in half a `Key`: its second (up to
/// 2^32, 136 years after the first send) and its index. The heap is sifted at every
/// moment and holds about a week of answers (a hundred thousand at 1M invitations):
/// half the bytes is half the cache it sifts through. A history whose changes come
/// later than that is replayed the sorted way.
type Waiting = u64;

/// The moment a waiting change is.
fn change_key(waiting: Waiting) -> Key {
    op_key(
        waiting >> 32,
        true,
        (waiting & Waiting::from(u32::MAX)) as usize,
    )
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

/// A history being replayed, one invitation at a time, as the file gives them (or as a
/// parser streams them). While the sends come in time order, as `generate` and a save
/// write them, each moment is played as soon as nothing earlier can still come: the
/// answers wait in a heap until the next send is later than they are. Moments run in
/// exactly the order of sorting them all by (second, send before change, index); the
/// first send out of that order drops back to exactly that: a fresh world and the sort.
pub(super) struct Replay {
    world: World,
    judge: Judge,
    parts: Vec<Option<Part>>,
    /// The first invitation's send time while in order; every key counts from it.
    begin: Option<DateTime<Utc>>,
    last_send: u64,
    changes: BinaryHeap<Reverse<Waiting>>,
    in_order: bool,
    replayed: usize,
    /// Problems of the invitations themselves (people, times, notes), whatever the order.
    part_problems: Vec<Problem>,
    /// Problems of playing the moments: redone if the replay starts over.
    problems: Vec<Problem>,
}

impl Replay {
    /// Starts replaying into `world` (its people and network set, no invitation yet).
    pub(super) fn new(
        mut world: World,
        start: DateTime<Utc>,
        start_known: bool,
        start_text: &str,
    ) -> Replay {
        world.set_replaying(true);
        let judge = Judge {
            max_note: world.rules().note_max_chars as usize,
            start: Start {
                at: start,
                known: start_known,
                text: start_text.to_owned(),
            },
        };
        Replay {
            world,
            judge,
            parts: Vec::new(),
            begin: None,
            last_send: 0,
            changes: BinaryHeap::new(),
            in_order: true,
            replayed: 0,
            part_problems: Vec::new(),
            problems: Vec::new(),
        }
    }

    pub(super) fn world(&self) -> &World {
        &self.world
    }

    /// Plays nothing until the end and then sorts every moment: the plain way, which the
    /// in-order one must always agree with (`tests/stream.rs`).
    pub(super) fn sort_all(&mut self) {
        self.in_order = false;
    }

    /// The world as built, before any of the history: the one to start over from.
    pub(super) fn into_world(self) -> World {
        self.world
    }

    /// Room for `n` more invitations.
    pub(super) fn reserve(&mut self, n: usize) {
        self.parts.reserve(n);
        self.world.reserve(n);
    }

    /// What judging an invitation needs, for another thread to judge them ahead.
    pub(super) fn judge(&self) -> Judge {
        self.judge.clone()
    }

    /// The next invitation of the file: checked, and played as far as it can be.
    /// An invitation as read is already sanitized (`InvitationSpec::sanitize`).
    pub(super) fn push(&mut self, entry: Entry) {
        let i = self.parts.len();
        let part = match entry {
            Entry::Judged(part) => Some(part),
            Entry::Read(read) => {
                let (read, mut spec) = *read;
                let world = &self.world;
                let problems = &mut self.part_problems;
                let resolve = |h: &str, problems: &mut Vec<Problem>, f| {
                    resolve(world, problems, h, || vec![F("invitations"), I(i), F(f)])
                };
                part(&mut spec, &read, i, &self.judge, problems, resolve)
            }
        };
        self.parts.push(part);
        let Some(p) = self.parts[i].as_ref().filter(|_| self.in_order) else {
            return;
        };
        let (sent, change) = (p.sent, p.changes().then_some(p.changed));
        let begin = match self.begin {
            Some(b) => b,
            None => {
                self.world.begin_history_at(sent);
                *self.begin.insert(sent)
            }
        };
        let second = seconds(begin, sent);
        if sent < begin || second < self.last_send {
            self.in_order = false;
            return;
        }
        self.last_send = second;
        while let Some(&Reverse(waiting)) = self.changes.peek() {
            if waiting >> 32 >= second {
                break;
            }
            self.changes.pop();
            self.play(change_key(waiting), true);
        }
        self.play(op_key(second, false, i), true);
        if let Some(changed) = change {
            match u32::try_from(seconds(begin, changed)) {
                Ok(at) => self.changes.push(Reverse(u64::from(at) << 32 | i as u64)),
                Err(_) => self.in_order = false,
            }
        }
    }

    /// Plays what is left up to the start. `fresh` makes the world again (people and
    /// network, no invitation) if the sends came out of order and it must start over.
    pub(super) fn finish(
        mut self,
        fresh: impl FnOnce() -> World,
    ) -> (World, Vec<Past>, Vec<Problem>) {
        let total = self
            .parts
            .iter()
            .flatten()
            .map(|p| 1 + usize::from(p.changes()))
            .sum();
        super::progress::replaying(self.replayed, total);
        if self.in_order {
            while let Some(Reverse(waiting)) = self.changes.pop() {
                self.play(change_key(waiting), true);
            }
        } else {
            for p in self.parts.iter_mut().flatten() {
                // A note already sent lives in the world about to be dropped.
                if let Some(id) = p.id() {
                    p.made = UNSENT;
                    p.note = self.world.invitation(id).note.clone();
                }
            }
            // The world played so far goes before the fresh one is built: never two.
            self.world = World::new(self.world.rules().clone(), self.judge.start.at, 0);
            self.world = fresh();
            self.world.set_replaying(true);
            self.problems.clear();
            self.replayed = 0;
            let begin = self
                .parts
                .iter()
                .flatten()
                .map(|p| p.sent)
                .min()
                .unwrap_or(self.judge.start.at);
            let mut ops: Vec<Key> = Vec::with_capacity(total);
            for (i, p) in self.parts.iter().enumerate() {
                let Some(p) = p else { continue };
                ops.push(op_key(seconds(begin, p.sent), false, i));
                if p.changes() {
                    ops.push(op_key(seconds(begin, p.changed), true, i));
                }
            }
            ops.sort_unstable();
            self.world.begin_history_at(begin);
            self.world.reserve(self.parts.len());
            for key in ops {
                self.play(key, false);
            }
        }
        self.world.advance_to(self.judge.start.at);
        self.world.set_replaying(false);
        let mut problems = self.part_problems;
        problems.append(&mut self.problems);
        check_expired(&self.world, &self.parts, &mut problems);
        let history = self
            .parts
            .into_iter()
            .flatten()
            .filter_map(|p| {
                Some(Past {
                    invitation: p.id()?,
                    state: p.state,
                    changed: p.changed,
                })
            })
            .collect();
        (self.world, history, problems)
    }

    /// Plays one moment. While the replay might still start over (`keep_note`), a send
    /// hands the world a copy of its note and drops the part's only once it is sent: a
    /// refused send must not lose it (a sent one is found again in the world).
    fn play(&mut self, key: Key, keep_note: bool) {
        self.replayed += 1;
        if self.replayed % super::progress::EVERY == 0 {
            super::progress::replayed(self.replayed);
        }
        let i = (key & Key::from(u32::MAX)) as usize;
        let change = key & (1 << 32) != 0;
        let world = &mut self.world;
        let Some(p) = self.parts[i].as_mut() else {
            return;
        };
        world.advance_to(if change { p.changed } else { p.sent });
        let at = |f| vec![F("invitations"), I(i), F(f)];
        if !change {
            let note = if keep_note {
                p.note.clone()
            } else {
                p.note.take()
            };
            match send(world, p.from, p.to, note.map(String::from)) {
                Ok(id) => {
                    p.made = id.0;
                    if keep_note {
                        p.note = None;
                    }
                }
                Err(refusal) => {
                    let field = match refusal {
                        Refusal::WeeklyLimit { .. }
                        | Refusal::WithdrawWait { .. }
                        | Refusal::RestrictedUntil { .. } => "sent",
                        _ => "from",
                    };
                    let msg = format!("this history cannot happen: {refusal}");
                    self.problems.push((at(field), msg));
                }
            }
            return;
        }
        let (from, to) = (p.from, p.to);
        let known = p.id();
        let answer = |answer| Act::Answer {
            by: to,
            from,
            answer,
            known,
        };
        let act = match p.state {
            HistoryState::Seen => answer(Answer::Open),
            HistoryState::Ignored => answer(Answer::Ignore),
            HistoryState::DontKnow => answer(Answer::DontKnow),
            HistoryState::Spam => answer(Answer::ReportSpam),
            HistoryState::Accepted => answer(Answer::Accept),
            HistoryState::Withdrawn => Act::Withdraw { by: from, to },
            HistoryState::Pending | HistoryState::Expired => return,
        };
        if let Err(refusal) = world.act(act) {
            let msg = format!("this history cannot happen: {refusal}");
            self.problems.push((at("state"), msg));
        }
    }
}

/// Seconds from `begin` to `t` (0 for anything before it), as moments are keyed.
fn seconds(begin: DateTime<Utc>, t: DateTime<Utc>) -> u64 {
    (t - begin).num_seconds().max(0) as u64
}

/// The scenario's start: when, whether it was read (a broken one is reported once, by
/// the head), and as written (for messages).
#[derive(Clone)]
struct Start {
    at: DateTime<Utc>,
    known: bool,
    text: String,
}

/// What judging an invitation of the history needs besides the world: the note's limit
/// and the scenario's start. A streamed load hands a copy to the parsing thread.
#[derive(Clone)]
pub(super) struct Judge {
    max_note: usize,
    start: Start,
}

/// An invitation of the history as handed to the replay: already judged, where nothing
/// was wrong with it (on the parsing thread of a streamed load, which has time to
/// spare), or as read, to be judged beside the world its messages need (`part`).
/// (Boxed as read: a chunk of a thousand entries is moved twice on its way.)
pub(super) enum Entry {
    Judged(Part),
    Read(Box<(Read, InvitationSpec)>),
}

impl Entry {
    pub(super) fn read(read: Read, spec: InvitationSpec) -> Entry {
        Entry::Read(Box::new((read, spec)))
    }
}

impl Judge {
    /// Judges `spec` without the world: the part, if nothing is wrong with it; else
    /// the invitation as read, for the replay to judge and say what is wrong.
    pub(super) fn entry(&self, read: Read, mut spec: InvitationSpec, i: usize) -> Entry {
        let mut problems = Vec::new();
        // An unknown person's message names the people there are: the replay's to write.
        let unknown = |_: &str, problems: &mut Vec<Problem>, f| {
            problems.push((vec![F("invitations"), I(i), F(f)], String::new()));
            None
        };
        match part(&mut spec, &read, i, self, &mut problems, unknown) {
            Some(part) if problems.is_empty() => Entry::Judged(part),
            taken => {
                // A note taken goes back, for the replay to judge it all again.
                if let Some(note) = taken.and_then(|p| p.note) {
                    spec.note = Some(note.into());
                }
                Entry::read(read, spec)
            }
        }
    }
}

/// An invitation's times and people, read from its text: on the parsing thread when the
/// load is streamed (`stream`), where there is time to spare.
pub(super) struct Read {
    sent: Result<DateTime<Utc>, String>,
    changed: Option<Result<DateTime<Utc>, String>>,
    from: Option<PersonId>,
    to: Option<PersonId>,
}

impl Read {
    /// `person`: the id a handle names in the world being built.
    pub(super) fn of(spec: &InvitationSpec, person: impl Fn(&str) -> Option<PersonId>) -> Read {
        Read {
            sent: parse_time(&spec.sent),
            changed: spec.changed.as_deref().map(parse_time),
            from: person(&spec.from),
            to: person(&spec.to),
        }
    }
}

/// One invitation of the file, checked (people, times) and moved out of its text form:
/// its note is taken from `inv` if it is within the limit. `resolve` names a person
/// `read` did not find, or says why not.
fn part(
    inv: &mut InvitationSpec,
    read: &Read,
    i: usize,
    judge: &Judge,
    problems: &mut Vec<Problem>,
    mut resolve: impl FnMut(&str, &mut Vec<Problem>, &'static str) -> Option<PersonId>,
) -> Option<Part> {
    let Start {
        at: start,
        known: start_known,
        text: start_text,
    } = &judge.start;
    let at = |f| vec![F("invitations"), I(i), F(f)];
    let pending = matches!(inv.state, None | Some(HistoryState::Pending));
    if inv.changed.is_some() && pending {
        let msg = "`changed` says when the state changed, so it needs a `state` other than Pending\nhelp: add a `state` (Seen, Ignored, DontKnow, Spam, Accepted, Withdrawn), or remove `changed`".to_owned();
        problems.push((at("changed"), msg));
    }
    // The note is judged on its own so a problem elsewhere does not hide it.
    let max = judge.max_note;
    let len = inv.note.as_deref().map_or(0, |n| n.chars().count());
    if len > max {
        let msg = format!("the note has {len} characters; the limit is {max}");
        problems.push((at("note"), msg));
    }
    // Looked up again only if not found: `resolve` says what is wrong with the id.
    let from = read.from.or_else(|| resolve(&inv.from, problems, "from"));
    let to = read.to.or_else(|| resolve(&inv.to, problems, "to"));
    let time = |field: &'static str,
                text: &str,
                parsed: Result<DateTime<Utc>, String>,
                problems: &mut Vec<Problem>| match parsed {
        Ok(t) if *start_known && t > *start => {
            let msg = format!("{field} {text} is after the scenario's start {start_text}");
            problems.push((at(field), msg));
            None
        }
        Ok(t) => Some(t),
        Err(e) => {
            problems.push((at(field), e));
            None
        }
    };
    let sent = time("sent", &inv.sent, read.sent.clone(), problems);
    let changed = match (&inv.changed, read.changed.clone(), sent) {
        (Some(text), Some(parsed), Some(sent)) => match time("changed", text, parsed, problems) {
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
        (None, _, sent) => sent,
        _ => None,
    };
    Some(Part {
        from: from?,
        to: to?,
        sent: sent?,
        changed: changed?,
        state: inv.state.unwrap_or(HistoryState::Pending),
        note: inv.note.take_if(|_| len <= max).map(String::into_boxed_str),
        made: UNSENT,
    })
}

/// `Expired` is not an action: the rules must have expired the invitation by the start.
fn check_expired(world: &World, parts: &[Option<Part>], problems: &mut Vec<Problem>) {
    for (i, p) in parts.iter().enumerate() {
        let Some(p) = p.as_ref().filter(|p| p.state == HistoryState::Expired) else {
            continue;
        };
        let expired = p
            .id()
            .is_some_and(|id| world.invitation(id).state == InvitationState::Expired);
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
