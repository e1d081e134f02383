//! Every English sentence about the simulated world, in one place: what an action did
//! or tried to do, events and who saw them, mail subjects, refusals, screen changes and
//! tells. Everything else in `model` is data.

use std::fmt;

use super::{
    Action, Answer, Event, EventKind, InvitationId, Mail, MailKind, PersonId, Refusal, Row,
    RowChange, SentStatus, Tab, Tell, TellKind, TextKind, Verb, World, format_duration,
    format_time,
};

fn name_of(world: &World, handle: &str) -> String {
    world
        .person_id(handle)
        .map_or_else(|| handle.to_owned(), |p| world.person(p).name.clone())
}

impl Action {
    /// A sentence naming who did what, with full names: "Sam Ortiz pressed Ignore on
    /// Maya Chen's invitation". Unknown handles are shown as written. Only for an action
    /// that happened: a refused one is told by `attempt`.
    pub fn describe(&self, world: &World) -> String {
        let name = |h: &str| name_of(world, h);
        match self {
            Action::Send { from, to, note, .. } => {
                let with = if note.is_some() { " with a note" } else { "" };
                format!("{} invited {}{with}", name(from), name(to))
            }
            Action::Wait { .. } => {
                format!(
                    "The clock moved on {}",
                    format_duration(self.wait_duration())
                )
            }
            Action::Open { by, from } => format!("{} opened {}'s invitation", name(by), name(from)),
            Action::Ignore { by, from } => {
                format!("{} pressed Ignore on {}'s invitation", name(by), name(from))
            }
            Action::Accept { by, from } => {
                format!("{} accepted {}'s invitation", name(by), name(from))
            }
            Action::DontKnow { by, from } => {
                format!("{} said \"I don't know {}\"", name(by), name(from))
            }
            Action::ReportSpam { by, from } => {
                format!("{} reported {}'s invitation as spam", name(by), name(from))
            }
            Action::Reply { by, from, .. } => {
                format!(
                    "{} replied to {}'s invitation without accepting",
                    name(by),
                    name(from)
                )
            }
            Action::Withdraw { by, to } => {
                format!("{} withdrew the invitation to {}", name(by), name(to))
            }
        }
    }
}

/// A refused action told as an attempt: "Maya Chen tried to invite Lee Park — refused:
/// Maya Chen and Lee Park are already connected. Nothing changed."
pub fn attempt(action: &Action, refusal: &Refusal, world: &World) -> String {
    let name = |h: &str| name_of(world, h);
    let tried = match action {
        Action::Send { from, to, .. } => format!("{} tried to invite {}", name(from), name(to)),
        Action::Wait { .. } => format!(
            "The clock could not move on {}",
            format_duration(action.wait_duration())
        ),
        Action::Open { by, from } => {
            format!("{} tried to open {}'s invitation", name(by), name(from))
        }
        Action::Ignore { by, from } => {
            format!("{} tried to ignore {}'s invitation", name(by), name(from))
        }
        Action::Accept { by, from } => {
            format!("{} tried to accept {}'s invitation", name(by), name(from))
        }
        Action::DontKnow { by, from } => {
            format!("{} tried to say \"I don't know {}\"", name(by), name(from))
        }
        Action::ReportSpam { by, from } => {
            format!(
                "{} tried to report {}'s invitation as spam",
                name(by),
                name(from)
            )
        }
        Action::Reply { by, from, .. } => {
            format!("{} tried to reply to {}'s invitation", name(by), name(from))
        }
        Action::Withdraw { by, to } => {
            format!(
                "{} tried to withdraw the invitation to {}",
                name(by),
                name(to)
            )
        }
    };
    format!("{tried} — refused: {refusal}. Nothing changed.")
}

