//! Runs a scenario's script one step at a time over a `World`, judging expectations.
//! Front-end neutral: the transcript, the recorder, the TUI's playback and lessons all
//! use it, and every action goes through `observe`.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use chrono::{DateTime, Utc};

use crate::model::{MailKind, PersonId, Refusal, SentStatus, Tell, ViewDiff, World, diff_summary};
use crate::scenario::{Expectation, InboxExpect, Quiz, SentExpect, Step};

use super::{Observation, observe};

/// What kind of step a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StepKind {
    Say,
    Action,
    Refused,
    Expect,
    Quiz,
}

/// The result of one step, with everything a front end needs to show it.
#[derive(Debug, Clone)]
pub struct StepReport {
    /// 1-based position in the script.
    pub number: usize,
    /// The simulated time after the step.
    pub at: DateTime<Utc>,
    pub kind: StepKind,
    /// Narration, the action's summary, the expectation or the question.
    pub text: String,
    /// False when an expectation failed or an action's outcome was not the one written.
    pub ok: bool,
    /// Why it failed, or the refusal's reason.
    pub detail: Option<String>,
    /// For action steps the rules refused: the reason.
    pub refusal: Option<Refusal>,
    /// The events this step added to the world's log.
    pub events: Range<usize>,
    /// For each pane person, what changed in their view (empty diff: unchanged).
    pub panes: Vec<(PersonId, ViewDiff)>,
    /// For action steps: the whole observation (every watched screen and its tells).
    pub observation: Option<Observation>,
}

/// A script being played: which step is next, and the views kept for `Unchanged`.
/// The world it plays on belongs to the caller (the transcript, the TUI, the recorder).
pub struct Runner {
    steps: Rc<[Step]>,
    panes: [PersonId; 2],
    next: usize,
    /// People whose screens are observed at each action step.
    watched: Vec<PersonId>,
    /// Each watched person's change at the latest action step (for `Unchanged`).
    last: HashMap<PersonId, ViewDiff>,
    /// Every tell each watched person has had so far (for `Tells`).
    tells: HashMap<PersonId, Vec<Tell>>,
}

/// The world a script steps through: every step reads it, only an action changes it.
/// The app's world is shared with the loaded one until its first change
/// (`tui::LiveWorld`), so a narration, a check or a quiz must not ask for it mutably:
/// that would copy a world nothing changes.
pub trait ScriptWorld {
    fn world(&self) -> &World;
    fn world_mut(&mut self) -> &mut World;
}

impl ScriptWorld for World {
    fn world(&self) -> &World {
        self
    }
    fn world_mut(&mut self) -> &mut World {
        self
    }
}

impl Runner {
    /// Starts at the first step; `world` is the script's starting world.
    pub fn new(steps: &[Step], world: &World, panes: (PersonId, PersonId)) -> Runner {
        let (left, right) = panes;
        let mut watched = vec![left, right];
        for step in steps {
            if let Step::Expect(Expectation::Unchanged { who } | Expectation::Tells { who, .. }) =
                step
                && let Some(p) = world.person_id(who)
                && !watched.contains(&p)
            {
                watched.push(p);
            }
        }
        Runner {
            steps: steps.into(),
            panes: [left, right],
            next: 0,
            watched,
            last: HashMap::new(),
            tells: HashMap::new(),
        }
    }

    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The index of the next step to run (the number of steps run so far).
    pub fn position(&self) -> usize {
        self.next
    }

    pub fn is_done(&self) -> bool {
        self.next >= self.steps.len()
    }

    /// The next step, without running it.
    pub fn peek(&self) -> Option<&Step> {
        self.steps.get(self.next)
    }

    /// Runs the next step on `world`, or `None` at the end of the script. Only an
    /// action asks for the world mutably (`ScriptWorld`).
    pub fn step(&mut self, world: &mut impl ScriptWorld) -> Option<StepReport> {
        let steps = Rc::clone(&self.steps);
        let step = steps.get(self.next)?;
        self.next += 1;
        let mark = world.world().log().len();
        let mut report = StepReport {
            number: self.next,
            at: world.world().now(),
            kind: StepKind::Say,
            text: String::new(),
            ok: true,
            detail: None,
            refusal: None,
            events: mark..mark,
            panes: Vec::new(),
            observation: None,
        };
        match step {
            Step::Say(text) => report.text = text.clone(),
            Step::Act(action) | Step::Refused(action) => {
                let must_refuse = matches!(step, Step::Refused(_));
                report.kind = if must_refuse {
                    StepKind::Refused
                } else {
                    StepKind::Action
                };
                report.text = action.summary();
                let seen = observe(world.world_mut(), action, &self.watched);
                report.events = seen.events.clone();
                match (&seen.refusal, must_refuse) {
                    (None, true) => {
                        report.ok = false;
                        report.detail = Some("expected a refusal, but the rules allowed it".into());
                    }
                    (Some(refusal), _) => {
                        report.ok = must_refuse;
                        report.detail = Some(format!("refused: {refusal}"));
                        report.refusal = Some(refusal.clone());
                    }
                    (None, false) => {}
                }
                self.last.clear();
                for screen in &seen.screens {
                    self.last.insert(screen.person, screen.diff.clone());
                    self.tells
                        .entry(screen.person)
                        .or_default()
                        .extend(screen.tells.iter().copied());
                }
                report.panes = self
                    .panes
                    .iter()
                    .map(|&p| {
                        (
                            p,
                            seen.screen(p).map(|s| s.diff.clone()).unwrap_or_default(),
                        )
                    })
                    .collect();
                report.observation = Some(seen);
            }
            Step::Expect(e) => {
                report.kind = StepKind::Expect;
                let (text, expected, actual) = self.judge(world.world(), e);
                report.text = text;
                report.ok = expected == actual;
                if !report.ok {
                    report.detail = Some(format!("expected {expected}, got {actual}"));
                }
            }
            Step::Quiz(q) => {
                report.kind = StepKind::Quiz;
                report.text = q.question.clone();
                report.detail = Some(quiz_answer(q));
            }
        }
        report.at = world.world().now();
        Some(report)
    }

