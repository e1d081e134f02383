//! What a pane counts, once per change: pending and connected rows, new invitations,
//! and (for x-ray) the hidden states behind a sender's Pending rows.

use crate::model::{InvitationState, SentStatus, View, World};

/// Counts a pane shows, made once per change rather than once per frame: the Sent
/// list's pending and connected rows, the new invitations, and (for x-ray) the hidden
/// states behind the Pending rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaneCounts {
    pub connected: usize,
    pub new_invitations: usize,
    pub pending: usize,
    pub not_opened: usize,
    pub opened: usize,
    pub ignored: usize,
    pub dont_know: usize,
    pub spam: usize,
    pub undelivered: usize,
}

impl PaneCounts {
    pub fn of(view: &View, world: &World) -> PaneCounts {
        let mut t = PaneCounts {
            new_invitations: view.invitations.iter().filter(|r| !r.seen).count(),
            ..PaneCounts::default()
        };
        for row in &view.sent {
            if row.status == SentStatus::Connected {
                t.connected += 1;
                continue;
            }
            t.pending += 1;
            match world.invitation(row.invitation).state {
                InvitationState::Pending { seen: false } => t.not_opened += 1,
                InvitationState::Pending { seen: true } => t.opened += 1,
                InvitationState::Ignored => t.ignored += 1,
                InvitationState::DontKnow => t.dont_know += 1,
                InvitationState::Spam => t.spam += 1,
                InvitationState::Undelivered => t.undelivered += 1,
                _ => {}
            }
        }
        t
    }
}
