//! The event log: everything that happened, each with the set of people whose screen
//! it reached, so any front end can say "seen by: Sam Ortiz only".

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{InvitationId, PersonId, Standing};

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
    /// Sent to someone who had said "I don't know" to this sender: never delivered.
    SentUndelivered(InvitationId),
    InvitationEmailed(InvitationId),
    Opened(InvitationId),
    Ignored(InvitationId),
    MarkedDontKnow(InvitationId),
    ReportedSpam(InvitationId),
    Accepted(InvitationId),
    AcceptanceNotified(InvitationId),
    /// "Reply (don't accept yet)": the sender gets the message.
    Replied(InvitationId),
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
