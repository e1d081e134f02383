//! Emails and notifications. Stored as compact kinds; their text is derived when shown.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{InvitationId, World};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum MailKind {
    /// To the recipient, when the invitation is sent.
    Invited(InvitationId),
    /// To the recipient, the nth reminder of an unanswered invitation.
    Reminder(InvitationId, u8),
    /// To the sender (email and notification): the only message a sender ever gets.
    Accepted(InvitationId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Mail {
    pub at: DateTime<Utc>,
    pub kind: MailKind,
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
        }
    }
}
