//! The app's state and its intents: every key ends in one of these methods, and every
//! change to the world goes through `App::act`, which records what each screen saw.

use std::cell::Cell;

use crate::model::{Action, Mail, PersonId, Tab, Tell, View, ViewDiff, World, diff_summary};
use crate::scenario::Loaded;
use crate::script::{Observation, observe};

use super::counts::PaneCounts;
use super::course::Course;
use super::keymap::{Command, Keymap};
use super::live::LiveWorld;
use super::overlay::{Compose, Overlay};
use super::pane::PaneHit;
use super::playback::Playback;
use super::theme::Theme;

/// Events listed in the panel before the rest are counted.
const MAX_EVENTS: usize = 40;

/// One pane: whose screen it shows, which tab, the selection on each tab, what the
/// person sees (their view, refreshed after every change, never per frame) and its
/// counts, and the list filter.
#[derive(Debug, Clone)]
pub struct Pane {
    pub(super) person: PersonId,
    pub(super) tab: Tab,
    pub(super) selected: [usize; 7],
    /// The first visible row of the current tab; the renderer keeps the selection in view.
    pub(super) offset: Cell<usize>,
    pub(super) view: View,
    pub(super) counts: PaneCounts,
    pub(super) filter: String,
    /// With a filter: the current tab's rows that match it, as indexes into its list.
    pub(super) matches: Option<Vec<usize>>,
}

impl Pane {
    fn new(person: PersonId, world: &World) -> Pane {
        let view = world.view(person);
        Pane {
            person,
            tab: Tab::Invitations,
            selected: [0; 7],
            offset: Cell::new(0),
            counts: PaneCounts::of(&view, world),
            view,
            filter: String::new(),
            matches: None,
        }
    }

    pub fn person(&self) -> PersonId {
        self.person
    }

    pub fn tab(&self) -> Tab {
        self.tab
    }

    pub fn view(&self) -> &View {
        &self.view
    }

    pub fn counts(&self) -> &PaneCounts {
        &self.counts
    }

    pub fn filter(&self) -> &str {
        &self.filter
    }

    /// Rows in a tab's whole list.
    pub fn list_len(&self, tab: Tab) -> usize {
        let v = &self.view;
        match tab {
            Tab::Invitations => v.invitations.len(),
            Tab::Archive => v.archive.len(),
            Tab::Sent => v.sent.len(),
            Tab::Notifications => v.notifications.len(),
            Tab::Emails => v.emails.len(),
            Tab::Network => v.network.len(),
            Tab::Account => 0,
        }
    }

    /// No rows shown on the current tab.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Rows shown on the current tab (those matching the filter, if one is set).
    pub fn len(&self) -> usize {
        self.matches
            .as_ref()
            .map_or_else(|| self.list_len(self.tab), Vec::len)
    }

    /// The list index of the `k`th row shown.
    pub fn index(&self, k: usize) -> usize {
        self.matches.as_ref().map_or(k, |m| m[k])
    }

    /// The selected row, as a position among the rows shown.
    pub fn selected(&self) -> usize {
        self.selected[self.tab.index()]
    }

    /// The selected row as an index into the current tab's list, if there is one.
    pub fn selected_index(&self) -> Option<usize> {
        (self.selected() < self.len()).then(|| self.index(self.selected()))
    }

