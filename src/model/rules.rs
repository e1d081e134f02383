//! The platform's rules as plain data: two named presets (`classic`, the seed article's
//! inbox, and `modern`) and the constants each one fixes. Each field cites its source
//! key; `docs/RULES.md` and `invitesim rules` give the page, year and confidence.

use serde::{Deserialize, Serialize};

/// Which era of the platform a rule set starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Preset {
    /// Ignore archives, accept later works, flags lead to an email-to-invite requirement.
    #[default]
    Classic,
    /// Ignore removes, weekly limit, expiry, temporary restrictions.
    Modern,
}

impl Preset {
    pub fn name(self) -> &'static str {
        match self {
            Preset::Classic => "classic",
            Preset::Modern => "modern",
        }
    }
}

/// The full set of constants and switches one simulated world runs under.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rules {
    /// The preset these rules started from (shown in the header).
    pub preset: Preset,
    /// Ignore moves an invitation to the Archive (classic) instead of removing it (H1303a/b, AZ).
    pub ignore_archives: bool,
    /// Days after sending when a reminder email goes to an unanswered recipient (H3882, KEN).
    pub reminder_days: Vec<u32>,
    /// Days a sender waits after withdrawing before inviting the same person again (R, LH).
    pub withdraw_wait_days: u32,
    /// Days after which a pending invitation silently expires; `None` never (KEN, M).
    pub expiry_days: Option<u32>,
    /// Invitations one sender may send in any 7 × 24 h window; `None` no limit (DUX, LH, M).
    pub weekly_limit: Option<u32>,
    /// Longest note allowed on an invitation, in characters (LH).
    pub note_max_chars: u32,
    /// Flags ("I don't know" or spam) against a sender before the account is warned (PBW, M).
    pub flags_to_warn: u32,
    /// Flags against a sender before the account is restricted (PBW, M).
    pub flags_to_restrict: u32,
    /// Days a restriction lasts; `None` until lifted, with the recipient's email needed
    /// to invite (classic, PBW); `Some` a temporary ban on sending (modern, R, L).
    pub restriction_days: Option<u32>,
    /// Withdraw only while the recipient has not answered (ignored, flagged, replied);
    /// refused with a neutral text otherwise — a tell (H26, M).
    pub withdraw_needs_no_answer: bool,
    /// Chance that each reminder is sent ("not always", SEED; H3882).
    pub reminder_chance: Chance,
    /// Chance that crossing `flags_to_warn` warns the sender ("a probability", SEED; AZ, PBW).
    pub warn_chance: Chance,
    /// Each restriction after the first lasts twice as long, at most 30 days (R, L).
    pub restriction_escalation: bool,
}

/// A probability in 0..=1. Validated when a scenario is loaded, so it is never NaN and
/// equality is an equivalence.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Chance(pub f64);

impl Eq for Chance {}

impl Chance {
    pub const ALWAYS: Chance = Chance(1.0);

    pub fn is_valid(self) -> bool {
        (0.0..=1.0).contains(&self.0)
    }

    pub fn is_certain(self) -> bool {
        self.0 >= 1.0
    }
}

/// The longest a restriction can last under escalation (R: "up to a month").
pub const MAX_RESTRICTION_DAYS: u32 = 30;

impl Rules {
    pub fn preset(preset: Preset) -> Rules {
        match preset {
            Preset::Classic => Rules::classic(),
            Preset::Modern => Rules::modern(),
        }
    }

    /// The seed article's inbox (H1303a, PBW).
    pub fn classic() -> Rules {
        Rules {
            preset: Preset::Classic,
            ignore_archives: true,
            reminder_days: vec![7, 14],
            withdraw_wait_days: 21,
            expiry_days: None,
            weekly_limit: None,
            note_max_chars: 300,
            flags_to_warn: 3,
            flags_to_restrict: 5,
            restriction_days: None,
            withdraw_needs_no_answer: true,
            reminder_chance: Chance::ALWAYS,
            warn_chance: Chance::ALWAYS,
            restriction_escalation: false,
        }
    }

    /// Today's platform (H1303b, R, L, KEN, DUX).
    pub fn modern() -> Rules {
        Rules {
            preset: Preset::Modern,
            ignore_archives: false,
            expiry_days: Some(183),
            weekly_limit: Some(100),
            restriction_days: Some(7),
            withdraw_needs_no_answer: false,
            restriction_escalation: true,
            ..Rules::classic()
        }
    }

    /// How long the `nth` restriction (1-based) lasts, if restrictions are temporary.
    pub fn restriction_length(&self, nth: u32) -> Option<u32> {
        let first = self.restriction_days?;
        if !self.restriction_escalation || nth <= 1 {
            return Some(first);
        }
        let doubled = first.saturating_mul(1 << (nth - 1).min(5));
        Some(doubled.min(MAX_RESTRICTION_DAYS.max(first)))
    }

    /// True when at least one field differs from the preset it names.
    pub fn is_customised(&self) -> bool {
        *self != Rules::preset(self.preset)
    }
}

impl Default for Rules {
    fn default() -> Self {
        Rules::classic()
    }
}
