#![allow(dead_code)] // each bench uses its own subset of these
//! Worlds for the benchmarks, built the way users build them: `generate`, then load.

use invitesim::generate::{self, Spec};
use invitesim::model::Preset;
use invitesim::scenario::{self, Loaded};

/// People for a world of `invitations`, as many as the generator needs and at least 100.
pub fn people_for(invitations: usize) -> usize {
    (100..)
        .step_by(50)
        .find(|&n| generate::capacity(n) / 2 > invitations)
        .unwrap_or(100)
        .max(100)
}

pub fn text(invitations: usize) -> String {
    let spec = Spec {
        people: people_for(invitations),
        invitations,
        seed: 1,
        days: 90,
        preset: Preset::Classic,
    };
    generate::generate(&spec).expect("a valid spec")
}

pub fn loaded(invitations: usize) -> Loaded {
    scenario::load_source("bench.ron", text(invitations).as_bytes()).expect("generated worlds load")
}
