//! Playing a scenario's script in the app: narration, step / play / pause / back /
//! restart, expectations marked live, quizzes that pause and ask. The viewer can take
//! over with any action key and return with `r`.

use std::io;
use std::time::Duration;

use crate::scenario::Step;
use crate::script::Runner;

use super::app::App;
use super::overlay::{Discard, Overlay};

/// How long a step stays on screen at speed 1 before auto-advance moves on.
const SAY_DELAY: Duration = Duration::from_millis(2600);
const ACTION_DELAY: Duration = Duration::from_millis(1600);
const EXPECT_DELAY: Duration = Duration::from_millis(500);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuizState {
    /// Index of the quiz step in the script.
    pub step: usize,
    pub chosen: Option<usize>,
}

pub struct Playback {
    pub runner: Runner,
    /// For each step run so far: whether it held (None for narration and quizzes).
    pub marks: Vec<Option<bool>>,
    pub playing: bool,
    /// False once the viewer took over with an action key.
    pub following: bool,
    /// Where the viewer took over, and how many actions they had then: `r` returns
    /// there, asking first if they acted since.
    pub left_at: Option<(usize, usize)>,
    pub narration: Option<String>,
    pub quiz: Option<QuizState>,
    pub right: usize,
    pub asked: usize,
    pub speed: f64,
}

impl Playback {
    pub fn position(&self) -> usize {
        self.runner.position()
    }

    pub fn is_done(&self) -> bool {
        self.runner.is_done()
    }

    pub(super) fn waiting_for_answer(&self) -> bool {
        self.quiz.is_some_and(|q| q.chosen.is_none())
    }

    /// Expectations and action steps that held / that were judged.
    pub fn held(&self) -> (usize, usize) {
        let judged = self.marks.iter().flatten();
        (judged.clone().filter(|&&ok| ok).count(), judged.count())
    }
}

impl App {
    /// True while a quiz waits for its answer (digits answer it instead of picking tabs).
    pub fn quiz_waiting(&self) -> bool {
        self.playback
            .as_ref()
            .is_some_and(Playback::waiting_for_answer)
    }

    /// (Re)starts the script from the scenario's starting world, paused at step 1.
    pub fn start_script(&mut self) {
        if self.loaded.scenario.script.is_empty() {
            self.playback = None;
            return;
        }
        let speed = self.playback.as_ref().map_or(1.0, |p| p.speed);
        self.reset_world();
        let steps = &self.loaded.scenario.script;
        let runner = Runner::new(steps, &self.world, self.loaded.setup.panes);
        self.playback = Some(Playback {
            runner,
            marks: Vec::new(),
            playing: false,
            following: true,
            left_at: None,
            narration: None,
            quiz: None,
            right: 0,
            asked: 0,
            speed,
        });
    }

    /// Runs the next script step (an unanswered quiz holds it).
    pub fn script_step(&mut self) {
        let Some(mut pb) = self.playback.take() else {
            return;
        };
        if !pb.following || pb.waiting_for_answer() {
            self.playback = Some(pb);
            return;
        }
        pb.quiz = None;
        let index = pb.position();
        match pb.runner.peek().cloned() {
            None => pb.playing = false,
            Some(Step::Act(action) | Step::Refused(action)) => {
                let report = pb.runner.step(&mut self.world);
                let held = report.as_ref().is_some_and(|r| r.ok);
                if let Some(seen) = report.and_then(|r| r.observation) {
                    self.note_tells(&seen);
                    if seen.allowed() {
                        self.actions.push(action.clone());
                    }
                    self.show(&action, seen);
                }
                pb.marks.push(Some(held));
                self.follow_changes();
            }
            Some(Step::Say(text)) => {
                pb.runner.step(&mut self.world);
                pb.narration = Some(text);
                pb.marks.push(None);
            }
            Some(Step::Expect(_)) => {
                let ok = pb.runner.step(&mut self.world).is_some_and(|r| r.ok);
                pb.marks.push(Some(ok));
            }
            Some(Step::Quiz(_)) => {
                pb.runner.step(&mut self.world);
                pb.marks.push(None);
                pb.quiz = Some(QuizState {
                    step: index,
                    chosen: None,
                });
                pb.asked += 1;
                pb.playing = false;
            }
        }
        if pb.is_done() {
            pb.playing = false;
        }
        self.playback = Some(pb);
    }

    /// Goes back one step by replaying the script from the start (quizzes on the way
    /// are passed, not asked again).
    pub fn script_back(&mut self) {
        let Some(target) = self
            .playback
            .as_ref()
            .map(|p| p.position().saturating_sub(1))
        else {
            return;
        };
        self.script_seek(target);
    }

