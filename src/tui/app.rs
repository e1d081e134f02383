//! The app's state and its intents: every key ends in one of these methods, and every
//! change to the world goes through `App::act`, which records what each screen saw.

use std::cell::Cell;

use crate::model::{Action, PersonId, Tab, Tell, View, ViewDiff, World, diff_summary};
use crate::scenario::Loaded;
use crate::script::{Observation, observe};

use super::counts::PaneCounts;
use super::course::Course;
use super::keymap::Command;
use super::overlay::Overlay;
use super::pane::PaneHit;
use super::playback::Playback;
use super::theme::Theme;

/// Events listed in the panel before the rest are counted.
const MAX_EVENTS: usize = 40;

/// One pane: whose screen it shows, which tab, and the selection on each tab.
#[derive(Debug, Clone)]
pub struct PaneState {
    pub person: PersonId,
    pub tab: Tab,
    pub selected: [usize; 7],
    /// The first visible row of the current tab; the renderer keeps the selection in view.
    pub offset: Cell<usize>,
}

impl PaneState {
    fn new(person: PersonId) -> PaneState {
        PaneState {
            person,
            tab: Tab::Invitations,
            selected: [0; 7],
            offset: Cell::new(0),
        }
    }

    pub fn selected(&self) -> usize {
        self.selected[self.tab.index()]
    }
}

/// What the last action did, for the "what just happened" panel and the badges.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// What happened, or for a refused action the attempt and why it was refused.
    pub headline: String,
    pub refusal: Option<String>,
    /// (what happened, who could see it)
    pub events: Vec<(String, String)>,
    pub more_events: usize,
    /// Each watched person's screen diff: the two panes first, then anyone else involved.
    pub screens: Vec<(PersonId, ViewDiff)>,
    /// Each watched person's diff in words (narrated once, when the action happens).
    pub changes: Vec<String>,
    /// What each watched person can now infer.
    pub tells: Vec<(PersonId, Vec<Tell>)>,
    /// The sender whose inferences the panel shows first.
    pub subject: Option<PersonId>,
    /// The sender an answer was about, when the action was a recipient's answer.
    pub answered_sender: Option<PersonId>,
    /// A note about the app itself (nothing was attempted), e.g. "select a row first".
    pub note: Option<String>,
}

impl Outcome {
    pub fn note(text: impl Into<String>) -> Outcome {
        Outcome {
            note: Some(text.into()),
            ..Outcome::default()
        }
    }

    pub fn diff_for(&self, p: PersonId) -> Option<&ViewDiff> {
        self.screens.iter().find(|(q, _)| *q == p).map(|(_, d)| d)
    }
}

pub struct App {
    pub loaded: Loaded,
    pub world: World,
    /// Every action applied since the start, for undo by replay.
    pub actions: Vec<Action>,
    pub panes: [PaneState; 2],
    pub focus: usize,
    /// The two panes' views, refreshed after every change (never per frame).
    pub views: [View; 2],
    pub outcome: Option<Outcome>,
    pub xray: bool,
    pub overlay: Overlay,
    pub theme: Theme,
    pub mouse: bool,
    pub quit: bool,
    /// Where the panes were last drawn, for mouse clicks.
    pub hits: Cell<[PaneHit; 2]>,
    /// The scenario's script, while it is loaded.
    pub playback: Option<Playback>,
    /// The person acted since the session was last saved (script steps do not count:
    /// watching a playback is not exploring).
    pub dirty: bool,
    /// The course, when the app runs `invitesim learn`.
    pub course: Option<Course>,
    /// What each pane's Pending rows really are (for x-ray), counted on refresh.
    pub counts: [PaneCounts; 2],
    /// The world was last reset to the script's start (not to a saved session's end):
    /// what undo replays from.
    at_script_start: bool,
    /// Every tell so far: (actions taken before it, who, the tell), so undo can drop
    /// the tells of what it undoes. Lessons judge `Tells` against it.
    pub ledger: Vec<(usize, PersonId, Tell)>,
}

impl App {
    pub fn new(loaded: Loaded, theme: Theme) -> App {
        let world = loaded.setup.world.clone();
        let (l, r) = loaded.setup.panes;
        let views = [world.view(l), world.view(r)];
        let mut app = App {
            loaded,
            world,
            actions: Vec::new(),
            panes: [PaneState::new(l), PaneState::new(r)],
            focus: 0,
            views,
            outcome: None,
            xray: false,
            overlay: Overlay::None,
            theme,
            mouse: true,
            quit: false,
            hits: Cell::new([PaneHit::default(); 2]),
            playback: None,
            dirty: false,
            course: None,
            counts: [PaneCounts::default(); 2],
            ledger: Vec::new(),
            at_script_start: false,
        };
        // Starting a script resets the world and refreshes; otherwise refresh here.
        app.start_script();
        // A saved session opens where it was saved, exploring; r goes to the script.
        if app.loaded.setup.script_world.is_some() && app.playback.is_some() {
            app.world = app.loaded.setup.world.clone();
            app.at_script_start = false;
            app.take_over();
            app.refresh();
        }
        if app.playback.is_none() {
            app.refresh();
        }
        app
    }

