//! The fuzz targets' action language: a few bytes each, mapped onto `Action`s over a
//! four-person world.

use arbitrary::Arbitrary;
use invitesim::model::{Action, Chance, Person, Rules, World};

pub const HANDLES: [&str; 4] = ["a", "b", "c", "d"];

#[derive(Debug, Arbitrary)]
pub enum Op {
    Send(u8, u8, bool),
    Wait(u16),
    Open(u8, u8),
    Ignore(u8, u8),
    Accept(u8, u8),
    DontKnow(u8, u8),
    Spam(u8, u8),
    Withdraw(u8, u8),
    Reply(u8, u8),
}

pub fn h(i: u8) -> String {
    HANDLES[usize::from(i) % HANDLES.len()].to_owned()
}

impl Op {
    pub fn action(&self) -> Action {
        match *self {
            Op::Send(a, b, email) => Action::Send {
                from: h(a),
                to: h(b),
                note: None,
                email: email.then(|| format!("{}@example.com", h(b))),
            },
            Op::Wait(m) => Action::Wait {
                days: None,
                hours: None,
                minutes: Some(u32::from(m) * 30),
            },
            Op::Open(a, b) => Action::Open {
                by: h(a),
                from: h(b),
            },
            Op::Ignore(a, b) => Action::Ignore {
                by: h(a),
                from: h(b),
            },
            Op::Accept(a, b) => Action::Accept {
                by: h(a),
                from: h(b),
            },
            Op::DontKnow(a, b) => Action::DontKnow {
                by: h(a),
                from: h(b),
            },
            Op::Spam(a, b) => Action::ReportSpam {
                by: h(a),
                from: h(b),
            },
            Op::Withdraw(a, b) => Action::Withdraw { by: h(a), to: h(b) },
            Op::Reply(a, b) => Action::Reply {
                by: h(a),
                from: h(b),
                text: "hi".into(),
            },
        }
    }
}

/// The fuzzed rules: the preset, the flag thresholds (restrict never below warn) and,
/// if given, the chances of a reminder and of a warning, in quarters.
#[derive(Debug, Arbitrary)]
pub struct RulesInput {
    pub modern: bool,
    pub warn: u8,
    pub restrict: u8,
    pub chances: Option<(u8, u8)>,
}

/// The fuzzed world: four people with emails, under the rules the input picks.
pub fn world(input: &RulesInput, seed: u64) -> World {
    let RulesInput {
        modern,
        warn,
        restrict,
        chances,
    } = *input;
    let mut rules = if modern {
        Rules::modern()
    } else {
        Rules::classic()
    };
    rules.flags_to_warn = u32::from(warn % 6);
    rules.flags_to_restrict = rules.flags_to_warn + u32::from(restrict % 4);
    if let Some((remind, warn)) = chances {
        rules.reminder_chance = Chance(f64::from(remind % 5) / 4.0);
        rules.warn_chance = Chance(f64::from(warn % 5) / 4.0);
    }
    let start = chrono::DateTime::from_timestamp(1_772_442_000, 0).expect("a date");
    let mut w = World::new(rules, start, seed);
    for h in HANDLES {
        let mut p = Person::new(h, h, "");
        p.email = Some(format!("{h}@example.com"));
        w.add_person(p).expect("unique");
    }
    w
}
