//! `invitesim learn`: lessons done in place. Each lesson is a scenario with a goal the
//! learner reaches with the keys, a hint, its stored solution (`S` plays it), and a
//! quiz once the goal is reached. Progress is saved after each lesson.

use std::path::PathBuf;

use crate::scenario::{Lesson, Loaded, Step};
use crate::script::Runner;
use crate::tui::progress::Progress;

use super::app::App;
use super::playback::QuizState;

pub struct Course {
    /// Position in the course (0-based).
    pub index: usize,
    /// Lessons in the course.
    pub total: usize,
    /// The lesson's name, as progress records it (a built-in's name, a file's stem).
    pub name: String,
    pub progress: Progress,
    pub path: Option<PathBuf>,
    pub show_hint: bool,
    /// The learner reached this lesson's goal with their own actions.
    pub reached: bool,
    /// The lesson's quiz, asked once the goal is reached.
    pub quiz: Option<QuizState>,
    /// Set when the learner asks for the next lesson; the run loop loads it.
    pub advance: bool,
    /// Why progress could not be saved, if it could not.
    pub save_error: Option<String>,
}

impl Course {
    pub fn new(
        (index, total): (usize, usize),
        name: &str,
        progress: Progress,
        path: Option<PathBuf>,
    ) -> Course {
        Course {
            index,
            total,
            name: name.to_owned(),
            progress,
            path,
            show_hint: false,
            reached: false,
            quiz: None,
            advance: false,
            save_error: None,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The first of `names` not yet done, or the first of all when every one is.
    pub fn first_open(progress: &Progress, names: &[String]) -> usize {
        names
            .iter()
            .position(|n| !progress.done.contains(n))
            .unwrap_or(0)
    }

    /// A lesson's name for progress: the file's stem (`lesson-01-never-told`).
    pub fn lesson_name(loaded: &Loaded) -> String {
        loaded
            .file
            .trim_end_matches(".ron")
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_owned()
    }
}

impl App {
    pub fn lesson(&self) -> Option<&Lesson> {
        self.loaded.scenario.lesson.as_ref()
    }

    /// After a learner's own action (`App::act`; script steps go around it, so
    /// watching the solution does not count): is the goal reached?
    pub fn check_goal(&mut self) {
        if self.course.as_ref().is_none_or(|c| c.reached) {
            return;
        }
        let Some(lesson) = self.lesson() else {
            return;
        };
        let probe = Runner::new(&[], &self.world, self.loaded.setup.panes)
            .with_tells(self.ledger.iter().map(|&(_, p, t)| (p, t)));
        if !lesson.check.iter().all(|e| probe.check(&self.world, e)) {
            return;
        }
        let quiz = self
            .loaded
            .scenario
            .script
            .iter()
            .position(|s| matches!(s, Step::Quiz(_)))
            .map(|step| QuizState { step, chosen: None });
        let Some(course) = self.course.as_mut() else {
            return;
        };
        course.reached = true;
        course.quiz = quiz;
        let name = course.name().to_owned();
        course.progress.done.insert(name);
        if let Some(path) = &course.path {
            course.save_error = course.progress.save(path).err().map(|e| e.to_string());
        }
    }

    pub fn answer_lesson_quiz(&mut self, choice: usize) {
        let choices = |step: usize| match self.loaded.scenario.script.get(step) {
            Some(Step::Quiz(q)) => q.choices.len(),
            _ => 0,
        };
        let Some(step) = self.course.as_ref().and_then(|c| c.quiz).map(|q| q.step) else {
            return;
        };
        if choice < choices(step)
            && let Some(quiz) = self.course.as_mut().and_then(|c| c.quiz.as_mut())
        {
            quiz.chosen.get_or_insert(choice);
        }
    }

    /// True while the lesson's quiz waits for an answer.
    pub fn lesson_quiz_waiting(&self) -> bool {
        self.course
            .as_ref()
            .and_then(|c| c.quiz)
            .is_some_and(|q| q.chosen.is_none())
    }

    pub fn toggle_hint(&mut self) {
        if let Some(c) = self.course.as_mut() {
            c.show_hint = !c.show_hint;
        }
    }

    /// Plays the stored solution from the lesson's start.
    pub fn show_solution(&mut self) {
        if self.course.is_none() {
            return;
        }
        self.start_script();
        if let Some(pb) = self.playback.as_mut() {
            pb.playing = true;
        }
        self.outcome = Some(super::app::Outcome::note(
            "Watching the stored solution: watching does not mark the lesson done. Space \
             pauses; any action key takes over, and the goal counts when your own key reaches it.",
        ));
    }

    pub fn next_lesson(&mut self) {
        if let Some(c) = self.course.as_mut() {
            c.advance = true;
            self.quit = true;
        }
    }
}