    /// Back to the scenario's starting world, with no actions taken.
    pub fn reset_world(&mut self) {
        self.world = self.loaded.setup.script_start().clone();
        self.at_script_start = true;
        self.actions.clear();
        self.ledger.clear();
        self.outcome = None;
        self.refresh();
    }

    pub fn focused(&self) -> &PaneState {
        &self.panes[self.focus]
    }

    pub fn focused_person(&self) -> PersonId {
        self.panes[self.focus].person
    }

    fn handle(&self, p: PersonId) -> String {
        self.world.person(p).handle.clone()
    }

    /// Why `command` does nothing here, if it does nothing: a key pressed where it has
    /// no effect says so in one line instead of doing nothing silently.
    fn idle_reason(&self, command: Command) -> Option<String> {
        let script = matches!(
            command,
            Command::PlayPause | Command::StepForward | Command::StepBack
        );
        let restart = matches!(command, Command::Restart | Command::RestartFromStart);
        match &self.playback {
            None if (script || restart) && self.course.is_some() => {
                Some("In a lesson, S plays the stored solution.".into())
            }
            None if script || restart => Some("This scenario has no script to play.".into()),
            Some(pb) if script && !pb.following => Some(
                "You are exploring on your own: r goes back to the script where you left it."
                    .into(),
            ),
            Some(pb) if script && command != Command::StepBack && pb.waiting_for_answer() => {
                Some("Answer the quiz first: press the number of your choice.".into())
            }
            _ => None,
        }
    }

    /// Runs one command from the keymap.
    pub fn run(&mut self, command: Command) {
        if let Some(reason) = self.idle_reason(command) {
            self.outcome = Some(Outcome::note(reason));
            return;
        }
        if command.takes_over() {
            self.take_over();
        }
        match command {
            Command::Quit => self.ask_to_quit(),
            Command::Save => self.open_save(),
            Command::SwitchPane => self.focus = 1 - self.focus,
            Command::NextTab => self.step_tab(1),
            Command::PrevTab => self.step_tab(Tab::ALL.len() - 1),
            Command::Tab(i) => self.set_tab(self.focus, Tab::ALL[i.min(6)]),
            Command::Down => self.move_selection(1),
            Command::Up => self.move_selection(-1),
            Command::Top => self.move_selection(isize::MIN),
            Command::Bottom => self.move_selection(isize::MAX),
            Command::Accept
            | Command::Ignore
            | Command::DontKnow
            | Command::ReportSpam
            | Command::Open => self.answer(command),
            Command::Reply => self.reply_prompt(),
            Command::Withdraw => self.withdraw(),
            Command::Invite => self.overlay = Overlay::invite_picker(),
            Command::PickPerson => self.overlay = Overlay::pane_picker(),
            Command::Day => self.act(Action::wait_days(1)),
            Command::Week => self.act(Action::wait_days(7)),
            Command::Xray => self.xray = !self.xray,
            Command::Undo => self.undo(),
            Command::Help => self.overlay = Overlay::help(),
            Command::Mouse => {
                self.mouse = !self.mouse;
                self.outcome = Some(Outcome::note(if self.mouse {
                    "Mouse capture on: click panes, tabs and rows; the wheel scrolls."
                } else {
                    "Mouse capture off: the terminal can select text. m turns it back on."
                }));
            }
            Command::PlayPause => self.script_toggle_play(),
            Command::StepForward => self.script_step(),
            Command::StepBack => self.script_back(),
            Command::Restart => self.return_to_script(false),
            Command::RestartFromStart => self.restart_script(false),
            Command::Hint => self.toggle_hint(),
            Command::Solution => self.show_solution(),
            Command::NextLesson => self.next_lesson(),
        }
    }

    fn step_tab(&mut self, by: usize) {
        let tab = Tab::ALL[(self.focused().tab.index() + by) % Tab::ALL.len()];
        self.set_tab(self.focus, tab);
    }

    pub fn set_tab(&mut self, pane: usize, tab: Tab) {
        self.panes[pane].tab = tab;
        self.panes[pane].offset.set(0);
    }