fn verb(v: Verb) -> &'static str {
    match v {
        Verb::Answer(Answer::Open) => "open",
        Verb::Answer(Answer::Ignore) => "ignore",
        Verb::Answer(Answer::DontKnow) => "say \"I don't know\" to",
        Verb::Answer(Answer::ReportSpam) => "report",
        Verb::Answer(Answer::Accept) => "accept",
        Verb::Reply => "reply to",
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::NoSuchPerson { handle } => {
                write!(f, "there is no one called \"{handle}\" in this world")
            }
            Refusal::SelfInvite { who } => write!(f, "{who} cannot invite themselves"),
            Refusal::AlreadyConnected { a, b } => write!(f, "{a} and {b} are already connected"),
            Refusal::AlreadyPending { from, to, sent } => write!(
                f,
                "{from} already has a pending invitation to {to} (sent {})",
                format_time(*sent)
            ),
            Refusal::InvitedYouFirst { from, to } => write!(
                f,
                "{to} has already invited {from}: {from} can accept that invitation instead"
            ),
            Refusal::WithdrawWait {
                from,
                to,
                withdrawn,
                again,
            } => write!(
                f,
                "{from} withdrew an invitation to {to} on {}; {from} can invite {to} again on {}",
                format_time(*withdrawn),
                format_time(*again)
            ),
            Refusal::RestrictedUntil { who, until } => write!(
                f,
                "{who}'s account is restricted until {}: no invitations can be sent",
                format_time(*until)
            ),
            Refusal::EmailNeeded { from, to } => write!(
                f,
                "{from}'s account is restricted: to invite {to}, {from} must give {to}'s email address"
            ),
            Refusal::WrongEmail { from, to, given } => write!(
                f,
                "{from}'s account is restricted and \"{given}\" is not {to}'s email address"
            ),
            Refusal::WeeklyLimit { who, sent, next } => write!(
                f,
                "{who} has sent {sent} invitation{} in the last 7 days, the weekly limit; \
                 the next can go on {}",
                if *sent == 1 { "" } else { "s" },
                format_time(*next)
            ),
            Refusal::TextLength { what, len, max } => match (what, len) {
                (TextKind::Reply, 0..) if *len <= *max => f.write_str("a reply needs some text"),
                (TextKind::Note, _) => {
                    write!(f, "the note has {len} characters; the limit is {max}")
                }
                (TextKind::Reply, _) => {
                    write!(f, "the reply has {len} characters; the limit is {max}")
                }
            },
            Refusal::NothingToAnswer {
                by,
                from,
                answer,
                hint,
            } => {
                write!(f, "{by} has no invitation from {from} to {}", verb(*answer))?;
                match hint {
                    Some(Answer::Ignore) => {
                        f.write_str(" (they ignored it, and ignoring removes it under these rules)")
                    }
                    Some(Answer::DontKnow) => f.write_str(" (they said \"I don't know\" to it)"),
                    Some(Answer::ReportSpam) => f.write_str(" (they reported it as spam)"),
                    Some(Answer::Accept) => f.write_str(" (they accepted it)"),
                    Some(Answer::Open) | None => Ok(()),
                }
            }
            Refusal::CannotAnswer {
                by,
                from,
                answer,
                why,
            } => write!(
                f,
                "{by} cannot {} {from}'s invitation: {why}",
                verb(*answer)
            ),
            Refusal::NothingToWithdraw { by, to } => {
                write!(f, "{by} has no pending invitation to {to} to withdraw")
            }
            Refusal::CannotWithdraw { by, to } => {
                write!(f, "{by}'s invitation to {to} can no longer be withdrawn")
            }
            Refusal::ClockOverflow => f.write_str("the clock cannot go that far"),
        }
    }
}

