//! Observing one action: each watched person's screen before and after, the change,
//! and the tells it gives them — the same for a script step, a key press and a lesson.

use std::ops::Range;

use crate::model::{Action, Own, PersonId, Refusal, Tell, View, ViewDiff, World, attempt, infer};

/// One person's side of an action.
#[derive(Debug, Clone)]
pub struct Screen {
    pub person: PersonId,
    pub diff: ViewDiff,
    /// What this person can now infer (empty: nothing new).
    pub tells: Vec<Tell>,
    /// Their view after the action.
    pub after: View,
}

/// What one action did, to everyone watched.
#[derive(Debug, Clone)]
pub struct Observation {
    /// "Maya Chen invited Sam Ortiz", or the attempt and its refusal when refused.
    pub headline: String,
    pub refusal: Option<Refusal>,
    /// The events the action added to the world's log.
    pub events: Range<usize>,
    /// The watched people, in the order given, then anyone the action names.
    pub screens: Vec<Screen>,
    /// The person whose inferences matter most here: the sender an answer is about, or
    /// the sender who acted.
    pub subject: Option<PersonId>,
}

impl Observation {
    pub fn allowed(&self) -> bool {
        self.refusal.is_none()
    }

    pub fn screen(&self, p: PersonId) -> Option<&Screen> {
        self.screens.iter().find(|s| s.person == p)
    }
}

/// Applies `action` to `world`, watching `watched` (and anyone the action names).
pub fn observe(world: &mut World, action: &Action, watched: &[PersonId]) -> Observation {
    let mut people = watched.to_vec();
    for h in action.handles() {
        if let Some(p) = world.person_id(h)
            && !people.contains(&p)
        {
            people.push(p);
        }
    }
    let before: Vec<View> = people.iter().map(|&p| world.view(p)).collect();
    let described = action.describe(world);
    let result = world.apply(action);
    let (events, refusal) = match result {
        Ok(range) => (range, None),
        Err(refusal) => (world.log().len()..world.log().len(), Some(refusal)),
    };
    let headline = match &refusal {
        None => described,
        Some(r) => attempt(action, r, world),
    };
    let screens = people
        .iter()
        .zip(before)
        .map(|(&p, before)| {
            let after = world.view(p);
            let own = own(world, action, refusal.as_ref(), p);
            Screen {
                person: p,
                diff: ViewDiff::between(&before, &after),
                tells: infer(&before, &after, own, world.rules(), world.now()),
                after,
            }
        })
        .collect();
    let subject = match action {
        Action::Send { from, .. } => Some(from.as_str()),
        Action::Withdraw { by, .. } => Some(by.as_str()),
        other => other.answered_sender(),
    }
    .and_then(|h| world.person_id(h));
    Observation {
        headline,
        refusal,
        events,
        screens,
        subject,
    }
}

/// What `p` did themselves in this action, as tells need it.
fn own(world: &World, action: &Action, refusal: Option<&Refusal>, p: PersonId) -> Own {
    let Action::Withdraw { by, to } = action else {
        return Own::default();
    };
    if world.person_id(by) != Some(p) {
        return Own::default();
    }
    let to = world.person_id(to);
    match refusal {
        None => Own {
            withdrew: to,
            ..Own::default()
        },
        Some(r) if r.is_withdraw_tell() => Own {
            withdraw_refused: to,
            ..Own::default()
        },
        Some(_) => Own::default(),
    }
}