    /// Rows on the focused pane's current tab.
    pub fn row_count(&self, pane: usize) -> usize {
        let v = &self.views[pane];
        match self.panes[pane].tab {
            Tab::Invitations => v.invitations.len(),
            Tab::Archive => v.archive.len(),
            Tab::Sent => v.sent.len(),
            Tab::Notifications => v.notifications.len(),
            Tab::Emails => v.emails.len(),
            Tab::Network => v.network.len(),
            Tab::Account => 0,
        }
    }

    pub fn move_selection(&mut self, by: isize) {
        let n = self.row_count(self.focus);
        let pane = &mut self.panes[self.focus];
        let i = pane.tab.index();
        let last = n.saturating_sub(1);
        pane.selected[i] = pane.selected[i].saturating_add_signed(by).min(last);
    }

    pub fn select_row(&mut self, pane: usize, row: usize) {
        let n = self.row_count(pane);
        let p = &mut self.panes[pane];
        p.selected[p.tab.index()] = row.min(n.saturating_sub(1));
    }

    /// The other person of the selected row on an inbox tab (the sender).
    fn selected_sender(&self) -> Option<PersonId> {
        let (pane, view) = (self.focused(), &self.views[self.focus]);
        let rows = match pane.tab {
            Tab::Invitations => &view.invitations,
            Tab::Archive => &view.archive,
            _ => return None,
        };
        rows.get(pane.selected()).map(|r| r.from)
    }

    fn answer(&mut self, command: Command) {
        let Some(from) = self.selected_sender() else {
            self.outcome = Some(Outcome::note(
                "Select an invitation first: the Invitations or Archive tab of the person who received it.",
            ));
            return;
        };
        let (by, from) = (self.handle(self.focused_person()), self.handle(from));
        self.act(match command {
            Command::Accept => Action::Accept { by, from },
            Command::Ignore => Action::Ignore { by, from },
            Command::DontKnow => Action::DontKnow { by, from },
            Command::ReportSpam => Action::ReportSpam { by, from },
            _ => Action::Open { by, from },
        });
    }

    /// Opens the reply composer for the selected invitation.
    fn reply_prompt(&mut self) {
        match self.selected_sender() {
            Some(from) => {
                self.overlay = Overlay::Compose(super::overlay::Compose::reply(from));
            }
            None => {
                self.outcome = Some(Outcome::note(
                    "Select an invitation first: the Invitations or Archive tab of the person who received it.",
                ));
            }
        }
    }

    fn withdraw(&mut self) {
        let pane = self.focused();
        let row = (pane.tab == Tab::Sent)
            .then(|| self.views[self.focus].sent.get(pane.selected()))
            .flatten();
        let Some(row) = row else {
            self.outcome = Some(Outcome::note(
                "Select a sent invitation first: the Sent tab of the person who sent it.",
            ));
            return;
        };
        let (by, to) = (self.handle(self.focused_person()), self.handle(row.to));
        self.act(Action::Withdraw { by, to });
    }

    /// Applies an action through the script engine, keeping what each screen saw.
    pub fn act(&mut self, action: Action) {
        let panes = [self.panes[0].person, self.panes[1].person];
        let seen = observe(&mut self.world, &action, &panes);
        let allowed = seen.allowed();
        self.note_tells(&seen);
        if allowed {
            self.actions.push(action.clone());
        }
        self.show(&action, seen);
        self.dirty |= allowed && self.course.is_none();
        self.check_goal();
    }

    /// Every action since the scenario's own start: a saved session's, unless the world
    /// was reset to the script's start since, then the ones taken here.
    pub fn actions_since_start(&self) -> Vec<&Action> {
        let saved = if self.at_script_start {
            &[][..]
        } else {
            &self.loaded.setup.actions[..]
        };
        saved.iter().chain(&self.actions).collect()
    }

    /// Adds an observation's tells to the ledger, stamped with the actions before it.
    pub fn note_tells(&mut self, seen: &Observation) {
        let stamp = self.actions.len();
        for s in &seen.screens {
            self.ledger
                .extend(s.tells.iter().map(|&t| (stamp, s.person, t)));
        }
    }

