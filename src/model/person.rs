//! People in the simulated network.

use serde::{Deserialize, Serialize};

/// A person's index in the world. Cheap to copy and to store in per-person indexes;
/// scenarios and actions name people by their `handle` instead.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct PersonId(pub u32);

impl PersonId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// One member of the network as others see them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Person {
    /// The short id a scenario uses ("maya").
    pub handle: String,
    /// Full name shown on screens ("Maya Chen").
    pub name: String,
    pub headline: String,
    /// The address a restricted sender must give to invite this person (classic rules).
    pub email: Option<String>,
}

impl Person {
    pub fn new(handle: &str, name: &str, headline: &str) -> Person {
        Person {
            handle: handle.to_owned(),
            name: name.to_owned(),
            headline: headline.to_owned(),
            email: None,
        }
    }

    /// The first word of the name, for short sentences ("Seen by: Sam only").
    pub fn first_name(&self) -> &str {
        self.name.split_whitespace().next().unwrap_or(&self.handle)
    }
}
