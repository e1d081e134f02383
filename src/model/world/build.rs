//! Building a world: people, the network, and a scenario's history played up to its
//! start.

use chrono::{DateTime, Utc};

use super::World;
use crate::model::{Lists, Person, PersonId};

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

    /// Connects two people at the start, without any invitation or event.
    pub fn connect(&mut self, a: PersonId, b: PersonId) {
        if a != b {
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
        self.latest.reserve(n);
    }

    /// Turns the event log on or off (off while a scenario's past is replayed).
    pub fn set_logging(&mut self, on: bool) {
        self.logging = on;
    }
}