    fn clamp(&mut self) {
        let n = self.len();
        let t = self.tab.index();
        self.selected[t] = self.selected[t].min(n.saturating_sub(1));
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
    pub(super) loaded: Loaded,
    pub(super) world: LiveWorld,
    /// Every action applied since the start, for undo by replay.
    pub(super) actions: Vec<Action>,
    pub(super) panes: [Pane; 2],
    pub(super) focus: usize,
    pub(super) outcome: Option<Outcome>,
    /// A one-line answer to the last key that changed only the app (a toggle, a pick,
    /// a key that does nothing here): shown in the footer until the next key.
    pub(super) status: Option<String>,
    pub(super) xray: bool,
    pub(super) overlay: Overlay,
    pub(super) theme: Theme,
    pub(super) keymap: Keymap,
    pub(super) mouse: bool,
    pub(super) quit: bool,
    /// Where the panes were last drawn, for mouse clicks.
    pub(super) hits: Cell<[PaneHit; 2]>,
    /// Lines of the "what just happened" panel scrolled past; any other command
    /// brings the panel back to its top.
    pub(super) panel_scroll: usize,
    /// The panel's lines and the rows it had, as last drawn (for scrolling).
    pub(super) panel_fit: Cell<(usize, usize)>,
    /// The scenario's script, while it is loaded.
    pub(super) playback: Option<Playback>,
    /// The person acted since the session was last saved (script steps do not count:
    /// watching a playback is not exploring).
    pub(super) dirty: bool,
    /// The course, when the app runs `invitesim learn`.
    pub(super) course: Option<Course>,
    /// The world was last reset to the script's start (not to a saved session's end):
    /// what undo replays from.
    at_script_start: bool,
    /// Every tell so far: (actions taken before it, who, the tell), so undo can drop
    /// the tells of what it undoes. Lessons judge `Tells` against it.
    pub(super) ledger: Vec<(usize, PersonId, Tell)>,
    /// Ctrl-S hands the session over as a download (a web page) instead of asking for
    /// a path to write.
    pub(super) downloads: bool,
    /// A saved session waiting for the page to download it.
    pub(super) download: Option<Download>,
    /// Drawn for a recording (a cast, an SVG, `--screens`): the footer is a caption
    /// carrying the step's narration, the active tab is bracketed so plain text shows
    /// it, and nothing says which key to press.
    pub(super) recording: bool,
}

/// A session saved as a file to download: its name and scenario text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Download {
    pub name: String,
    pub text: String,
}

impl App {
    pub fn new(loaded: Loaded, theme: Theme) -> App {
        App::with_keymap(loaded, theme, Keymap::default())
    }

    /// The app with a person's own keymap.
    pub fn with_keymap(loaded: Loaded, theme: Theme, keymap: Keymap) -> App {
        let world = LiveWorld::shared(&loaded.setup.world);
        let (l, r) = loaded.setup.panes;
        let panes = [Pane::new(l, &world), Pane::new(r, &world)];
        let mut app = App {
            loaded,
            world,
            actions: Vec::new(),
            panes,
            focus: 0,
            outcome: None,
            status: None,
            xray: false,
            overlay: Overlay::None,
            theme,
            keymap,
            mouse: true,
            quit: false,
            hits: Cell::new([PaneHit::default(); 2]),
            panel_scroll: 0,
            panel_fit: Cell::new((0, 0)),
            playback: None,
            dirty: false,
            course: None,
            ledger: Vec::new(),
            at_script_start: false,
            downloads: false,
            download: None,
            recording: false,
        };
        // Starting a script resets the world and refreshes; otherwise refresh here.
        app.start_script();
        // A saved session opens where it was saved, exploring; r goes to the script.
        if app.loaded.setup.script_world.is_some() && app.playback.is_some() {
            app.world.share(&app.loaded.setup.world);
            app.at_script_start = false;
            app.take_over();
            app.refresh();
        }
        if app.playback.is_none() {
            app.refresh();
        }
        app
    }

    // What tests, benchmarks and the command line may read.

    pub fn world(&self) -> &World {
        &self.world
    }

    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    pub fn pane(&self, i: usize) -> &Pane {
        &self.panes[i]
    }

