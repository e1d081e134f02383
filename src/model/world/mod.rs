//! The simulated platform: people, invitations, the network, mailboxes and accounts,
//! a simulated clock with a timer queue, and `apply`, the only way anything changes.

use std::ops::Range;

use chrono::{DateTime, Duration, FixedOffset, Offset, Utc};
use rustc_hash::FxHashMap as HashMap;

mod answer;
mod build;
mod clock;
mod dice;
mod pairs;
mod send;

use pairs::Pairs;

use super::lists::{Lists, Placement};
use super::timers::Timers;
use super::{
    Action, Answer, Audience, Event, EventKind, Invitation, InvitationId, InvitationState, Mail,
    MailKind, Person, PersonId, Refusal, Rules,
};

/// An action with its people resolved to ids: what `apply` judges and carries out.
/// `World::apply` resolves an `Action` into one; a scenario's history builds them
/// directly (it has ids already), and both go through `World::act`, so the past obeys
/// every rule a script obeys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Act {
    Send {
        from: PersonId,
        to: PersonId,
        note: Option<String>,
        email: Option<String>,
    },
    Wait(Duration),
    Answer {
        by: PersonId,
        from: PersonId,
        answer: Answer,
        /// The invitation the caller knows `from` sent `by` (a history does): taken
        /// without looking the pair up when it is still their latest, the one the
        /// answer reaches either way. Wrong or stale, it is looked up as without it.
        known: Option<InvitationId>,
    },
    Reply {
        by: PersonId,
        from: PersonId,
        text: String,
    },
    Withdraw {
        by: PersonId,
        to: PersonId,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct World {
    rules: Rules,
    now: DateTime<Utc>,
    seed: u64,
    people: Vec<Person>,
    handles: HashMap<String, PersonId>,
    invitations: Vec<Invitation>,
    lists: Vec<Lists>,
    /// Between each pair of people: the latest invitation either way, connected or not,
    /// and who said "I don't know" to whom. What every rule asks about a pair.
    pairs: Pairs,
    timers: Timers,
    log: Vec<Event>,
    /// On while a scenario's history is replayed: the past's events are not the log's,
    /// and the per-person lists are built once at the end (`set_replaying`).
    replaying: bool,
    /// The offset times are shown in: the one the scenario's `start` was written with.
    offset: FixedOffset,
}

impl World {
    pub fn new(rules: Rules, start: DateTime<Utc>, seed: u64) -> World {
        World {
            rules,
            now: start,
            seed,
            people: Vec::new(),
            handles: HashMap::default(),
            invitations: Vec::new(),
            lists: Vec::new(),
            pairs: Pairs::default(),
            timers: Timers::default(),
            log: Vec::new(),
            replaying: false,
            offset: Utc.fix(),
        }
    }

    /// Shows times in `offset` from now on (how the scenario's `start` was written).
    pub fn set_offset(&mut self, offset: FixedOffset) {
        self.offset = offset;
    }

    pub fn offset(&self) -> FixedOffset {
        self.offset
    }

    /// `t` in the offset the world shows times in.
    pub fn local(&self, t: DateTime<Utc>) -> DateTime<FixedOffset> {
        t.with_timezone(&self.offset)
    }

    pub fn rules(&self) -> &Rules {
        &self.rules
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn people(&self) -> &[Person] {
        &self.people
    }

    pub fn person(&self, id: PersonId) -> &Person {
        &self.people[id.index()]
    }

    pub fn person_id(&self, handle: &str) -> Option<PersonId> {
        self.handles.get(handle).copied()
    }

    /// Every handle and the person it names: `person_id` for another thread.
    pub fn handles(&self) -> HashMap<String, PersonId> {
        self.handles.clone()
    }

    pub fn invitations(&self) -> &[Invitation] {
        &self.invitations
    }

    pub fn invitation(&self, id: InvitationId) -> &Invitation {
        &self.invitations[id.index()]
    }

    pub fn lists(&self, p: PersonId) -> &Lists {
        &self.lists[p.index()]
    }

    pub fn log(&self) -> &[Event] {
        &self.log
    }

    pub fn are_connected(&self, a: PersonId, b: PersonId) -> bool {
        self.pairs.get(a, b).connected
    }

    /// The latest invitation `from` sent `to`, in any state.
    pub fn latest(&self, from: PersonId, to: PersonId) -> Option<&Invitation> {
        self.pairs.get(from, to).out.map(|i| self.invitation(i))
    }

    /// `latest(from, to)`, taking `known` without the pair map if it is that one: sent
    /// by `from` to `to`, and no later invitation the same way since (a replayed
    /// history knows which invitation each answer is for).
    fn latest_known(
        &self,
        from: PersonId,
        to: PersonId,
        known: Option<InvitationId>,
    ) -> Option<&Invitation> {
        match known.and_then(|i| self.invitations.get(i.index())) {
            Some(inv) if inv.from == from && inv.to == to && !inv.superseded => Some(inv),
            _ => self.latest(from, to),
        }
    }

    /// True once `to` said "I don't know" to an invitation from `from`.
    pub fn is_blocked(&self, from: PersonId, to: PersonId) -> bool {
        self.pairs.get(from, to).blocked
    }

    /// Applies one action. On success the new events are `self.log()[range]`; on
    /// refusal the world is unchanged.
    pub fn apply(&mut self, action: &Action) -> Result<Range<usize>, Refusal> {
        let act = self.resolve_action(action)?;
        self.act(act)
    }

    /// The action with its handles looked up.
    pub fn resolve_action(&self, action: &Action) -> Result<Act, Refusal> {
        Ok(match action {
            Action::Send {
                from,
                to,
                note,
                email,
            } => Act::Send {
                from: self.resolve(from)?,
                to: self.resolve(to)?,
                note: note.clone(),
                email: email.clone(),
            },
            Action::Wait { .. } => Act::Wait(action.wait_duration()),
            Action::Open { by, from } => self.answer_act(by, from, Answer::Open)?,
            Action::Ignore { by, from } => self.answer_act(by, from, Answer::Ignore)?,
            Action::Accept { by, from } => self.answer_act(by, from, Answer::Accept)?,
            Action::DontKnow { by, from } => self.answer_act(by, from, Answer::DontKnow)?,
            Action::ReportSpam { by, from } => self.answer_act(by, from, Answer::ReportSpam)?,
            Action::Reply { by, from, text } => Act::Reply {
                by: self.resolve(by)?,
                from: self.resolve(from)?,
                text: text.clone(),
            },
            Action::Withdraw { by, to } => Act::Withdraw {
                by: self.resolve(by)?,
                to: self.resolve(to)?,
            },
        })
    }

    fn answer_act(&self, by: &str, from: &str, answer: Answer) -> Result<Act, Refusal> {
        Ok(Act::Answer {
            by: self.resolve(by)?,
            from: self.resolve(from)?,
            answer,
            known: None,
        })
    }

    /// Judges and carries out one resolved action: the one place the world changes.
    pub fn act(&mut self, act: Act) -> Result<Range<usize>, Refusal> {
        let first = self.log.len();
        match act {
            Act::Send {
                from,
                to,
                note,
                email,
            } => self.send(from, to, note, email.as_deref())?,
            Act::Wait(by) => self.wait(by)?,
            Act::Answer {
                by,
                from,
                answer,
                known,
            } => self.answer_as(by, from, answer, known)?,
            Act::Reply { by, from, text } => self.reply(by, from, text)?,
            Act::Withdraw { by, to } => self.withdraw(by, to)?,
        }
        Ok(first..self.log.len())
    }

    fn resolve(&self, handle: &str) -> Result<PersonId, Refusal> {
        self.person_id(handle).ok_or_else(|| Refusal::NoSuchPerson {
            handle: handle.to_owned(),
        })
    }

    /// A person's full name, owned, for a refusal.
    fn name(&self, p: PersonId) -> String {
        self.people[p.index()].name.clone()
    }

    fn mail(&mut self, to: PersonId, at: DateTime<Utc>, kind: MailKind) {
        self.lists[to.index()].mail.push(Mail { at, kind });
    }

    fn push_event(&mut self, at: DateTime<Utc>, kind: EventKind, visible_to: &[PersonId]) {
        if !self.replaying {
            self.log.push(Event {
                at,
                kind,
                visible_to: Audience::of(visible_to),
            });
        }
    }

    /// Moves an invitation to `state`, keeping every per-person list in step with it.
    fn set_state(&mut self, id: InvitationId, state: InvitationState) {
        let ignore_archives = self.rules.ignore_archives;
        let inv = &mut self.invitations[id.index()];
        let was = Placement::of(inv.state, ignore_archives);
        inv.state = state;
        inv.changed = self.now;
        self.place(id, was, Placement::of(state, ignore_archives));
    }

    /// Moves the invitation from the lists of placement `was` to those of `now`,
    /// touching only the lists that differ (an Open keeps it where it is).
    fn place(&mut self, id: InvitationId, was: Placement, now: Placement) {
        if self.replaying {
            return;
        }
        let inv = &self.invitations[id.index()];
        let (from, to) = (inv.from.index(), inv.to.index());
        // New invitations land at the end; a binary search finds any other place.
        let edit = |list: &mut Vec<InvitationId>, insert: bool| match (list.last(), insert) {
            (Some(&last), true) if last < id => list.push(id),
            (None, true) => list.push(id),
            _ => match (list.binary_search(&id), insert) {
                (Err(at), true) => list.insert(at, id),
                (Ok(at), false) => {
                    list.remove(at);
                }
                _ => {}
            },
        };
        if was.inbox != now.inbox {
            edit(&mut self.lists[to].inbox, now.inbox);
        }
        if was.archive != now.archive {
            edit(&mut self.lists[to].archive, now.archive);
        }
        if was.sent != now.sent {
            edit(&mut self.lists[from].sent, now.sent);
        }
    }
}

fn days(n: u32) -> Duration {
    Duration::days(i64::from(n))
}