    /// Shows an observed action: the panel, the badges, and the panes' new views.
    pub fn show(&mut self, action: &Action, seen: Observation) {
        let mut outcome = Outcome {
            headline: seen.headline,
            refusal: seen.refusal.map(|r| r.to_string()),
            answered_sender: action
                .answered_sender()
                .and_then(|h| self.world.person_id(h)),
            subject: seen.subject,
            ..Outcome::default()
        };
        let events = &self.world.log()[seen.events];
        outcome.more_events = events.len().saturating_sub(MAX_EVENTS);
        outcome.events = events
            .iter()
            .take(MAX_EVENTS)
            .map(|e| (e.describe(&self.world), e.seen_by(&self.world)))
            .collect();
        // The panes' new views are the observation's own, moved rather than copied (a
        // busy Sent list is large); a person in both panes is copied once.
        let panes = [self.panes[0].person, self.panes[1].person];
        let mut fresh: [Option<View>; 2] = [None, None];
        for screen in seen.screens {
            outcome
                .changes
                .push(diff_summary(&screen.diff, &self.world, &self.world));
            outcome.screens.push((screen.person, screen.diff));
            outcome.tells.push((screen.person, screen.tells));
            if panes[0] == screen.person && fresh[0].is_none() {
                if panes[1] == screen.person {
                    fresh[1] = Some(screen.after.clone());
                }
                fresh[0] = Some(screen.after);
            } else if panes[1] == screen.person && fresh[1].is_none() {
                fresh[1] = Some(screen.after);
            }
        }
        for (i, view) in fresh.into_iter().enumerate() {
            self.views[i] = view.unwrap_or_else(|| self.world.view(panes[i]));
        }
        self.outcome = Some(outcome);
        self.refresh_counts();
    }

    /// The app on a lesson: no playback until the learner asks for the solution.
    pub fn for_lesson(loaded: Loaded, theme: Theme, course: Course) -> App {
        let mut app = App::new(loaded, theme);
        app.playback = None;
        app.course = Some(course);
        // Focus the pane of the person the lesson's solution acts as first: the
        // learner starts where their first key press belongs.
        let actor = (app.loaded.scenario.script.iter())
            .find_map(|s| s.action()?.actor())
            .and_then(|h| app.world.person_id(h));
        if let Some(p) = actor
            && app.panes[0].person != p
            && app.panes[1].person == p
        {
            app.focus = 1;
        }
        app
    }

    /// Undoes the last action by replaying all the others from the start.
    pub fn undo(&mut self) {
        let Some(last) = self.actions.pop() else {
            self.outcome = Some(Outcome::note(
                "Nothing to undo: this is the scenario's start.",
            ));
            return;
        };
        self.dirty = self.course.is_none();
        let kept = self.actions.len();
        self.ledger.retain(|&(stamp, ..)| stamp < kept);
        let people = [self.panes[0].person, self.panes[1].person];
        let before: Vec<View> = people.iter().map(|&p| self.world.view(p)).collect();
        let mut world = if self.at_script_start {
            self.loaded.setup.script_start().clone()
        } else {
            self.loaded.setup.world.clone()
        };
        for a in &self.actions {
            // Every one of these was allowed before, on the same world: replay is exact.
            let _ = world.apply(a);
        }
        let old = std::mem::replace(&mut self.world, world);
        let mut outcome = Outcome {
            headline: format!("Undone: {}", last.describe(&self.world)),
            ..Outcome::default()
        };
        for (&p, b) in people.iter().zip(&before) {
            let diff = ViewDiff::between(b, &self.world.view(p));
            outcome.changes.push(diff_summary(&diff, &old, &self.world));
            outcome.screens.push((p, diff));
        }
        self.outcome = Some(outcome);
        self.refresh();
    }

    /// Sends an invitation from the focused person (the compose overlay's result).
    pub fn invite(&mut self, to: PersonId, note: String, email: String) {
        let from = self.handle(self.focused_person());
        let to = self.handle(to);
        let note = Some(note).filter(|n| !n.trim().is_empty());
        let email = Some(email).filter(|e| !e.trim().is_empty());
        let sent_before = self.actions.len();
        self.act(Action::Send {
            from,
            to,
            note,
            email,
        });
        if self.actions.len() > sent_before {
            // Show the sender their new Pending row, newest first.
            self.set_tab(self.focus, Tab::Sent);
            self.select_row(self.focus, 0);
        }
    }

    pub fn show_person(&mut self, person: PersonId) {
        self.panes[self.focus] = PaneState::new(person);
        self.outcome = None;
        self.refresh();
    }

    /// Recomputes the pane views and keeps each selection inside its list.
    pub fn refresh(&mut self) {
        for i in 0..2 {
            self.views[i] = self.world.view(self.panes[i].person);
        }
        self.refresh_counts();
    }

    /// Recounts what the panes show and keeps each selection inside its list.
    fn refresh_counts(&mut self) {
        for i in 0..2 {
            self.counts[i] = PaneCounts::of(&self.views[i], &self.world);
            let n = self.row_count(i);
            let p = &mut self.panes[i];
            let t = p.tab.index();
            p.selected[t] = p.selected[t].min(n.saturating_sub(1));
        }
    }

    /// The world's standing reason a Send from the focused person needs an email.
    pub fn needs_email(&self) -> bool {
        let account = &self.world.lists(self.focused_person()).account;
        account.standing == crate::model::Standing::Restricted && account.restricted_until.is_none()
    }
}
