//! What each pair of people has between them: the latest invitation either way, whether
//! they are connected, and whether either said "I don't know" to the other. One entry
//! per pair, keyed the same whichever way it is asked, so a send's every question about
//! the pair (connected? pending? theirs waiting? blocked?) is one hash probe, and an
//! acceptance finds the crossing invitation and connects the two in the same entry. A
//! replayed history makes millions of these lookups at random; one cache miss each
//! instead of four or five is most of what replaying costs beyond parsing (issue 14).

use rustc_hash::FxHashMap as HashMap;

use crate::model::{InvitationId, PersonId};

/// No invitation that way yet. Ids count invitations held in memory, which never
/// reach `u32::MAX`.
const NONE: u32 = u32::MAX;

/// One pair, kept under (lower id, higher id): index 0 is "from the lower to the
/// higher", index 1 the way back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Between {
    latest: [u32; 2],
    connected: bool,
    /// `blocked[w]`: invitations going way `w` are not delivered (the recipient said
    /// "I don't know" to one, H1303).
    blocked: [bool; 2],
}

impl Default for Between {
    fn default() -> Between {
        Between {
            latest: [NONE; 2],
            connected: false,
            blocked: [false; 2],
        }
    }
}

/// What `from` and `to` have between them, seen from `from`'s side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Pair {
    /// The latest invitation from `from` to `to`.
    pub out: Option<InvitationId>,
    /// The latest invitation from `to` to `from`.
    pub back: Option<InvitationId>,
    pub connected: bool,
    /// `from`'s invitations to `to` are not delivered.
    pub blocked: bool,
}

#[derive(Clone, Default, PartialEq, Eq)]
pub(super) struct Pairs {
    map: HashMap<(PersonId, PersonId), Between>,
}

/// In key order: two equal worlds print the same, however their tables grew.
impl std::fmt::Debug for Pairs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut pairs: Vec<_> = self.map.iter().collect();
        pairs.sort_unstable_by_key(|(k, _)| **k);
        f.debug_map().entries(pairs).finish()
    }
}

/// The pair's key and which way `from` → `to` is in it.
fn key(from: PersonId, to: PersonId) -> ((PersonId, PersonId), usize) {
    if from <= to {
        ((from, to), 0)
    } else {
        ((to, from), 1)
    }
}

fn id(raw: u32) -> Option<InvitationId> {
    (raw != NONE).then_some(InvitationId(raw))
}

impl Pairs {
    pub(super) fn get(&self, from: PersonId, to: PersonId) -> Pair {
        let (k, way) = key(from, to);
        self.map.get(&k).map_or_else(Pair::default, |b| Pair {
            out: id(b.latest[way]),
            back: id(b.latest[1 - way]),
            connected: b.connected,
            blocked: b.blocked[way],
        })
    }

    fn entry(&mut self, from: PersonId, to: PersonId) -> (&mut Between, usize) {
        let (k, way) = key(from, to);
        (self.map.entry(k).or_default(), way)
    }

    /// `inv` is now the latest from `from` to `to`; the one it replaces, if any.
    pub(super) fn set_latest(
        &mut self,
        from: PersonId,
        to: PersonId,
        inv: InvitationId,
    ) -> Option<InvitationId> {
        debug_assert_ne!(inv.0, NONE);
        let (b, way) = self.entry(from, to);
        id(std::mem::replace(&mut b.latest[way], inv.0))
    }

    pub(super) fn connect(&mut self, a: PersonId, b: PersonId) {
        self.entry(a, b).0.connected = true;
    }

    /// `from`'s invitations to `to` are no longer delivered.
    pub(super) fn block(&mut self, from: PersonId, to: PersonId) {
        let (b, way) = self.entry(from, to);
        b.blocked[way] = true;
    }

    pub(super) fn reserve(&mut self, n: usize) {
        self.map.reserve(n);
    }

    /// Every connected pair, each once.
    pub(super) fn connections(&self) -> impl Iterator<Item = (PersonId, PersonId)> + '_ {
        self.map
            .iter()
            .filter(|(_, b)| b.connected)
            .map(|(&pair, _)| pair)
    }
}
