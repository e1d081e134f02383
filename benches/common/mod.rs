#![allow(dead_code)] // each bench uses its own subset of these
//! Worlds for the benchmarks, built the way users build them: `generate`, then load.

use invitesim::model::Preset;
use invitesim::scenario::generate::{self, Spec};
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

/// The same file read into plain serde structs (owned `String`s, no validation): the
/// floor the load is measured against.
pub mod plain {
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(rename = "Scenario")]
    pub struct Scenario {
        pub title: String,
        #[serde(default)]
        pub summary: String,
        pub start: String,
        #[serde(default)]
        pub seed: Option<u64>,
        #[serde(default)]
        pub rules: Option<Rules>,
        #[serde(default)]
        pub panes: Option<Panes>,
        pub people: Vec<Person>,
        #[serde(default)]
        pub connections: Vec<(String, String)>,
        #[serde(default)]
        pub invitations: Vec<Invitation>,
    }

    #[derive(Deserialize)]
    pub struct Rules {
        pub preset: Preset,
    }

    #[derive(Deserialize)]
    pub enum Preset {
        Classic,
        Modern,
    }

    #[derive(Deserialize)]
    pub struct Panes {
        pub left: String,
        pub right: String,
    }

    #[derive(Deserialize)]
    pub struct Person {
        pub id: String,
        pub name: String,
        #[serde(default)]
        pub headline: String,
    }

    #[derive(Deserialize)]
    pub struct Invitation {
        pub from: String,
        pub to: String,
        pub sent: String,
        #[serde(default)]
        pub note: Option<String>,
        #[serde(default)]
        pub state: Option<State>,
        #[serde(default)]
        pub changed: Option<String>,
    }

    #[derive(Deserialize)]
    pub enum State {
        Pending,
        Seen,
        Ignored,
        DontKnow,
        Spam,
        Accepted,
        Withdrawn,
        Expired,
    }

    pub fn parse(text: &str) -> Scenario {
        invitesim::scenario::ron_options()
            .from_str(text)
            .expect("the plain structs read the file")
    }
}
