//! Property tests over random action sequences on small random worlds:
//! the teaching rule, nothing lost, refusals change nothing, determinism.

mod common;

use common::{new_world, scenario, views};
use invitesim::model::{Action, EventKind, MailKind, Placement, View, World};
use proptest::prelude::*;

/// A view with the account standing blanked out: the one thing allowed to change.
fn without_account(mut v: View) -> View {
    v.account.standing = Default::default();
    v.account.restricted_until = None;
    v
}

fn check_nothing_lost(w: &World) -> Result<(), TestCaseError> {
    let mut expected = [0usize; 3];
    for inv in w.invitations() {
        let p = Placement::of(inv.state, w.rules().ignore_archives);
        let entry = inv.id;
        prop_assert_eq!(
            w.lists(inv.to).inbox.contains(&entry),
            p.inbox,
            "inbox {:?}",
            inv
        );
        prop_assert_eq!(
            w.lists(inv.to).archive.contains(&entry),
            p.archive,
            "archive {:?}",
            inv
        );
        prop_assert_eq!(
            w.lists(inv.from).sent.contains(&entry),
            p.sent,
            "sent {:?}",
            inv
        );
        expected[0] += usize::from(p.inbox);
        expected[1] += usize::from(p.archive);
        expected[2] += usize::from(p.sent);
    }
    let n = w.people().len() as u32;
    let lists = (0..n).map(|i| w.lists(invitesim::model::PersonId(i)));
    let actual = lists.fold([0usize; 3], |acc, l| {
        [
            acc[0] + l.inbox.len(),
            acc[1] + l.archive.len(),
            acc[2] + l.sent.len(),
        ]
    });
    prop_assert_eq!(actual, expected, "lists hold entries no invitation implies");
    for i in 0..n {
        let l = w.lists(invitesim::model::PersonId(i));
        for list in [&l.inbox, &l.archive, &l.sent] {
            prop_assert!(
                list.windows(2).all(|p| p[0] < p[1]),
                "a list is out of order"
            );
            prop_assert!(
                list.windows(2)
                    .all(|p| w.invitation(p[0]).sent <= w.invitation(p[1]).sent),
                "id order is not send order"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The teaching property (DESIGN.md): after Open, Ignore, DontKnow or ReportSpam,
    /// and after a Wait that expires nothing, no sender learns anything; only the
    /// aggregate standing may change.
    #[test]
    fn the_sender_is_never_told((rules, n, actions) in scenario()) {
        let mut w = new_world(rules, n);
        for action in &actions {
            let before = views(&w);
            let Ok(range) = w.apply(action) else { continue };
            let after = views(&w);
            match action {
                Action::Open { by, from } | Action::Ignore { by, from }
                | Action::DontKnow { by, from } | Action::ReportSpam { by, from } => {
                    let (by, from) = (w.person_id(by).expect("p").index(), w.person_id(from).expect("p").index());
                    for (i, (b, a)) in before.iter().zip(&after).enumerate() {
                        if i == by { continue; }
                        if i == from {
                            prop_assert_eq!(without_account(b.clone()), without_account(a.clone()),
                                "the sender's screen changed after {:?}", action);
                        } else {
                            prop_assert_eq!(b, a, "a bystander's screen changed after {:?}", action);
                        }
                    }
                }
                Action::Wait { .. } => {
                    let expired = w.log()[range].iter().any(|e| matches!(e.kind, EventKind::Expired(_)));
                    if expired { continue; }
                    for (b, a) in before.iter().zip(&after) {
                        prop_assert_eq!(&b.sent, &a.sent, "a Sent list changed while waiting");
                        prop_assert_eq!(&b.notifications, &a.notifications);
                        for m in a.emails.iter().filter(|m| !b.emails.contains(m)) {
                            let MailKind::Reminder(inv, _) = m.kind else {
                                return Err(TestCaseError::fail(format!("unexpected mail {m:?}")));
                            };
                            prop_assert_eq!(w.invitation(inv).to, a.person, "a reminder reached the sender");
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Every invitation is in exactly one state and in exactly the lists it implies.
    #[test]
    fn nothing_is_lost((rules, n, actions) in scenario()) {
        let mut w = new_world(rules, n);
        for action in &actions {
            let _ = w.apply(action);
            check_nothing_lost(&w)?;
        }
    }

    /// Replaying (a scenario's history is played so: no log, the per-person lists built
    /// once at the end) leaves the world living the same actions leaves: the same
    /// invitations, lists and screens.
    #[test]
    fn replaying_builds_the_same_lists((rules, n, actions) in scenario()) {
        let mut lived = new_world(rules.clone(), n);
        let mut replayed = new_world(rules, n);
        replayed.set_replaying(true);
        for action in &actions {
            let outcome = lived.apply(action).is_ok();
            prop_assert_eq!(replayed.apply(action).is_ok(), outcome, "{:?}", action);
        }
        replayed.set_replaying(false);
        check_nothing_lost(&replayed)?;
        prop_assert_eq!(replayed.invitations(), lived.invitations());
        for i in 0..n as u32 {
            let p = invitesim::model::PersonId(i);
            prop_assert_eq!(replayed.lists(p), lived.lists(p));
        }
        prop_assert_eq!(views(&replayed), views(&lived));
    }

    /// A refused action changes nothing at all.
    #[test]
    fn refusals_change_nothing((rules, n, actions) in scenario()) {
        let mut w = new_world(rules, n);
        for action in &actions {
            let (before, log, now) = (views(&w), w.log().len(), w.now());
            if w.apply(action).is_err() {
                prop_assert_eq!(views(&w), before);
                prop_assert_eq!(w.log().len(), log);
                prop_assert_eq!(w.now(), now);
            }
        }
    }

    /// The same world and the same actions give the same event log.
    #[test]
    fn deterministic((rules, n, actions) in scenario()) {
        let run = || {
            let mut w = new_world(rules.clone(), n);
            let outcomes: Vec<bool> = actions.iter().map(|a| w.apply(a).is_ok()).collect();
            (w.log().to_vec(), outcomes, views(&w))
        };
        prop_assert_eq!(run(), run());
    }

    /// Events are logged in time order and only sender-side events reach a sender.
    #[test]
    fn events_in_time_order((rules, n, actions) in scenario()) {
        let mut w = new_world(rules, n);
        for a in &actions { let _ = w.apply(a); }
        prop_assert!(w.log().windows(2).all(|p| p[0].at <= p[1].at));
    }
}
