//! Property tests over random action sequences on small random worlds:
//! the teaching rule, nothing lost, refusals change nothing, determinism.

use chrono::{DateTime, Utc};
use invitesim::model::{Action, EventKind, MailKind, Person, Placement, Rules, View, World};
use proptest::prelude::*;

const HANDLES: [&str; 5] = ["a", "b", "c", "d", "e"];

fn start() -> DateTime<Utc> {
    "2026-03-02T09:00:00Z".parse().expect("valid time")
}

fn rules_strategy() -> impl Strategy<Value = Rules> {
    (
        any::<bool>(),
        1u32..4,
        0u32..3,
        prop::option::of(1u32..40),
        prop::option::of(1u32..4),
    )
        .prop_map(|(modern, warn, extra, expiry, limit)| {
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
            r
        })
}

fn action_strategy(people: usize) -> impl Strategy<Value = Action> {
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
    ]
}

fn scenario() -> impl Strategy<Value = (Rules, usize, Vec<Action>)> {
    (rules_strategy(), 2usize..=5).prop_flat_map(|(rules, n)| {
        (
            Just(rules),
            Just(n),
            prop::collection::vec(action_strategy(n), 0..60),
        )
    })
}

fn new_world(rules: Rules, people: usize) -> World {
    let mut w = World::new(rules, start(), 0);
    for h in &HANDLES[..people] {
        let mut p = Person::new(h, &format!("{h} Person"), "");
        p.email = Some(format!("{h}@example.com"));
        w.add_person(p).expect("unique handles");
    }
    w
}

fn views(w: &World) -> Vec<View> {
    (0..w.people().len() as u32)
        .map(|i| w.view(invitesim::model::PersonId(i)))
        .collect()
}

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
