//! Emails and notifications. Stored as compact kinds; their text is derived when shown.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::InvitationId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum MailKind {
    /// To the recipient, when the invitation is sent.
    Invited(InvitationId),
    /// To the recipient, the nth reminder of an unanswered invitation.
    Reminder(InvitationId, u8),
    /// To the sender (email and notification): the only message a sender ever gets.
    Accepted(InvitationId),
    /// To the sender (email and notification): the recipient's reply, not an acceptance.
    Replied(InvitationId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Mail {
    pub at: DateTime<Utc>,
    pub kind: MailKind,
}
