//! The simulated platform: people, invitations, the network, mailboxes and accounts,
//! a simulated clock with a timer queue, and `apply`, the only way anything changes.

use std::ops::Range;

use chrono::{DateTime, Duration, Utc};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lists::{Lists, Placement};
use super::timers::{Timer, TimerKind, Timers};
use super::{
    Action, Answer, Audience, Event, EventKind, Invitation, InvitationId, InvitationState, Mail,
    MailKind, Person, PersonId, Rules, Standing, format_time,
};

/// Why `apply` refused an action, in words a person can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal(pub String);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refusal {}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct World {
    rules: Rules,
    now: DateTime<Utc>,
    seed: u64,
    people: Vec<Person>,
    handles: HashMap<String, PersonId>,
    invitations: Vec<Invitation>,
    lists: Vec<Lists>,
    /// The latest invitation from the first person to the second.
    latest: HashMap<(PersonId, PersonId), InvitationId>,
    /// (sender, recipient) pairs closed by "I don't know this person".
    blocked: HashSet<(PersonId, PersonId)>,
    timers: Timers,
    log: Vec<Event>,
    /// Off while a scenario's history is replayed: the past's events are not the log's.
    logging: bool,
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
            latest: HashMap::default(),
            blocked: HashSet::default(),
            timers: Timers::default(),
            log: Vec::new(),
            logging: true,
        }
    }

    // ----- building a world (scenario loading) -------------------------------------

    /// Adds a person; a handle already taken is refused.
    pub fn add_person(&mut self, person: Person) -> Result<PersonId, Refusal> {
        if self.handles.contains_key(&person.handle) {
            return Err(Refusal(format!(
                "the id \"{}\" is already taken",
                person.handle
            )));
        }
        let id = PersonId(self.people.len() as u32);
        self.handles.insert(person.handle.clone(), id);
        self.people.push(person);
        self.lists.push(Lists::default());
        Ok(id)
    }

    /// Connects two people at the start, without any invitation or event.
    pub fn connect(&mut self, a: PersonId, b: PersonId) {
        if a != b {
            self.lists[a.index()].network.insert(b);
            self.lists[b.index()].network.insert(a);
        }
    }

    /// Sends an invitation now, judging only what a `Send` judges about the pair and
    /// the note; the weekly limit and the sender's standing are the past's business
    /// (a scenario's history) and are not judged.
    pub fn add_invitation(
        &mut self,
        from: PersonId,
        to: PersonId,
        note: Option<String>,
    ) -> Result<InvitationId, Refusal> {
        self.check_pair(from, to)?;
        self.check_note(note.as_deref())?;
        let now = self.now;
        Ok(self.create_invitation(from, to, note, now))
    }

    /// Moves the clock to `t` (never back), firing every timer due on the way, without
    /// logging a clock event: how a scenario's history is played up to its start.
    pub fn advance_to(&mut self, t: DateTime<Utc>) {
        let target = self.now.max(t);
        self.run_timers_until(target);
        self.now = target;
    }

    /// Sets the clock back to where a scenario's history begins. Only before anything
    /// has happened: the world must hold no invitation yet.
    pub fn begin_history_at(&mut self, t: DateTime<Utc>) {
        if self.invitations.is_empty() {
            self.now = t;
        }
    }

    /// Makes room for `n` more invitations, before a large history is replayed.
    pub fn reserve(&mut self, n: usize) {
        self.invitations.reserve(n);
        self.latest.reserve(n);
    }

    /// Turns the event log on or off (off while a scenario's past is replayed).
    pub fn set_logging(&mut self, on: bool) {
        self.logging = on;
    }

    // ----- reading ---------------------------------------------------------------

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
        self.lists[a.index()].network.contains(&b)
    }
    /// The latest invitation `from` sent `to`, in any state.
    pub fn latest(&self, from: PersonId, to: PersonId) -> Option<&Invitation> {
        self.latest.get(&(from, to)).map(|&i| self.invitation(i))
    }
    /// True once `to` said "I don't know" to an invitation from `from`.
    pub fn is_blocked(&self, from: PersonId, to: PersonId) -> bool {
        self.blocked.contains(&(from, to))
    }

    // ----- changing --------------------------------------------------------------

    /// Applies one action. On success the new events are `self.log()[range]`; on
    /// refusal the world is unchanged.
    pub fn apply(&mut self, action: &Action) -> Result<Range<usize>, Refusal> {
        let first = self.log.len();
        match action {
            Action::Send {
                from,
                to,
                note,
                email,
            } => {
                let (from, to) = (self.resolve(from)?, self.resolve(to)?);
                self.send(from, to, note.clone(), email.as_deref())?;
            }
            Action::Wait { .. } => self.wait(action.wait_duration())?,
            Action::Open { by, from } => self.answer(by, from, Answer::Open)?,
            Action::Ignore { by, from } => self.answer(by, from, Answer::Ignore)?,
            Action::Accept { by, from } => self.answer(by, from, Answer::Accept)?,
            Action::DontKnow { by, from } => self.answer(by, from, Answer::DontKnow)?,
            Action::ReportSpam { by, from } => self.answer(by, from, Answer::ReportSpam)?,
            Action::Withdraw { by, to } => {
                let (by, to) = (self.resolve(by)?, self.resolve(to)?);
                self.withdraw(by, to)?;
            }
        }
        Ok(first..self.log.len())
    }

    fn resolve(&self, handle: &str) -> Result<PersonId, Refusal> {
        self.person_id(handle)
            .ok_or_else(|| Refusal(format!("there is no one called \"{handle}\" in this world")))
    }

    fn name(&self, p: PersonId) -> &str {
        &self.people[p.index()].name
    }

    fn check_pair(&self, from: PersonId, to: PersonId) -> Result<(), Refusal> {
        let (a, b) = (self.name(from), self.name(to));
        if from == to {
            return Err(Refusal(format!("{a} cannot invite themselves")));
        }
        if self.are_connected(from, to) {
            return Err(Refusal(format!("{a} and {b} are already connected")));
        }
        if let Some(inv) = self.latest(from, to).filter(|i| i.state.looks_pending()) {
            return Err(Refusal(format!(
                "{a} already has a pending invitation to {b} (sent {})",
                format_time(inv.sent)
            )));
        }
        if self
            .latest(to, from)
            .is_some_and(|i| i.state.held_by_recipient(self.rules.ignore_archives))
        {
            return Err(Refusal(format!(
                "{b} has already invited {a}: {a} can accept that invitation instead"
            )));
        }
        Ok(())
    }

    fn check_note(&self, note: Option<&str>) -> Result<(), Refusal> {
        let len = note.map_or(0, |n| n.chars().count());
        let max = self.rules.note_max_chars as usize;
        if len > max {
            return Err(Refusal(format!(
                "the note has {len} characters; the limit is {max}"
            )));
        }
        Ok(())
    }

    fn send(
        &mut self,
        from: PersonId,
        to: PersonId,
        note: Option<String>,
        email: Option<&str>,
    ) -> Result<(), Refusal> {
        self.check_pair(from, to)?;
        let (a, b) = (self.name(from).to_owned(), self.name(to).to_owned());
        if self.is_blocked(from, to) {
            return Err(Refusal(format!(
                "{a} can no longer invite {b}, and the platform does not say why \
                 (the truth: {b} said \"I don't know this person\")"
            )));
        }
        if let Some(inv) = self
            .latest(from, to)
            .filter(|i| i.state == InvitationState::Withdrawn)
        {
            let again = inv.changed + days(self.rules.withdraw_wait_days);
            if self.now < again {
                return Err(Refusal(format!(
                    "{a} withdrew an invitation to {b} on {}; {a} can invite {b} again on {}",
                    format_time(inv.changed),
                    format_time(again)
                )));
            }
        }
        let account = &self.lists[from.index()].account;
        if account.standing == Standing::Restricted {
            if let Some(until) = account.restricted_until {
                return Err(Refusal(format!(
                    "{a}'s account is restricted until {}: no invitations can be sent",
                    format_time(until)
                )));
            }
            let expected = self.people[to.index()].email.as_deref();
            match email {
                None => {
                    return Err(Refusal(format!(
                        "{a}'s account is restricted: to invite {b}, {a} must give {b}'s email address"
                    )));
                }
                Some(given) if Some(given) != expected => {
                    return Err(Refusal(format!(
                        "{a}'s account is restricted and \"{given}\" is not {b}'s email address"
                    )));
                }
                Some(_) => {}
            }
        }
        if let Some(limit) = self.rules.weekly_limit {
            let window_start = self.now - Duration::days(7);
            let recent = &mut self.lists[from.index()].recent_sends;
            while recent.front().is_some_and(|&t| t <= window_start) {
                recent.pop_front();
            }
            if recent.len() >= limit as usize {
                let next = recent.front().map_or(self.now, |&t| t + Duration::days(7));
                return Err(Refusal(format!(
                    "{a} has sent {} invitations in the last 7 days, the weekly limit; \
                     the next can go on {}",
                    recent.len(),
                    format_time(next)
                )));
            }
        }
        self.check_note(note.as_deref())?;
        let now = self.now;
        self.create_invitation(from, to, note, now);
        Ok(())
    }

    fn create_invitation(
        &mut self,
        from: PersonId,
        to: PersonId,
        note: Option<String>,
        sent: DateTime<Utc>,
    ) -> InvitationId {
        let id = InvitationId(self.invitations.len() as u32);
        self.invitations.push(Invitation {
            id,
            from,
            to,
            note,
            sent,
            state: InvitationState::Pending { seen: false },
            changed: sent,
            opened: None,
        });
        self.place(id, true);
        self.latest.insert((from, to), id);
        if self.rules.weekly_limit.is_some() {
            self.lists[from.index()].recent_sends.push_back(sent);
        }
        self.push_event(sent, EventKind::Sent(id), &[from, to]);
        self.mail(to, sent, MailKind::Invited(id));
        self.push_event(sent, EventKind::InvitationEmailed(id), &[to]);
        if let Some(&first) = self.rules.reminder_days.first() {
            self.schedule(
                sent,
                first,
                TimerKind::Reminder {
                    invitation: id,
                    nth: 1,
                },
            );
        }
        if let Some(expiry) = self.rules.expiry_days {
            self.schedule(sent, expiry, TimerKind::Expire(id));
        }
        id
    }

    fn answer(&mut self, by: &str, from: &str, answer: Answer) -> Result<(), Refusal> {
        let (by, from) = (self.resolve(by)?, self.resolve(from)?);
        self.answer_as(by, from, answer)
    }

    /// `by` answers the latest invitation `from` sent them.
    pub fn answer_as(
        &mut self,
        by: PersonId,
        from: PersonId,
        answer: Answer,
    ) -> Result<(), Refusal> {
        let verb = match answer {
            Answer::Open => "open",
            Answer::Ignore => "ignore",
            Answer::DontKnow => "say \"I don't know\" to",
            Answer::ReportSpam => "report",
            Answer::Accept => "accept",
        };
        let held = self
            .latest(from, by)
            .filter(|i| i.state.held_by_recipient(self.rules.ignore_archives));
        let Some(inv) = held else {
            return Err(Refusal(format!(
                "{} has no invitation from {} to {verb}{}",
                self.name(by),
                self.name(from),
                self.why_not_held(from, by)
            )));
        };
        let after = inv.answered(answer).map_err(|why| {
            Refusal(format!(
                "{} cannot {verb} {}'s invitation: {why}",
                self.name(by),
                self.name(from)
            ))
        })?;
        let id = inv.id;
        let before = inv.state;
        let now = self.now;
        if answer == Answer::Open && inv.opened.is_none() {
            self.invitations[id.index()].opened = Some(now);
        }
        self.set_state(id, after);
        let only_recipient: &[PersonId] = if before == after { &[] } else { &[by] };
        match answer {
            Answer::Open => self.push_event(now, EventKind::Opened(id), only_recipient),
            Answer::Ignore => self.push_event(now, EventKind::Ignored(id), only_recipient),
            Answer::DontKnow => {
                self.blocked.insert((from, by));
                self.push_event(now, EventKind::MarkedDontKnow(id), only_recipient);
                self.flag(from);
            }
            Answer::ReportSpam => {
                self.push_event(now, EventKind::ReportedSpam(id), only_recipient);
                self.flag(from);
            }
            Answer::Accept => self.accept(id),
        }
        Ok(())
    }

    /// A hint for a refused answer: what became of the latest invitation, if any.
    fn why_not_held(&self, from: PersonId, to: PersonId) -> String {
        match self.latest(from, to).map(|i| i.state) {
            None => String::new(),
            Some(InvitationState::Ignored) => {
                " (ignored, and ignoring removes it under these rules)".into()
            }
            Some(state) => format!(" (the latest was {})", state.label()),
        }
    }

    fn accept(&mut self, id: InvitationId) {
        let now = self.now;
        let (from, to) = (self.invitation(id).from, self.invitation(id).to);
        self.push_event(now, EventKind::Accepted(id), &[from, to]);
        self.connect(from, to);
        // Connecting settles any crossing invitation the other way too.
        if let Some(other) = self.latest(to, from).filter(|i| i.state.looks_pending()) {
            let other = other.id;
            self.set_state(other, InvitationState::Accepted);
        }
        self.lists[from.index()].notifications.push(Mail {
            at: now,
            kind: MailKind::Accepted(id),
        });
        self.mail(from, now, MailKind::Accepted(id));
        self.push_event(now, EventKind::AcceptanceNotified(id), &[from]);
    }

    fn flag(&mut self, sender: PersonId) {
        let rules = &self.rules;
        let account = &mut self.lists[sender.index()].account;
        account.flags += 1;
        let standing = if account.flags >= rules.flags_to_restrict
            && account.standing != Standing::Restricted
        {
            Standing::Restricted
        } else if account.flags >= rules.flags_to_warn && account.standing == Standing::Good {
            Standing::Warned
        } else {
            return;
        };
        account.standing = standing;
        let restriction = rules
            .restriction_days
            .filter(|_| standing == Standing::Restricted);
        let now = self.now;
        if let Some(d) = restriction {
            let until = now.checked_add_signed(days(d));
            self.lists[sender.index()].account.restricted_until = until;
            if until.is_some() {
                self.schedule(now, d, TimerKind::RestrictionEnd(sender));
            }
        }
        self.push_event(
            now,
            EventKind::StandingChanged {
                person: sender,
                standing,
            },
            &[sender],
        );
    }

    /// `by` withdraws their latest invitation to `to`, if it still looks pending to them.
    pub fn withdraw(&mut self, by: PersonId, to: PersonId) -> Result<(), Refusal> {
        let Some(inv) = self.latest(by, to).filter(|i| i.state.looks_pending()) else {
            return Err(Refusal(format!(
                "{} has no pending invitation to {} to withdraw",
                self.name(by),
                self.name(to)
            )));
        };
        let id = inv.id;
        let visible = self.visible_on_close(inv);
        self.set_state(id, InvitationState::Withdrawn);
        self.push_event(self.now, EventKind::Withdrawn(id), visible.as_slice());
        Ok(())
    }

    /// Who sees an invitation close: the sender's row goes; the recipient's only if
    /// they still held it.
    fn visible_on_close(&self, inv: &Invitation) -> Audience {
        if inv.state.held_by_recipient(self.rules.ignore_archives) {
            Audience::of(&[inv.from, inv.to])
        } else {
            Audience::of(&[inv.from])
        }
    }

    fn wait(&mut self, by: Duration) -> Result<(), Refusal> {
        let target = self
            .now
            .checked_add_signed(by)
            .ok_or_else(|| Refusal("the clock cannot go that far".into()))?;
        self.run_timers_until(target);
        self.now = target;
        self.push_event(target, EventKind::ClockAdvanced, &[]);
        Ok(())
    }

    fn run_timers_until(&mut self, until: DateTime<Utc>) {
        while let Some(timer) = self.timers.pop_due(until) {
            self.now = timer.due;
            self.fire(timer);
        }
    }

    fn fire(&mut self, timer: Timer) {
        let at = timer.due;
        match timer.kind {
            TimerKind::Reminder { invitation, nth } => {
                let inv = self.invitation(invitation);
                if !matches!(inv.state, InvitationState::Pending { .. }) {
                    return;
                }
                let (to, sent) = (inv.to, inv.sent);
                self.mail(to, at, MailKind::Reminder(invitation, nth));
                let kind = EventKind::ReminderEmailed { invitation, nth };
                self.push_event(at, kind, &[to]);
                if let Some(&next) = self.rules.reminder_days.get(usize::from(nth)) {
                    let next_nth = nth.saturating_add(1);
                    self.schedule(
                        sent,
                        next,
                        TimerKind::Reminder {
                            invitation,
                            nth: next_nth,
                        },
                    );
                }
            }
            TimerKind::Expire(id) => {
                let inv = self.invitation(id);
                if inv.state.looks_pending() {
                    let visible = self.visible_on_close(inv);
                    self.set_state(id, InvitationState::Expired);
                    self.push_event(at, EventKind::Expired(id), visible.as_slice());
                }
            }
            TimerKind::RestrictionEnd(p) => {
                let account = &mut self.lists[p.index()].account;
                if account.standing == Standing::Restricted && account.restricted_until == Some(at)
                {
                    account.standing = Standing::Warned;
                    account.restricted_until = None;
                    let kind = EventKind::StandingChanged {
                        person: p,
                        standing: Standing::Warned,
                    };
                    self.push_event(at, kind, &[p]);
                }
            }
        }
    }

    /// Queues a timer `after_days` after `from`; one that would overflow the calendar
    /// never fires.
    fn schedule(&mut self, from: DateTime<Utc>, after_days: u32, kind: TimerKind) {
        let queue = match kind {
            TimerKind::Reminder { nth, .. } => usize::from(nth.saturating_sub(1)),
            TimerKind::Expire(_) => self.rules.reminder_days.len(),
            TimerKind::RestrictionEnd(_) => self.rules.reminder_days.len() + 1,
        };
        if let Some(due) = from.checked_add_signed(days(after_days)) {
            self.timers.push(queue, due, kind);
        }
    }

    fn mail(&mut self, to: PersonId, at: DateTime<Utc>, kind: MailKind) {
        self.lists[to.index()].mail.push(Mail { at, kind });
    }

    fn push_event(&mut self, at: DateTime<Utc>, kind: EventKind, visible_to: &[PersonId]) {
        if self.logging {
            self.log.push(Event {
                at,
                kind,
                visible_to: Audience::of(visible_to),
            });
        }
    }

    /// Moves an invitation to `state`, keeping every per-person list in step with it.
    fn set_state(&mut self, id: InvitationId, state: InvitationState) {
        self.place(id, false);
        let inv = &mut self.invitations[id.index()];
        inv.state = state;
        inv.changed = self.now;
        self.place(id, true);
    }

    /// Inserts (`true`) or removes the invitation in the lists its state implies.
    fn place(&mut self, id: InvitationId, insert: bool) {
        let inv = &self.invitations[id.index()];
        let p = Placement::of(inv.state, self.rules.ignore_archives);
        let (from, to) = (inv.from.index(), inv.to.index());
        // New invitations land at the end; a binary search finds any other place.
        let edit = |list: &mut Vec<InvitationId>| match (list.last(), insert) {
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
        if p.inbox {
            edit(&mut self.lists[to].inbox);
        }
        if p.archive {
            edit(&mut self.lists[to].archive);
        }
        if p.sent {
            edit(&mut self.lists[from].sent);
        }
    }
}

fn days(n: u32) -> Duration {
    Duration::days(i64::from(n))
}
