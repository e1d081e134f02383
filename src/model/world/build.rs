//! Building a world: people, the network, and a scenario's history played up to its
//! start.

use chrono::{DateTime, Utc};

use super::World;
use crate::model::{Lists, Person, PersonId, Placement};

impl World {
    /// Adds a person; a handle already taken is refused with the id it belongs to.
    pub fn add_person(&mut self, person: Person) -> Result<PersonId, PersonId> {
        if let Some(&taken) = self.handles.get(&person.handle) {
            return Err(taken);
        }
        let id = PersonId(self.people.len() as u32);
        self.handles.insert(person.handle.clone(), id);
        self.people.push(person);
        self.lists.push(Lists::default());
        Ok(id)
    }

    /// Connects two people, without any invitation or event: at the start, and on an
    /// acceptance.
    pub fn connect(&mut self, a: PersonId, b: PersonId) {
        if a == b {
            return;
        }
        self.pairs.connect(a, b);
        // While replaying, the networks are built at the end (`set_replaying`).
        if !self.replaying {
            self.lists[a.index()].network.insert(b);
            self.lists[b.index()].network.insert(a);
        }
    }

    /// Moves the clock to `t` (never back), firing every timer due on the way, without
    /// logging a clock event: how a scenario's history is played up to its start.
    pub fn advance_to(&mut self, t: DateTime<Utc>) {
        let target = self.now.max(t);
        self.run_timers_until(target);
        self.now = target;
    }

    /// Sets the clock back to where a scenario's history begins. Only before anything
    /// has happened: the world must hold no invitation yet.
    pub fn begin_history_at(&mut self, t: DateTime<Utc>) {
        if self.invitations.is_empty() {
            self.now = t;
        }
    }

    /// Makes room for `n` more invitations, before a large history is replayed.
    pub fn reserve(&mut self, n: usize) {
        self.invitations.reserve(n);
        self.pairs.reserve(n);
    }

    /// While a scenario's past is replayed (`on`), its events are not logged and the
    /// per-person lists (network, inbox, archive, sent) are not kept up at every change:
    /// no rule reads them (a rule asks the pairs), and keeping them costs a search
    /// through a person's list or tree at every answer. Turned off, the lists are built
    /// in one pass from the pairs and every invitation's state, in id order: exactly what
    /// keeping them up would have left (`place`, `connect`).
    pub fn set_replaying(&mut self, on: bool) {
        let ended = self.replaying && !on;
        self.replaying = on;
        if ended {
            self.index_all();
        }
    }

    /// Every person's network, inbox, archive and sent list, from the pairs and the
    /// invitations' states.
    fn index_all(&mut self) {
        let mut networks: Vec<Vec<PersonId>> = vec![Vec::new(); self.lists.len()];
        for (a, b) in self.pairs.connections() {
            networks[a.index()].push(b);
            networks[b.index()].push(a);
        }
        for (lists, network) in self.lists.iter_mut().zip(networks) {
            // Collecting sorts first, then builds the tree in one go.
            lists.network = network.into_iter().collect();
        }
        let ignore_archives = self.rules.ignore_archives;
        for lists in &mut self.lists {
            lists.inbox.clear();
            lists.archive.clear();
            lists.sent.clear();
        }
        for i in 0..self.invitations.len() {
            let inv = &self.invitations[i];
            let placement = Placement::of(inv.state, ignore_archives);
            // In id order: each lands at the end of its lists.
            self.place(inv.id, Placement::NOWHERE, placement);
        }
    }
}
