//! Each person's indexes (what their screen lists), and the rule of which lists an
//! invitation belongs to in each state.

use std::collections::{BTreeSet, VecDeque};

use chrono::{DateTime, Utc};

use super::{Account, InvitationId, InvitationState, Mail, PersonId};

/// One person's indexes, so a view costs what it shows rather than the world's size.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lists {
    /// Received and pending (`Pending`). Every list is sorted by id, which is send
    /// order: the world only ever sends at its own clock, and the clock never goes back.
    pub inbox: Vec<InvitationId>,
    /// Received and ignored, while ignoring archives.
    pub archive: Vec<InvitationId>,
    /// Sent and either still looking pending or accepted.
    pub sent: Vec<InvitationId>,
    /// Who they are connected to, as their Network tab lists them (the rules ask the
    /// world's pairs; a replay builds this at its end).
    pub network: BTreeSet<PersonId>,
    /// In-app notifications: only ever acceptances of this person's invitations.
    pub notifications: Vec<Mail>,
    pub mail: Vec<Mail>,
    pub account: Account,
    /// Send times inside the current weekly-limit window.
    pub(super) recent_sends: VecDeque<DateTime<Utc>>,
}

/// Which lists an invitation in a given state belongs to: the rule the
/// "nothing lost" property checks the indexes against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub inbox: bool,
    pub archive: bool,
    pub sent: bool,
}

impl Placement {
    /// In no list: an invitation before it exists.
    pub const NOWHERE: Placement = Placement {
        inbox: false,
        archive: false,
        sent: false,
    };

    pub fn of(state: InvitationState, ignore_archives: bool) -> Placement {
        Placement {
            inbox: matches!(state, InvitationState::Pending { .. }),
            archive: state == InvitationState::Ignored && ignore_archives,
            sent: state.looks_pending() || state == InvitationState::Accepted,
        }
    }
}