impl Event {
    /// One sentence saying what happened, in the simulated world's own words.
    pub fn describe(&self, world: &World) -> String {
        let name = |p: PersonId| world.person(p).name.clone();
        let pair = |inv: InvitationId| {
            let inv = world.invitation(inv);
            (name(inv.from), name(inv.to))
        };
        match self.kind {
            EventKind::Sent(i) => {
                let (from, to) = pair(i);
                format!("{from} sent an invitation to {to}")
            }
            EventKind::SentUndelivered(i) => {
                let (from, to) = pair(i);
                format!(
                    "{from} sent an invitation to {to}; it is never delivered ({to} had said \"I don't know\" to {from}) — to {from} it looks like any other"
                )
            }
            EventKind::InvitationEmailed(i) => {
                let (from, to) = pair(i);
                format!("{to} got an email: \"{from} wants to connect\"")
            }
            EventKind::Opened(i) => {
                let (from, to) = pair(i);
                format!("{to} opened {from}'s invitation (no answer given)")
            }
            EventKind::Ignored(i) => {
                let (from, to) = pair(i);
                if world.rules().ignore_archives {
                    format!("{to} ignored {from}'s invitation: it moved to their Archive")
                } else {
                    format!("{to} ignored {from}'s invitation: it left their lists")
                }
            }
            EventKind::MarkedDontKnow(i) => {
                let (from, to) = pair(i);
                format!("{to} said \"I don't know {from}\": the invitation left their lists")
            }
            EventKind::ReportedSpam(i) => {
                let (from, to) = pair(i);
                format!("{to} reported {from}'s invitation as spam: it was removed")
            }
            EventKind::Accepted(i) => {
                let (from, to) = pair(i);
                format!("{to} accepted {from}'s invitation: they are connected")
            }
            EventKind::AcceptanceNotified(i) => {
                let (from, to) = pair(i);
                format!("{from} got a notification and an email: \"{to} accepted your invitation\"")
            }
            EventKind::Replied(i) => {
                let (from, to) = pair(i);
                format!(
                    "{to} replied to {from}'s invitation; {from} got the message as a notification and an email, and the invitation is still pending"
                )
            }
            EventKind::Withdrawn(i) => {
                let (from, to) = pair(i);
                format!("{from} withdrew the invitation to {to}")
            }
            EventKind::Expired(i) => {
                let (from, to) = pair(i);
                format!("{from}'s invitation to {to} expired, silently on both sides")
            }
            EventKind::ReminderEmailed { invitation, nth } => {
                let (from, to) = pair(invitation);
                format!("{to} got reminder email #{nth} about {from}'s invitation")
            }
            EventKind::StandingChanged { person, standing } => {
                format!("{}'s account is now {}", name(person), standing.label())
            }
            EventKind::ClockAdvanced => "The clock moved on".to_owned(),
        }
    }

    /// "Sam Ortiz only", "Maya Chen and Sam Ortiz", "no one".
    pub fn seen_by(&self, world: &World) -> String {
        super::seen_by(world, self.visible_to.as_slice())
    }
}

