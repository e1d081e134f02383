//! The indistinguishability check (DESIGN V2.1), shared by the property test and the
//! fuzz target: run one story twice, differing only in one recipient's answer to one
//! invitation, and compare what the sender sees and is told. Until the sender's tells
//! differ, their screen and the outcome of each of their own actions must be identical;
//! a difference that no tell explains is a leak.

use crate::model::{Action, MailKind, PersonId, TellKind, View, World};

use super::observe;

/// The answer that differs between the two runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HiddenAnswer {
    NoAnswer,
    Open,
    Ignore,
    DontKnow,
    ReportSpam,
}

impl HiddenAnswer {
    pub const ALL: [HiddenAnswer; 5] = [
        HiddenAnswer::NoAnswer,
        HiddenAnswer::Open,
        HiddenAnswer::Ignore,
        HiddenAnswer::DontKnow,
        HiddenAnswer::ReportSpam,
    ];

    /// The step a recipient `by` takes on `from`'s invitation; no answer is a step that
    /// changes nothing anyone can see (a zero wait), so both runs stay aligned.
    pub fn action(self, by: &str, from: &str) -> Action {
        let (by, from) = (by.to_owned(), from.to_owned());
        match self {
            HiddenAnswer::NoAnswer => Action::Wait {
                days: None,
                hours: None,
                minutes: Some(0),
            },
            HiddenAnswer::Open => Action::Open { by, from },
            HiddenAnswer::Ignore => Action::Ignore { by, from },
            HiddenAnswer::DontKnow => Action::DontKnow { by, from },
            HiddenAnswer::ReportSpam => Action::ReportSpam { by, from },
        }
    }
}

/// One step as the sender lived it: what the screen showed (invitation ids replaced
/// by who and when, so runs that numbered invitations differently compare equal),
/// their own action's outcome, and their tells.
#[derive(Debug, Clone, PartialEq)]
pub struct Lived {
    pub screen: Vec<String>,
    pub outcome: Option<String>,
    pub tells: Vec<TellKind>,
}

/// `world` then `before`, the sender's invitation to the recipient, `answer`, `after`;
/// the sender's experience step by step.
pub fn live(
    world: &World,
    before: &[Action],
    (sender, recipient): (PersonId, PersonId),
    answer: HiddenAnswer,
    after: &[Action],
) -> Vec<Lived> {
    let mut w = world.clone();
    let (s, r) = (
        w.person(sender).handle.clone(),
        w.person(recipient).handle.clone(),
    );
    let send = Action::Send {
        from: s.clone(),
        to: r.clone(),
        note: None,
        email: w.person(recipient).email.clone(),
    };
    let steps = before
        .iter()
        .cloned()
        .chain([send, answer.action(&r, &s)])
        .chain(after.iter().cloned());
    steps
        .map(|a| {
            let o = observe(&mut w, &a, &[sender]);
            let screen = o
                .screen(sender)
                .map(|x| seen(&x.after, &w))
                .unwrap_or_default();
            let tells = o
                .screen(sender)
                .map(|x| x.tells.iter().map(|t| t.kind).collect())
                .unwrap_or_default();
            let outcome = (a.actor() == Some(s.as_str())).then(|| {
                o.refusal
                    .as_ref()
                    .map_or_else(|| "allowed".to_owned(), |r| r.to_string())
            });
            Lived {
                screen,
                outcome,
                tells,
            }
        })
        .collect()
}

/// The first step at which the sender tells two runs apart without a tell, if any.
pub fn leak(one: &[Lived], two: &[Lived]) -> Option<usize> {
    for (step, (x, y)) in one.iter().zip(two).enumerate() {
        if x.tells != y.tells {
            return None;
        }
        if x != y {
            return Some(step);
        }
    }
    None
}

fn seen(v: &View, w: &World) -> Vec<String> {
    let name = |p: PersonId| w.person(p).handle.clone();
    let mut rows = Vec::new();
    for r in &v.invitations {
        rows.push(format!("inbox {} {} {}", name(r.from), r.sent, r.seen));
    }
    for r in &v.archive {
        rows.push(format!("archive {} {}", name(r.from), r.sent));
    }
    for r in &v.sent {
        rows.push(format!("sent {} {} {:?}", name(r.to), r.sent, r.status));
    }
    for (tab, list) in [("note", &v.notifications), ("mail", &v.emails)] {
        for m in list {
            let (kind, inv) = match m.kind {
                MailKind::Invited(i) => ("invited", i),
                MailKind::Reminder(i, _) => ("reminder", i),
                MailKind::Accepted(i) => ("accepted", i),
                MailKind::Replied(i) => ("replied", i),
            };
            let inv = w.invitation(inv);
            let (from, to) = (name(inv.from), name(inv.to));
            rows.push(format!("{tab} {kind} {from} {to} {}", m.at));
        }
    }
    rows.extend(v.network.iter().map(|&p| format!("network {}", name(p))));
    rows.push(format!("{:?}", v.account));
    rows
}
