//! Why `World::apply` refused an action, as data. Each refusal names only what the
//! person who tried can see on their own screen; its sentence is written in `narrate`.
//! Times are in the world's display offset (`World::local`).
//!
//! A sender-initiated action never depends on what the recipient answered: the one
//! exception is `CannotWithdraw` under `withdraw_needs_no_answer`, a documented tell
//! (H26). See docs/RULES.md.

use chrono::{DateTime, FixedOffset};

use super::Answer;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A handle that names no one.
    NoSuchPerson {
        handle: String,
    },
    SelfInvite {
        who: String,
    },
    AlreadyConnected {
        a: String,
        b: String,
    },
    /// The sender's own Sent list already shows a pending invitation to them.
    AlreadyPending {
        from: String,
        to: String,
        sent: DateTime<FixedOffset>,
    },
    /// The other person's invitation is in the sender's own Invitations or Archive.
    InvitedYouFirst {
        from: String,
        to: String,
    },
    /// The sender withdrew an invitation to them too recently (R, LH).
    WithdrawWait {
        from: String,
        to: String,
        withdrawn: DateTime<FixedOffset>,
        again: DateTime<FixedOffset>,
    },
    /// A temporary restriction (modern rules, R, L).
    RestrictedUntil {
        who: String,
        until: DateTime<FixedOffset>,
    },
    /// Restricted under classic rules: the recipient's email is needed (PBW).
    EmailNeeded {
        from: String,
        to: String,
    },
    WrongEmail {
        from: String,
        to: String,
        given: String,
    },
    /// The weekly invitation limit (DUX, LH, L).
    WeeklyLimit {
        who: String,
        sent: usize,
        next: DateTime<FixedOffset>,
    },
    /// A note or a reply over the limit, or an empty reply.
    TextLength {
        what: TextKind,
        len: usize,
        max: usize,
    },
    /// The recipient holds no invitation from them. `hint` is only what the recipient
    /// knows: what they did to it themselves.
    NothingToAnswer {
        by: String,
        from: String,
        answer: Verb,
        hint: Option<Answer>,
    },
    /// The invitation is held, but this answer cannot be given to it.
    CannotAnswer {
        by: String,
        from: String,
        answer: Verb,
        why: &'static str,
    },
    /// The sender's Sent list shows nothing pending to withdraw.
    NothingToWithdraw {
        by: String,
        to: String,
    },
    /// `withdraw_needs_no_answer`: the recipient answered it (H26). The text is neutral:
    /// it never says which answer.
    CannotWithdraw {
        by: String,
        to: String,
    },
    /// A wait past the end of the calendar.
    ClockOverflow,
}

/// What a text-length refusal is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    Note,
    Reply,
}

/// The recipient's verbs, for refusals ("cannot accept", "has nothing to reply to").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verb {
    Answer(Answer),
    Reply,
}

impl Refusal {
    /// True for the refusal that is itself a tell: the one outcome of a sender's action
    /// that depends on the recipient's answer (H26).
    pub fn is_withdraw_tell(&self) -> bool {
        matches!(self, Refusal::CannotWithdraw { .. })
    }
}

impl std::error::Error for Refusal {}
