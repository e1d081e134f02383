//! A sender's standing: the only aggregate, anonymous tell the platform gives.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Standing {
    #[default]
    Good,
    /// Enough invitations were flagged that the platform warns the sender (never says who).
    Warned,
    /// Inviting is limited: the recipient's email is required (classic) or sending is
    /// paused until the restriction ends (modern).
    Restricted,
}

impl Standing {
    pub fn label(self) -> &'static str {
        match self {
            Standing::Good => "in good standing",
            Standing::Warned => "warned",
            Standing::Restricted => "restricted",
        }
    }
}

/// The hidden bookkeeping behind a standing. Only `standing` and `restricted_until`
/// ever reach a view; `flags` never does.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Account {
    pub flags: u32,
    pub standing: Standing,
    /// End of a temporary restriction (modern rules); `None` while restricted means
    /// "until lifted".
    pub restricted_until: Option<DateTime<Utc>>,
    /// Restrictions so far, for `restriction_escalation` (R, L).
    pub restrictions: u32,
}
