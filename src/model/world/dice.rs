//! The world's chances ("reminders do not always come", "a probability" of a warning:
//! SEED), drawn from a ChaCha8 generator seeded by the scenario's `seed` with the `rand`
//! crate. Each draw has its own stream, keyed by what it decides (which reminder of
//! which invitation, which flag of which sender), so a draw never depends on how many
//! others came before it: the same file replays the same on any machine, and one
//! person's hidden answer cannot shift another draw (the indistinguishability property).

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::World;
use crate::model::Chance;

/// What a draw decides; part of its stream key.
#[derive(Debug, Clone, Copy)]
pub(super) enum Purpose {
    Reminder = 1,
    Warn = 2,
}

impl World {
    /// True with probability `chance`, for the draw keyed by (`purpose`, `who`, `nth`).
    /// A certain or impossible chance draws nothing.
    pub(super) fn dice(&self, purpose: Purpose, who: u32, nth: u32, chance: Chance) -> bool {
        if chance.is_certain() {
            return true;
        }
        if chance.0 <= 0.0 {
            return false;
        }
        let mut rng = ChaCha8Rng::seed_from_u64(self.seed());
        let stream = ((purpose as u64) << 60) | (u64::from(who) << 24) | u64::from(nth & 0xff_ffff);
        rng.set_stream(stream);
        rng.random_bool(chance.0)
    }
}
