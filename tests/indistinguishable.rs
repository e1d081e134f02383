//! The indistinguishability property (DESIGN V2.1): change one recipient's answer to
//! one invitation among {no answer, Open, Ignore, DontKnow, ReportSpam}, keep every
//! other action the same, and the sender cannot tell the two runs apart — their screen
//! and the outcome of every action they take are identical — until a step where what
//! they can infer (`tells`) differs. Only a documented tell may break the silence;
//! after it the sender knows something and the runs may part. The check itself is
//! `script::probe`, shared with the `indistinguishable` fuzz target.

mod common;

use common::{action_strategy, new_world, rules_strategy};
use invitesim::model::{Action, PersonId, Rules};
use invitesim::script::probe::{HiddenAnswer, leak, live};
use proptest::prelude::*;

type Case = (
    Rules,
    usize,
    Vec<Action>,
    Vec<Action>,
    u32,
    u32,
    usize,
    usize,
);

fn case() -> impl Strategy<Value = Case> {
    (rules_strategy(), 2usize..=5).prop_flat_map(|(rules, n)| {
        (
            Just(rules),
            Just(n),
            prop::collection::vec(action_strategy(n), 0..25),
            prop::collection::vec(action_strategy(n), 0..40),
            0..n as u32,
            0..n as u32,
            0..HiddenAnswer::ALL.len(),
            0..HiddenAnswer::ALL.len(),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_hidden_answer_is_indistinguishable_but_for_tells(
        (rules, n, before, after, s, r, a, b) in case()
    ) {
        prop_assume!(s != r && a != b);
        let world = new_world(rules, n);
        let pair = (PersonId(s), PersonId(r));
        let (a, b) = (HiddenAnswer::ALL[a], HiddenAnswer::ALL[b]);
        let one = live(&world, &before, pair, a, &after);
        let two = live(&world, &before, pair, b, &after);
        if let Some(step) = leak(&one, &two) {
            prop_assert!(
                false,
                "the sender told {:?} from {:?} at step {} with no tell:\n{:?}\n{:?}",
                a, b, step, one[step], two[step]
            );
        }
    }
}

/// Version 1's probe: after "I don't know", withdraw and re-invite. The sender's
/// refusals used to differ (and to name the answer); now both runs read the same.
#[test]
fn the_probe_of_version_one_tells_nothing_now() {
    let send = || Action::Send {
        from: "a".into(),
        to: "b".into(),
        note: None,
        email: None,
    };
    let after = vec![
        Action::Withdraw {
            by: "a".into(),
            to: "b".into(),
        },
        send(),
        Action::wait_days(22),
        send(),
        Action::wait_days(200),
        send(),
    ];
    let world = new_world(Rules::modern(), 2);
    let pair = (PersonId(0), PersonId(1));
    let quiet = live(&world, &[], pair, HiddenAnswer::NoAnswer, &after);
    let flagged = live(&world, &[], pair, HiddenAnswer::DontKnow, &after);
    assert_eq!(quiet, flagged);
    assert_eq!(leak(&quiet, &flagged), None);
    // Under classic rules the withdraw is refused after an answer: a documented tell.
    let world = new_world(Rules::classic(), 2);
    let quiet = live(&world, &[], pair, HiddenAnswer::NoAnswer, &after);
    let flagged = live(&world, &[], pair, HiddenAnswer::DontKnow, &after);
    assert_ne!(quiet[2].tells, flagged[2].tells);
    assert_eq!(leak(&quiet, &flagged), None);
}