    /// Replays the script from the start up to (not including) step `target`.
    pub fn script_seek(&mut self, target: usize) {
        self.start_script();
        self.outcome = None;
        while let Some(pb) = self.playback.as_mut() {
            if pb.position() >= target || pb.is_done() {
                break;
            }
            if pb.waiting_for_answer() {
                pb.quiz = None;
            }
            self.script_step();
        }
        if let Some(pb) = self.playback.as_mut()
            && pb.waiting_for_answer()
            && pb.position() > target
        {
            pb.quiz = None;
        }
    }

    /// Play / pause; at the end, play again from the start.
    pub fn script_toggle_play(&mut self) {
        let done = self
            .playback
            .as_ref()
            .is_some_and(|p| p.is_done() && p.following);
        if done {
            self.start_script();
        }
        if let Some(pb) = self.playback.as_mut() {
            pb.playing = !pb.playing && pb.following && !pb.waiting_for_answer();
        }
    }

    /// The viewer acts on their own: playback stops following the script.
    pub fn take_over(&mut self) {
        let acted = self.actions.len();
        if let Some(pb) = self.playback.as_mut()
            && pb.following
        {
            pb.following = false;
            pb.playing = false;
            pb.quiz = None;
            pb.left_at = Some((pb.position(), acted));
        }
    }

    /// `r`: back to the script where the viewer left it (its start for a resumed
    /// session); asks first when that would discard what they did while exploring.
    pub fn return_to_script(&mut self, confirmed: bool) {
        let Some(pb) = self.playback.as_ref() else {
            return;
        };
        if pb.following {
            return self.start_script();
        }
        let (at, acted) = pb.left_at.unwrap_or((0, 0));
        if !confirmed && self.actions.len() > acted {
            self.overlay = Overlay::Discard(Discard::Return(at));
            return;
        }
        self.overlay = Overlay::None;
        self.script_seek(at);
    }

    /// `R`: the script from its first step; asks first when exploring would be lost.
    pub fn restart_script(&mut self, confirmed: bool) {
        let exploring = self
            .playback
            .as_ref()
            .is_some_and(|pb| !pb.following && self.actions.len() > pb.left_at.map_or(0, |l| l.1));
        if exploring && !confirmed {
            self.overlay = Overlay::Discard(Discard::Restart);
            return;
        }
        self.overlay = Overlay::None;
        self.start_script();
    }

    pub fn answer_quiz(&mut self, choice: usize) {
        let Some(pb) = self.playback.as_mut() else {
            return;
        };
        let Some(quiz) = pb.quiz.as_mut().filter(|q| q.chosen.is_none()) else {
            return;
        };
        let Some(Step::Quiz(q)) = pb.runner.steps().get(quiz.step) else {
            return;
        };
        if choice < q.choices.len() {
            quiz.chosen = Some(choice);
            pb.right += usize::from(choice == q.answer);
        }
    }

    /// Turns each pane to the tab where the last action added or changed a row, so a
    /// playing script shows its effect; an unchanged pane stays where it is.
    fn follow_changes(&mut self) {
        for i in 0..2 {
            let person = self.panes[i].person;
            let Some(diff) = self.outcome.as_ref().and_then(|o| o.diff_for(person)) else {
                continue;
            };
            if !diff.changed_rows(self.panes[i].tab).is_empty() {
                continue;
            }
            let target = diff.tabs.iter().find(|t| !t.rows.is_empty()).map(|t| t.tab);
            if let Some(tab) = target {
                self.set_tab(i, tab);
                self.refresh();
            }
        }
    }

    /// Plays the whole script with no one at the keys, calling `frame` after each step
    /// with the step's index and whether it is a quiz's question, and once more after
    /// the quiz is answered (with its right answer). `export::film` is built on this.
    pub fn play_through(
        &mut self,
        mut frame: impl FnMut(&App, usize, bool) -> io::Result<()>,
    ) -> io::Result<()> {
        while let Some(i) = self
            .playback
            .as_ref()
            .filter(|p| !p.is_done())
            .map(Playback::position)
        {
            self.script_step();
            let question = self.quiz_waiting();
            frame(self, i, question)?;
            if question {
                let right = match self.playback.as_ref().and_then(|p| p.runner.steps().get(i)) {
                    Some(Step::Quiz(q)) => q.answer,
                    _ => 0,
                };
                self.answer_quiz(right);
                frame(self, i, false)?;
            }
        }
        Ok(())
    }

    /// Script steps run so far that did not turn out as written.
    pub fn script_failures(&self) -> usize {
        self.playback.as_ref().map_or(0, |p| {
            let (held, judged) = p.held();
            judged - held
        })
    }

    /// How long until auto-advance runs the next step, when playing.
    pub fn next_tick(&self) -> Option<Duration> {
        let pb = self.playback.as_ref().filter(|p| p.playing)?;
        let base = match pb.runner.peek()? {
            Step::Say(_) => SAY_DELAY,
            Step::Act(_) | Step::Refused(_) => ACTION_DELAY,
            Step::Expect(_) => EXPECT_DELAY,
            Step::Quiz(_) => Duration::ZERO,
        };
        Some(base.div_f64(pb.speed.max(0.05)))
    }
}
