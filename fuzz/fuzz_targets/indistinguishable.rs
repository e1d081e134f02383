//! The indistinguishability property (DESIGN V2.1) under libFuzzer: one story lived
//! twice, differing only in one recipient's hidden answer; the sender must not tell
//! the runs apart until a tell differs (`invitesim::script::probe`).
#![no_main]

mod ops;

use arbitrary::Arbitrary;
use invitesim::model::{Action, PersonId};
use invitesim::script::probe::{HiddenAnswer, leak, live};
use libfuzzer_sys::fuzz_target;
use ops::{HANDLES, Op};

#[derive(Debug, Arbitrary)]
struct Input {
    rules: ops::RulesInput,
    sender: u8,
    recipient: u8,
    answers: (u8, u8),
    before: Vec<Op>,
    after: Vec<Op>,
}

fuzz_target!(|input: Input| {
    let world = ops::world(&input.rules, 7);
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
