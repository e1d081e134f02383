//! The event log: everything that happened, each with the set of people whose screen
//! it reached, so any front end can say "seen by: Sam only".

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{InvitationId, PersonId, Standing, World};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Event {
    pub at: DateTime<Utc>,
    pub kind: EventKind,
    /// The people whose view this event changed. Empty means nobody can see it.
    pub visible_to: Audience,
}

/// Who can see an event: no one, one person, or both people of an invitation. Kept
/// inline (no allocation) because a long wait can log millions of events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Audience {
    people: [PersonId; 2],
    len: u8,
}

impl Audience {
    /// The audience made of `people` (at most two; any more are a bug and dropped).
    pub fn of(people: &[PersonId]) -> Audience {
        debug_assert!(people.len() <= 2, "an event is seen by at most two people");
        let mut a = Audience::default();
        for &p in people.iter().take(2) {
            a.people[a.len as usize] = p;
            a.len += 1;
        }
        a
    }

    pub fn as_slice(&self) -> &[PersonId] {
        &self.people[..self.len as usize]
    }

    pub fn iter(&self) -> impl Iterator<Item = &PersonId> {
        self.as_slice().iter()
    }
}

impl Serialize for Audience {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.as_slice())
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum EventKind {
    Sent(InvitationId),
    InvitationEmailed(InvitationId),
    Opened(InvitationId),
    Ignored(InvitationId),
    MarkedDontKnow(InvitationId),
    ReportedSpam(InvitationId),
    Accepted(InvitationId),
    AcceptanceNotified(InvitationId),
    Withdrawn(InvitationId),
    Expired(InvitationId),
    ReminderEmailed {
        invitation: InvitationId,
        nth: u8,
    },
    StandingChanged {
        person: PersonId,
        standing: Standing,
    },
    ClockAdvanced,
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

    /// "Sam only", "Maya and Sam", "no one".
    pub fn seen_by(&self, world: &World) -> String {
        seen_by(world, self.visible_to.as_slice())
    }
}

/// Names a set of people in plain English.
pub fn seen_by(world: &World, people: &[PersonId]) -> String {
    let names: Vec<&str> = people
        .iter()
        .map(|&p| world.person(p).first_name())
        .collect();
    match names.as_slice() {
        [] => "no one".to_owned(),
        [one] => format!("{one} only"),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