    /// Counts `tells` as already had (a lesson judges the learner's own tells).
    pub fn with_tells(mut self, tells: impl IntoIterator<Item = (PersonId, Tell)>) -> Runner {
        for (p, t) in tells {
            self.tells.entry(p).or_default().push(t);
        }
        self
    }

    /// Every tell `who` has had so far in this run.
    pub fn tells_of(&self, who: PersonId) -> &[Tell] {
        self.tells.get(&who).map_or(&[], Vec::as_slice)
    }

    /// Judges an expectation against `world` now, as the script would at this point.
    pub fn check(&self, world: &World, e: &Expectation) -> bool {
        let (_, expected, actual) = self.judge(world, e);
        expected == actual
    }

    /// A readable form of the expectation, what it expects and what the world shows.
    fn judge(&self, w: &World, e: &Expectation) -> (String, String, String) {
        let id = |h: &str| w.person_id(h).unwrap_or(PersonId(0));
        let text = e.summary();
        let (expected, actual) = match e {
            Expectation::Unchanged { who } => {
                let actual = match self.last.get(&id(who)) {
                    Some(diff) if !diff.is_empty() => {
                        format!("changed ({})", diff_summary(diff, w, w))
                    }
                    _ => "unchanged".into(),
                };
                ("unchanged".to_owned(), actual)
            }
            Expectation::Tells { who, count } => {
                let had = self.tells.get(&id(who)).map_or(0, Vec::len);
                (count.to_string(), had.to_string())
            }
            Expectation::Replied { who, from } => {
                let (who, from) = (id(who), id(from));
                let replied =
                    w.view(who).notifications.iter().any(
                        |m| matches!(m.kind, MailKind::Replied(i) if w.invitation(i).to == from),
                    );
                ("true".to_owned(), replied.to_string())
            }
            Expectation::SentShows { who, to, status } => {
                let (who, to) = (id(who), id(to));
                let shown = w.latest(who, to).and_then(|inv| {
                    w.view(who)
                        .sent
                        .into_iter()
                        .find(|r| r.invitation == inv.id)
                });
                let actual = match shown.map(|r| r.status) {
                    Some(SentStatus::Pending) => SentExpect::Pending,
                    Some(SentStatus::Connected) => SentExpect::Connected,
                    None => SentExpect::Gone,
                };
                (format!("{status:?}"), format!("{actual:?}"))
            }
            Expectation::InboxShows { who, from, status } => {
                let (who, from) = (id(who), id(from));
                let view = w.view(who);
                let actual = match w.latest(from, who).map(|i| i.id) {
                    Some(inv) => {
                        if let Some(r) = view.invitations.iter().find(|r| r.invitation == inv) {
                            if r.seen {
                                InboxExpect::Seen
                            } else {
                                InboxExpect::New
                            }
                        } else if view.archive.iter().any(|r| r.invitation == inv) {
                            InboxExpect::Archived
                        } else {
                            InboxExpect::Gone
                        }
                    }
                    None => InboxExpect::Gone,
                };
                (format!("{status:?}"), format!("{actual:?}"))
            }
            Expectation::Notified { who, count } => (
                count.to_string(),
                w.view(id(who)).notifications.len().to_string(),
            ),
            Expectation::Emails { who, count } => {
                (count.to_string(), w.view(id(who)).emails.len().to_string())
            }
            Expectation::Connected { a, b, is } => (
                is.to_string(),
                w.view(id(a)).network.contains(&id(b)).to_string(),
            ),
            Expectation::Account { who, status } => (
                format!("{status:?}"),
                format!("{:?}", w.view(id(who)).account.standing),
            ),
        };
        (text, expected, actual)
    }
}

fn quiz_answer(q: &Quiz) -> String {
    let right = q.choices.get(q.answer).map_or("?", String::as_str);
    format!("answer: {} {right}", q.answer + 1)
}
