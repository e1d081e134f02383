//! Arbitrary action sequences into `World::apply` on a small world: it never panics,
//! a sender never learns of a non-acceptance answer, and nothing is lost.
#![no_main]

use arbitrary::Arbitrary;
use invitesim::model::{Action, Person, PersonId, Placement, Rules, View, World};
use libfuzzer_sys::fuzz_target;

const HANDLES: [&str; 4] = ["a", "b", "c", "d"];

#[derive(Debug, Arbitrary)]
enum Op {
    Send(u8, u8, bool),
    Wait(u16),
    Open(u8, u8),
    Ignore(u8, u8),
    Accept(u8, u8),
    DontKnow(u8, u8),
    Spam(u8, u8),
    Withdraw(u8, u8),
}

#[derive(Debug, Arbitrary)]
struct Input {
    modern: bool,
    warn: u8,
    restrict: u8,
    ops: Vec<Op>,
}

fn h(i: u8) -> String {
    HANDLES[usize::from(i) % HANDLES.len()].to_owned()
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
        let action = match *op {
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
        };
        let before = views(&w);
        if w.apply(&action).is_err() {
            assert_eq!(views(&w), before, "a refusal changed a screen");
            continue;
        }
        if let Some(sender) = action
            .answered_sender()
            .filter(|_| !matches!(action, Action::Accept { .. }))
        {
            let s = w.person_id(sender).expect("known").index();
            let (mut b, mut a) = (before[s].clone(), w.view(PersonId(s as u32)));
            b.account = a.account.clone();
            a.account = b.account.clone();
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
