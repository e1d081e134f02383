//! Arbitrary action sequences into `World::apply` on a small world: it never panics,
//! a sender never learns of an answer other than an acceptance or a reply, and nothing
//! is lost.
#![no_main]

mod ops;

use arbitrary::Arbitrary;
use invitesim::model::{Action, Person, PersonId, Placement, Rules, View, World};
use libfuzzer_sys::fuzz_target;
use ops::{HANDLES, Op};

#[derive(Debug, Arbitrary)]
struct Input {
    modern: bool,
    warn: u8,
    restrict: u8,
    ops: Vec<Op>,
}

fn views(w: &World) -> Vec<View> {
    (0..w.people().len() as u32)
        .map(|i| w.view(PersonId(i)))
        .collect()
}

fuzz_target!(|input: Input| {
    let mut rules = if input.modern {
        Rules::modern()
    } else {
        Rules::classic()
    };
    rules.flags_to_warn = u32::from(input.warn % 6);
    rules.flags_to_restrict = u32::from(input.restrict % 8);
    let start = chrono::DateTime::from_timestamp(1_772_442_000, 0).expect("a date");
    let mut w = World::new(rules, start, 0);
    for h in HANDLES {
        let mut p = Person::new(h, h, "");
        p.email = Some(format!("{h}@example.com"));
        w.add_person(p).expect("unique");
    }
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
