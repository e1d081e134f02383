//! Random worlds and action sequences shared by the property tests.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use invitesim::model::{Action, Chance, Person, Rules, View, World};
use proptest::prelude::*;

pub const HANDLES: [&str; 5] = ["a", "b", "c", "d", "e"];

pub fn start() -> DateTime<Utc> {
    "2026-03-02T09:00:00Z".parse().expect("valid time")
}

pub fn rules_strategy() -> impl Strategy<Value = Rules> {
    (
        any::<bool>(),
        1u32..4,
        0u32..3,
        prop::option::of(1u32..40),
        prop::option::of(1u32..4),
        prop::option::of((0u8..=4, 0u8..=4)),
    )
        .prop_map(|(modern, warn, extra, expiry, limit, chances)| {
            let mut r = if modern {
                Rules::modern()
            } else {
                Rules::classic()
            };
            r.flags_to_warn = warn;
            r.flags_to_restrict = warn + extra;
            if modern {
                r.expiry_days = expiry;
                r.weekly_limit = limit;
                r.restriction_days = Some(3);
            }
            if let Some((remind, warn)) = chances {
                r.reminder_chance = Chance(f64::from(remind) / 4.0);
                r.warn_chance = Chance(f64::from(warn) / 4.0);
            }
            r
        })
}

pub fn action_strategy(people: usize) -> impl Strategy<Value = Action> {
    let p = move || (0..people).prop_map(|i| HANDLES[i].to_owned());
    prop_oneof![
        3 => (p(), p(), any::<bool>()).prop_map(|(from, to, with_email)| Action::Send {
            email: with_email.then(|| format!("{to}@example.com")),
            from,
            to,
            note: None,
        }),
        1 => (0u32..10, 0u32..24).prop_map(|(d, h)| Action::Wait { days: Some(d), hours: Some(h), minutes: None }),
        2 => (p(), p()).prop_map(|(by, from)| Action::Open { by, from }),
        2 => (p(), p()).prop_map(|(by, from)| Action::Ignore { by, from }),
        2 => (p(), p()).prop_map(|(by, from)| Action::Accept { by, from }),
        2 => (p(), p()).prop_map(|(by, from)| Action::DontKnow { by, from }),
        2 => (p(), p()).prop_map(|(by, from)| Action::ReportSpam { by, from }),
        1 => (p(), p()).prop_map(|(by, to)| Action::Withdraw { by, to }),
        1 => (p(), p()).prop_map(|(by, from)| Action::Reply { by, from, text: "Hi".into() }),
    ]
}

pub fn scenario() -> impl Strategy<Value = (Rules, usize, Vec<Action>)> {
    (rules_strategy(), 2usize..=5).prop_flat_map(|(rules, n)| {
        (
            Just(rules),
            Just(n),
            prop::collection::vec(action_strategy(n), 0..60),
        )
    })
}

pub fn new_world(rules: Rules, people: usize) -> World {
    let mut w = World::new(rules, start(), 0);
    for h in &HANDLES[..people] {
        let mut p = Person::new(h, &format!("{h} Person"), "");
        p.email = Some(format!("{h}@example.com"));
        w.add_person(p).expect("unique handles");
    }
    w
}

pub fn views(w: &World) -> Vec<View> {
    (0..w.people().len() as u32)
        .map(|i| w.view(invitesim::model::PersonId(i)))
        .collect()
}
