//! The indistinguishability property (DESIGN V2.1) under libFuzzer: one story lived
//! twice, differing only in one recipient's hidden answer; the sender must not tell
//! the runs apart until a tell differs (`invitesim::script::probe`).
#![no_main]

mod ops;

use arbitrary::Arbitrary;
use invitesim::model::{Action, Chance, Person, PersonId, Rules, World};
use invitesim::script::probe::{HiddenAnswer, leak, live};
use libfuzzer_sys::fuzz_target;
use ops::{HANDLES, Op};

#[derive(Debug, Arbitrary)]
struct Input {
    modern: bool,
    warn: u8,
    restrict: u8,
    chances: Option<(u8, u8)>,
    sender: u8,
    recipient: u8,
    answers: (u8, u8),
    before: Vec<Op>,
    after: Vec<Op>,
}

fuzz_target!(|input: Input| {
    let mut rules = if input.modern {
        Rules::modern()
    } else {
        Rules::classic()
    };
    rules.flags_to_warn = u32::from(input.warn % 6);
    rules.flags_to_restrict = rules.flags_to_warn + u32::from(input.restrict % 4);
    if let Some((remind, warn)) = input.chances {
        rules.reminder_chance = Chance(f64::from(remind % 5) / 4.0);
        rules.warn_chance = Chance(f64::from(warn % 5) / 4.0);
    }
    let start = chrono::DateTime::from_timestamp(1_772_442_000, 0).expect("a date");
    let mut world = World::new(rules, start, 7);
    for h in HANDLES {
        let mut p = Person::new(h, h, "");
        p.email = Some(format!("{h}@example.com"));
        world.add_person(p).expect("unique");
    }
    let n = HANDLES.len() as u8;
    let (s, r) = (input.sender % n, input.recipient % n);
    if s == r {
        return;
    }
    let pick = |i: u8| HiddenAnswer::ALL[usize::from(i) % HiddenAnswer::ALL.len()];
    let (a, b) = (pick(input.answers.0), pick(input.answers.1));
    let actions = |ops: &[Op]| ops.iter().take(60).map(Op::action).collect::<Vec<Action>>();
    let (before, after) = (actions(&input.before), actions(&input.after));
    let pair = (PersonId(u32::from(s)), PersonId(u32::from(r)));
    let one = live(&world, &before, pair, a, &after);
    let two = live(&world, &before, pair, b, &after);
    if let Some(step) = leak(&one, &two) {
        panic!(
            "the sender told {a:?} from {b:?} at step {step}:\n{:?}\n{:?}",
            one[step], two[step]
        );
    }
});
