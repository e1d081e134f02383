//! One invitation and its lifecycle: the state machine every action moves through.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::PersonId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct InvitationId(pub u32);

impl InvitationId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The hidden truth of an invitation. Only `World::view` decides what each side sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InvitationState {
    /// Waiting in the recipient's Invitations; `seen` once they opened it.
    Pending {
        seen: bool,
    },
    /// The recipient pressed Ignore (archived under classic rules, removed under modern).
    Ignored,
    /// The recipient said "I don't know this person": removed, one flag on the sender.
    DontKnow,
    /// The recipient reported it as spam: removed, one flag on the sender.
    Spam,
    Accepted,
    Withdrawn,
    Expired,
    /// Sent to someone who had said "I don't know" to this sender: to the sender it is
    /// like any other (Pending, withdrawable, it expires); the recipient never gets it.
    /// The choice that reveals nothing (H1303 for the block; the rest L).
    Undelivered,
}

impl InvitationState {
    /// Still unanswered as far as the sender can tell: every state but the three
    /// the sender's own screen reflects (accepted, withdrawn, expired).
    pub fn looks_pending(self) -> bool {
        matches!(
            self,
            InvitationState::Pending { .. }
                | InvitationState::Ignored
                | InvitationState::DontKnow
                | InvitationState::Spam
                | InvitationState::Undelivered
        )
    }

    /// The recipient still has it on a list (Invitations, or the Archive when ignoring archives).
    pub fn held_by_recipient(self, ignore_archives: bool) -> bool {
        match self {
            InvitationState::Pending { .. } => true,
            InvitationState::Ignored => ignore_archives,
            _ => false,
        }
    }

    /// A short lower-case name of the truth, for x-ray and transcripts.
    pub fn label(self) -> &'static str {
        match self {
            InvitationState::Pending { seen: false } => "pending, not opened",
            InvitationState::Pending { seen: true } => "opened, no answer",
            InvitationState::Ignored => "ignored",
            InvitationState::DontKnow => "\"I don't know\"",
            InvitationState::Spam => "reported as spam",
            InvitationState::Accepted => "accepted",
            InvitationState::Withdrawn => "withdrawn",
            InvitationState::Expired => "expired",
            InvitationState::Undelivered => "never delivered",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub id: InvitationId,
    pub from: PersonId,
    pub to: PersonId,
    // The two texts are boxed (a boxed `str`, a boxed reply): a loaded world holds a
    // million of these, most without a reply, and 40 bytes less each is both memory
    // and fewer cache lines for the replay to touch (issue 14).
    pub note: Option<Box<str>>,
    pub sent: DateTime<Utc>,
    pub state: InvitationState,
    /// When `state` last changed (equals `sent` until then).
    pub changed: DateTime<Utc>,
    /// When the recipient first opened it, if ever.
    pub opened: Option<DateTime<Utc>>,
    /// The recipient's "Reply (don't accept yet)" message, if they sent one (H1303a/b).
    pub reply: Option<Box<Reply>>,
    /// The same sender has invited the same recipient again since: this one is no
    /// longer the latest between them (in the padding: the size stays 80 bytes).
    #[serde(skip)]
    pub superseded: bool,
}

#[cfg(target_pointer_width = "64")]
const _: () = assert!(size_of::<Invitation>() == 80);

/// A message the recipient sent the sender instead of accepting (H1303a/b).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reply {
    pub at: DateTime<Utc>,
    pub text: String,
}

/// What a recipient does to an invitation they hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Answer {
    Open,
    Ignore,
    DontKnow,
    ReportSpam,
    Accept,
}

impl Invitation {
    /// The recipient has answered it: ignored, flagged or replied (opening is not an
    /// answer). Under `withdraw_needs_no_answer` such an invitation cannot be withdrawn (H26).
    pub fn has_answer(&self) -> bool {
        self.reply.is_some()
            || matches!(
                self.state,
                InvitationState::Ignored | InvitationState::DontKnow | InvitationState::Spam
            )
    }

    /// The state after the recipient's `answer`, or why it cannot be given.
    /// Callers have already checked that the recipient still holds the invitation.
    pub fn answered(&self, answer: Answer) -> Result<InvitationState, &'static str> {
        use InvitationState as S;
        match (answer, self.state) {
            (Answer::Open, S::Pending { .. }) => Ok(S::Pending { seen: true }),
            (Answer::Open, S::Ignored) => Ok(S::Ignored),
            (Answer::Ignore, S::Pending { .. }) => Ok(S::Ignored),
            (Answer::Ignore, S::Ignored) => Err("it is already in the Archive"),
            (Answer::DontKnow, S::Pending { .. } | S::Ignored) => Ok(S::DontKnow),
            (Answer::ReportSpam, S::Pending { .. } | S::Ignored) => Ok(S::Spam),
            (Answer::Accept, S::Pending { .. } | S::Ignored) => Ok(S::Accepted),
            _ => Err("it is no longer in their lists"),
        }
    }
}