    /// Which pane has the focus: 0 left, 1 right.
    pub fn focus(&self) -> usize {
        self.focus
    }

    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }

    /// The footer's one-line answer to the last key, if it has one.
    pub fn status(&self) -> Option<&str> {
        self.status.as_deref()
    }

    pub fn overlay(&self) -> &Overlay {
        &self.overlay
    }

    pub fn playback(&self) -> Option<&Playback> {
        self.playback.as_ref()
    }

    pub fn course(&self) -> Option<&Course> {
        self.course.as_ref()
    }

    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The person asked to quit (and was not asked to confirm, or confirmed).
    pub fn quitting(&self) -> bool {
        self.quit
    }

    /// The person acted since the session was last saved.
    pub fn dirty(&self) -> bool {
        self.dirty
    }

    pub fn mouse(&self) -> bool {
        self.mouse
    }

    /// Turns mouse capture on or off (the command line's `--no-mouse`).
    pub fn set_mouse(&mut self, on: bool) {
        self.mouse = on;
    }

    /// Back to the scenario's starting world, with no actions taken.
    pub fn reset_world(&mut self) {
        self.world.share(self.loaded.setup.script_start());
        self.at_script_start = true;
        self.actions.clear();
        self.ledger.clear();
        self.outcome = None;
        self.refresh();
    }

    pub fn focused(&self) -> &Pane {
        &self.panes[self.focus]
    }

    pub fn focused_person(&self) -> PersonId {
        self.panes[self.focus].person
    }

    fn handle(&self, p: PersonId) -> String {
        self.world.person(p).handle.clone()
    }

    pub(super) fn step_tab(&mut self, by: usize) {
        let tab = Tab::ALL[(self.focused().tab.index() + by) % Tab::ALL.len()];
        self.set_tab(self.focus, tab);
    }

    pub(super) fn set_tab(&mut self, pane: usize, tab: Tab) {
        let p = &mut self.panes[pane];
        if p.tab != tab {
            p.filter.clear();
            p.matches = None;
        }
        p.tab = tab;
        p.offset.set(0);
    }

    /// Rows shown on a pane's current tab.
    pub fn row_count(&self, pane: usize) -> usize {
        self.panes[pane].len()
    }

    pub(super) fn move_selection(&mut self, by: isize) {
        let n = self.row_count(self.focus);
        let pane = &mut self.panes[self.focus];
        let i = pane.tab.index();
        let last = n.saturating_sub(1);
        pane.selected[i] = pane.selected[i].saturating_add_signed(by).min(last);
    }

    pub(super) fn select_row(&mut self, pane: usize, row: usize) {
        let p = &mut self.panes[pane];
        p.selected[p.tab.index()] = row;
        p.clamp();
    }

    /// Rows a page moves: the focused list's visible rows, as last drawn.
    pub(super) fn page(&self) -> isize {
        let shown = self.hits.get()[self.focus].shown;
        shown.max(2) as isize - 1
    }

    /// Sets the focused pane's filter and recomputes which rows it shows.
    pub(super) fn set_filter(&mut self, text: &str) {
        let i = self.focus;
        self.panes[i].filter = text.to_owned();
        self.refilter(i);
        self.select_row(i, 0);
    }

    fn refilter(&mut self, i: usize) {
        let needle = self.panes[i].filter.to_lowercase();
        if needle.is_empty() {
            self.panes[i].matches = None;
            return;
        }
        let world = &self.world;
        let has = |s: &str| s.to_lowercase().contains(&needle);
        let person = |p: PersonId| {
            let person = world.person(p);
            has(&person.name) || has(&person.headline) || has(&person.handle)
        };
        let note = |inv| world.invitation(inv).note.as_deref().is_some_and(&has);
        let pane = &self.panes[i];
        let v = &pane.view;
        let keep: Vec<usize> = match pane.tab {
            Tab::Invitations => (0..v.invitations.len())
                .filter(|&k| {
                    let r = &v.invitations[k];
                    person(r.from) || note(r.invitation)
                })
                .collect(),
            Tab::Archive => (0..v.archive.len())
                .filter(|&k| person(v.archive[k].from) || note(v.archive[k].invitation))
                .collect(),
            Tab::Sent => (0..v.sent.len())
                .filter(|&k| person(v.sent[k].to) || note(v.sent[k].invitation))
                .collect(),
            Tab::Notifications => (0..v.notifications.len())
                .filter(|&k| has(&v.notifications[k].subject(world)))
                .collect(),
            Tab::Emails => (0..v.emails.len())
                .filter(|&k| has(&v.emails[k].subject(world)))
                .collect(),
            Tab::Network => (0..v.network.len())
                .filter(|&k| person(v.network[k]))
                .collect(),
            Tab::Account => Vec::new(),
        };
        self.panes[i].matches = Some(keep);
    }

    /// The other person of the selected row on an inbox tab (the sender).
    pub(super) fn selected_sender(&self) -> Option<PersonId> {
        let pane = self.focused();
        let rows = match pane.tab {
            Tab::Invitations => &pane.view.invitations,
            Tab::Archive => &pane.view.archive,
            _ => return None,
        };
        rows.get(pane.selected_index()?).map(|r| r.from)
    }

    /// The selected row of the focused Sent tab.
    fn selected_sent(&self) -> Option<PersonId> {
        let pane = self.focused();
        (pane.tab == Tab::Sent)
            .then(|| pane.view.sent.get(pane.selected_index()?))
            .flatten()
            .map(|r| r.to)
    }

    /// The selected email or notification.
    pub(super) fn selected_mail(&self) -> Option<Mail> {
        let pane = self.focused();
        let list = match pane.tab {
            Tab::Notifications => &pane.view.notifications,
            Tab::Emails => &pane.view.emails,
            _ => return None,
        };
        list.get(pane.selected_index()?).copied()
    }

    pub(super) fn answer(&mut self, command: Command) {
        let Some(from) = self.selected_sender() else {
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
    pub(super) fn reply_prompt(&mut self) {
        if let Some(from) = self.selected_sender() {
            self.overlay = Overlay::Compose(Box::new(Compose::reply(from)));
        }
    }

    pub(super) fn withdraw(&mut self) {
        let Some(to) = self.selected_sent() else {
            return;
        };
        let (by, to) = (self.handle(self.focused_person()), self.handle(to));
        self.act(Action::Withdraw { by, to });
    }

    /// Applies an action through the script engine, keeping what each screen saw.
    pub fn act(&mut self, action: Action) {
        let panes = [self.panes[0].person, self.panes[1].person];
        let seen = observe(self.world.edit(), &action, &panes);
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
            self.panes[i].view = view.unwrap_or_else(|| self.world.view(panes[i]));
        }
        self.outcome = Some(outcome);
        self.refresh_counts();
    }

    /// The course, taken out of a finished lesson's app.
    pub fn into_course(self) -> Option<Course> {
        self.course
    }

    /// The app as a recording draws it: a caption instead of keys, the active tab
    /// bracketed, no "press" hints.
    pub fn for_recording(mut self) -> App {
        self.recording = true;
        self
    }

    /// The caption a recording shows: the narration of the step playing.
    pub fn caption(&self) -> Option<&str> {
        let pb = self.playback.as_ref().filter(|p| p.following)?;
        pb.narration.as_deref()
    }

    /// Sets the script's auto-advance speed (1 = normal).
    pub fn set_speed(&mut self, speed: f64) {
        if let Some(pb) = self.playback.as_mut() {
            pb.speed = speed;
        }
    }

    /// The app on a lesson: no playback until the learner asks for the solution.
    pub fn for_lesson(loaded: Loaded, theme: Theme, course: Course) -> App {
        App::new(loaded, theme).into_lesson(course)
    }

    /// This app as a lesson of `course`.
    pub fn into_lesson(self, course: Course) -> App {
        let mut app = self;
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
        let start = if self.at_script_start {
            self.loaded.setup.script_start()
        } else {
            &self.loaded.setup.world
        };
        let mut world = World::clone(start);
        for a in &self.actions {
            // Every one of these was allowed before, on the same world: replay is exact.
            let _ = world.apply(a);
        }
        let old = std::mem::replace(&mut self.world, LiveWorld::owned(world));
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

    /// Shows `person` in the focused pane (the picker's choice).
    pub fn show_person(&mut self, person: PersonId) {
        // The panel keeps the last action: picking whom to watch is not an action.
        self.panes[self.focus] = Pane::new(person, &self.world);
        let side = if self.focus == 0 { "left" } else { "right" };
        self.status = Some(format!(
            "The {side} pane shows {} now.",
            crate::tui::rows::who(&self.world, person)
        ));
    }

    /// Recomputes the pane views and keeps each selection inside its list.
    pub fn refresh(&mut self) {
        for i in 0..2 {
            self.panes[i].view = self.world.view(self.panes[i].person);
        }
        self.refresh_counts();
    }

    /// Recounts what the panes show, refilters, and keeps each selection inside its list.
    fn refresh_counts(&mut self) {
        for i in 0..2 {
            self.panes[i].counts = PaneCounts::of(&self.panes[i].view, &self.world);
            self.refilter(i);
            self.panes[i].clamp();
        }
    }

    /// The world's standing reason a Send from the focused person needs an email.
    pub fn needs_email(&self) -> bool {
        let account = &self.world.lists(self.focused_person()).account;
        account.standing == crate::model::Standing::Restricted && account.restricted_until.is_none()
    }
}
