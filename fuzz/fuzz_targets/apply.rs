//! Arbitrary action sequences into `World::apply` on a small world: it never panics,
//! a sender never learns of an answer other than an acceptance or a reply, and nothing
//! is lost.
#![no_main]

mod ops;

use arbitrary::Arbitrary;
use invitesim::model::{Action, PersonId, Placement, View, World};
use libfuzzer_sys::fuzz_target;
use ops::Op;

#[derive(Debug, Arbitrary)]
struct Input {
    rules: ops::RulesInput,
    ops: Vec<Op>,
}

fn views(w: &World) -> Vec<View> {
    (0..w.people().len() as u32)
        .map(|i| w.view(PersonId(i)))
        .collect()
}

fuzz_target!(|input: Input| {
    let mut w = ops::world(&input.rules, 0);
    for op in input.ops.iter().take(200) {
        let action = op.action();
        let before = views(&w);
        if w.apply(&action).is_err() {
            assert_eq!(views(&w), before, "a refusal changed a screen");
            continue;
        }
        if let Some(sender) = action
            .answered_sender()
            .filter(|_| !matches!(action, Action::Accept { .. } | Action::Reply { .. }))
        {
            let s = w.person_id(sender).expect("known").index();
            let (mut b, mut a) = (before[s].clone(), w.view(PersonId(s as u32)));
            b.account = a.account;
            a.account = b.account;
            assert_eq!(b, a, "the sender learned something from {action:?}");
        }
        for inv in w.invitations() {
            let p = Placement::of(inv.state, w.rules().ignore_archives);
            assert_eq!(
                w.lists(inv.to).inbox.binary_search(&inv.id).is_ok(),
                p.inbox
            );
            assert_eq!(
                w.lists(inv.to).archive.binary_search(&inv.id).is_ok(),
                p.archive
            );
            assert_eq!(
                w.lists(inv.from).sent.binary_search(&inv.id).is_ok(),
                p.sent
            );
        }
    }
});