/// Names a set of people in plain English, by full name: a world may hold two Mayas.
pub fn seen_by(world: &World, people: &[PersonId]) -> String {
    let names: Vec<&str> = people
        .iter()
        .map(|&p| world.person(p).name.as_str())
        .collect();
    match names.as_slice() {
        [] => "no one".to_owned(),
        [one] => format!("{one} only"),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

impl Mail {
    /// The subject line as the mailbox shows it.
    pub fn subject(&self, world: &World) -> String {
        let name = |i: InvitationId, sender: bool| {
            let inv = world.invitation(i);
            world
                .person(if sender { inv.from } else { inv.to })
                .name
                .clone()
        };
        match self.kind {
            MailKind::Invited(i) => format!("{} wants to connect", name(i, true)),
            MailKind::Reminder(i, nth) => {
                format!(
                    "Reminder #{nth}: {} is waiting for your answer",
                    name(i, true)
                )
            }
            MailKind::Accepted(i) => format!("{} accepted your invitation", name(i, false)),
            MailKind::Replied(i) => {
                let text = world
                    .invitation(i)
                    .reply
                    .as_ref()
                    .map_or("", |r| r.text.as_str());
                format!("{} replied: “{text}”", name(i, false))
            }
        }
    }
}

impl Mail {
    /// The message in full, as its reader sees it (the Enter key's reader).
    pub fn body(&self, world: &World) -> String {
        let inv = |i: InvitationId| world.invitation(i);
        let person = |p: super::PersonId| {
            let p = world.person(p);
            if p.headline.is_empty() {
                p.name.clone()
            } else {
                format!("{} · {}", p.name, p.headline)
            }
        };
        let note = |i: InvitationId| match inv(i).note.as_deref() {
            Some(n) => format!("“{n}”"),
            None => "(no note)".to_owned(),
        };
        match self.kind {
            MailKind::Invited(i) => format!(
                "{} wants to connect with you.\n\n{}\n\nOpen your invitations to accept, ignore or reply.",
                person(inv(i).from),
                note(i)
            ),
            MailKind::Reminder(i, nth) => format!(
                "Reminder #{nth}: {} is still waiting for your answer to their invitation.\n\n{}",
                person(inv(i).from),
                note(i)
            ),
            MailKind::Accepted(i) => format!(
                "{} accepted your invitation. You are now connected.",
                person(inv(i).to)
            ),
            MailKind::Replied(i) => format!(
                "{} replied to your invitation:\n\n“{}”\n\nA reply is not an acceptance: your invitation still says Pending.",
                person(inv(i).to),
                inv(i).reply.as_ref().map_or("", |r| r.text.as_str())
            ),
        }
    }
}

/// One changed row in words: "+ Sam Ortiz (new)", "Sam Ortiz (Pending) → Sam Ortiz
/// (Connected)". `old` is the world the row came from (undo compares two worlds).
pub fn change_line(tab: Tab, change: &RowChange, old: &World, new: &World) -> String {
    let row = |w: &World, r: &Row| match r {
        Row::Inbox(r) if tab == Tab::Invitations => {
            let state = if r.seen { "seen" } else { "new" };
            format!("{} ({state})", w.person(r.from).name)
        }
        Row::Inbox(r) => w.person(r.from).name.clone(),
        Row::Sent(r) => {
            let status = match r.status {
                SentStatus::Pending => "Pending",
                SentStatus::Connected => "Connected",
            };
            format!("{} ({status})", w.person(r.to).name)
        }
        Row::Mail(m) => format!("\"{}\"", m.subject(w)),
        Row::Person(p) => w.person(*p).name.clone(),
        Row::Account(a) => a.standing.label().to_owned(),
    };
    match change {
        RowChange::Added(r) => format!("+ {}", row(new, r)),
        RowChange::Removed(r) => format!("− {}", row(old, r)),
        RowChange::Changed(a, b) => format!("{} → {}", row(old, a), row(new, b)),
    }
}

/// "Sent: Sam Ortiz (Pending) → Sam Ortiz (Connected); Notifications: + …"
pub fn diff_summary(diff: &super::ViewDiff, old: &World, new: &World) -> String {
    diff.tabs
        .iter()
        .map(|t| {
            let lines: Vec<String> = t
                .changes
                .iter()
                .map(|c| change_line(t.tab, c, old, new))
                .collect();
            format!("{}: {}", t.tab.label(), lines.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}

impl Tell {
    /// What the person can infer, in one sentence, with its source key.
    pub fn describe(&self, world: &World) -> String {
        let who = self
            .about
            .map_or_else(|| "someone".to_owned(), |p| world.person(p).name.clone());
        let text = match self.kind {
            TellKind::Accepted => format!("{who} accepted: the row says Connected"),
            TellKind::Replied => format!(
                "{who} replied without accepting: they saw the invitation and answered it, and it still says Pending"
            ),
            TellKind::Standing => match self.standing {
                Some(s @ (super::Standing::Warned | super::Standing::Restricted)) => format!(
                    "the account is now {} at {}: enough recipients flagged invitations — never who (with few pending invitations, the timing may point at someone)",
                    s.label(),
                    format_time(world.local(self.at))
                ),
                _ => format!(
                    "the account is {} again: a restriction ended; this says nothing about anyone",
                    self.standing.map_or("in good standing", |s| s.label())
                ),
            },
            TellKind::WithdrawRefused => format!(
                "the invitation to {who} can no longer be withdrawn: {who} has already answered it (ignored, flagged or replied) — not which"
            ),
            TellKind::Crossing => format!(
                "{who} sent an invitation back while the one to {who} still says Pending: {who} most likely removed it (\"I don't know\", spam, or an ignore under modern rules) — the rules allow no crossing otherwise"
            ),
            TellKind::Expired => format!(
                "the invitation to {who} vanished at the expiry age: it expired — that is not a decline"
            ),
        };
        format!("{text} ({})", self.kind.source())
    }
}
