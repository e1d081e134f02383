//! Routing input through the keymap's layers: an open dialog's layer takes every key
//! (and types the unbound ones into its field); otherwise the quiz, lesson, playback
//! and main layers, top first, each binding taken only where it applies. A command
//! that would do nothing says why in the footer instead.

use ratatui::layout::Position;

use crate::model::{Action, Tab};
use crate::scenario::Step;

use super::app::App;
use super::key::{Input, Key, Mouse, MouseKind};
use super::keymap::{Command, Layer};
use super::overlay::{Compose, Discard, Overlay, PickFor};

impl App {
    /// Everything the app reacts to comes in here.
    pub fn input(&mut self, input: Input) {
        // A test-only way to panic inside the loop, to check the terminal is restored
        // (debug builds only: release builds never look at the variable).
        #[cfg(debug_assertions)]
        if matches!(input, Input::Key(_)) && std::env::var_os("INVITESIM_TEST_PANIC").is_some() {
            panic!("INVITESIM_TEST_PANIC: a panic inside the event loop, on purpose");
        }
        match input {
            Input::Key(key) => self.press(key),
            Input::Mouse(m) if self.mouse => self.click(m),
            Input::Mouse(_) => {}
            Input::Paste(text) => {
                if let Some(field) = self.overlay.field()
                    && field.paste(&text)
                {
                    self.typed();
                }
            }
        }
    }

    /// A key press.
    pub fn press(&mut self, key: Key) {
        self.status = None;
        match self.overlay.layer() {
            Some(layer) => match self.keymap.command(layer, key) {
                Some(command) => self.run_dialog(layer, command),
                None => {
                    if let Some(field) = self.overlay.field()
                        && field.key(key)
                    {
                        self.typed();
                    }
                }
            },
            None => match self.lookup(key) {
                Some(command) => self.run(command),
                None => self.status = Some(self.unbound_reason(key)),
            },
        }
    }

    /// Why a key does nothing on the screen now: what it does elsewhere, or that it
    /// is not a key at all.
    fn unbound_reason(&self, key: Key) -> String {
        let label = super::key::label(key);
        let elsewhere = [Layer::Main, Layer::Playback, Layer::Lesson, Layer::Quiz]
            .into_iter()
            .find_map(|layer| Some((layer, self.keymap.command(layer, key)?)));
        match elsewhere {
            Some((_, command)) if let Some(reason) = self.idle_reason(command) => reason,
            Some((Layer::Quiz, _)) => format!("{label} answers a quiz, and no quiz is waiting."),
            Some((Layer::Lesson, command)) => format!(
                "{label} is for lessons ({}): run `invitesim learn`.",
                command.describe()
            ),
            _ => format!("{label} is not a key here: ? lists the keys."),
        }
    }

    /// The layers live now, top first: a dialog's alone, or the screen's stack.
    pub fn layers(&self) -> Vec<Layer> {
        if let Some(layer) = self.overlay.layer() {
            return vec![layer];
        }
        let mut layers = Vec::with_capacity(4);
        if self.quiz_choices().is_some() {
            layers.push(Layer::Quiz);
        }
        if self.course.is_some() {
            layers.push(Layer::Lesson);
        }
        if self.playback.is_some() {
            layers.push(Layer::Playback);
        }
        layers.push(Layer::Main);
        layers
    }

    /// What `key` does on the screen now: the highest layer's binding that applies.
    pub fn lookup(&self, key: Key) -> Option<Command> {
        self.layers()
            .into_iter()
            .filter_map(|layer| self.keymap.command(layer, key))
            .find(|&c| self.applies(c))
    }

    /// Whether `command`'s first key in `layer` reaches it now (a higher layer's
    /// binding of the same key, standing now, would take it instead).
    pub fn lookup_first(&self, layer: Layer, command: Command) -> bool {
        let Some(&key) = self.keymap.keys(layer, command).first() else {
            return false;
        };
        self.lookup(key) == Some(command)
    }

    /// Whether a layer's binding of `command` stands now, or lets the key fall through
    /// to the layer below (a quiz's letters are actions again once it is answered).
    fn applies(&self, command: Command) -> bool {
        match command {
            Command::Answer(n) => self
                .quiz_choices()
                .is_some_and(|k| n >= 1 && usize::from(n) <= k),
            Command::NextLesson => {
                self.course.as_ref().is_some_and(|c| c.reached) && !self.lesson_quiz_waiting()
            }
            _ => true,
        }
    }

    /// The number of choices of the quiz waiting for an answer, if one waits.
    pub fn quiz_choices(&self) -> Option<usize> {
        let step = if self.quiz_waiting() {
            self.playback.as_ref()?.quiz?.step
        } else if self.lesson_quiz_waiting() {
            self.course.as_ref()?.quiz?.step
        } else {
            return None;
        };
        let steps = match &self.playback {
            Some(pb) if self.quiz_waiting() => pb.runner.steps(),
            _ => &self.loaded.scenario.script,
        };
        match steps.get(step) {
            Some(Step::Quiz(q)) => Some(q.choices.len()),
            _ => None,
        }
    }

    /// The key of a screen command as sentences name it ("press 3"), as bound now.
    pub(super) fn key_for(&self, command: Command) -> String {
        self.keymap
            .first(command.layer(), command)
            .unwrap_or_else(|| "?".into())
    }

    /// Why `command` does nothing here, if it does nothing: the footer leaves such a
    /// key out, and pressing it says this line instead of nothing.
    pub fn idle_reason(&self, command: Command) -> Option<String> {
        let tab = self.focused().tab();
        let empty = self.focused().is_empty();
        let go = |tabs: &[Tab]| {
            tabs.iter()
                .map(|&t| format!("{} ({})", t.label(), self.key_for(Command::Tab(t))))
                .collect::<Vec<_>>()
                .join(" or ")
        };
        let key = self.key_for(command);
        if let Some(tabs) = command.tabs() {
            let what = match command {
                Command::Withdraw => "withdraws a sent invitation",
                Command::Read => "opens an email or notification",
                Command::Reply => "replies to a received invitation",
                _ => "answers a received invitation",
            };
            if !tabs.contains(&tab) {
                return Some(format!("{key} {what}: go to the {} tab.", go(tabs)));
            }
            if empty {
                return Some(format!("{key} {what}: this list is empty."));
            }
        }
        let answer_first = || {
            let n = self.quiz_choices().unwrap_or(2);
            let last = self.key_for(Command::Answer(n as u8));
            format!(
                "Answer the quiz first: {}–{last}.",
                self.key_for(Command::Answer(1))
            )
        };
        match command {
            Command::Undo if self.actions.is_empty() => {
                Some("Nothing to undo: this is the scenario's start.".into())
            }
            Command::PanelDown => {
                let (lines, rows) = self.panel_fit.get();
                (self.panel_scroll + rows >= lines)
                    .then(|| "The panel shows everything there is.".into())
            }
            Command::PanelUp if self.panel_scroll == 0 => Some("The panel is at its top.".into()),
            Command::Hint if self.course.as_ref().is_some_and(|c| c.reached) => {
                Some("The goal is reached: no more hints for this lesson.".into())
            }
            Command::Filter if tab == Tab::Account => {
                Some("The Account tab has no list to filter.".into())
            }
            Command::PlayPause | Command::StepForward | Command::StepBack => match &self.playback {
                None => Some("This scenario has no script to play.".into()),
                Some(pb) if !pb.following => Some(format!(
                    "You are exploring on your own: {} goes back to the script where you left it.",
                    self.key_for(Command::Return)
                )),
                Some(pb) if command != Command::StepBack && pb.waiting_for_answer() => {
                    Some(answer_first())
                }
                Some(pb) if command != Command::StepBack && pb.is_done() => Some(format!(
                    "The script is over: {} plays it again from the start.",
                    self.key_for(Command::Restart)
                )),
                Some(pb) if command == Command::StepBack && pb.position() == 0 => {
                    Some("This is the script's first step.".into())
                }
                Some(_) => None,
            },
            Command::Return if self.playback.as_ref().is_some_and(|p| p.following) => {
                Some("You are following the script already: , and . move through it.".into())
            }
            _ => None,
        }
    }

    /// Runs one command of the screen's layers.
    pub fn run(&mut self, command: Command) {
        if let Some(reason) = self.idle_reason(command) {
            self.status = Some(reason);
            return;
        }
        if command.takes_over() {
            self.take_over();
        }
        if !matches!(command, Command::PanelDown | Command::PanelUp) {
            self.panel_scroll = 0;
        }
        match command {
            Command::PanelDown => {
                let (lines, rows) = self.panel_fit.get();
                let page = rows.saturating_sub(2).max(1);
                self.panel_scroll =
                    (self.panel_scroll + page).min(lines.saturating_sub(rows.saturating_sub(1)));
            }
            Command::PanelUp => {
                let page = self.panel_fit.get().1.saturating_sub(2).max(1);
                self.panel_scroll = self.panel_scroll.saturating_sub(page);
            }
            Command::Quit => self.ask_to_quit(),
            Command::Save => self.open_save(),
            Command::SwitchPane => self.focus = 1 - self.focus,
            Command::NextTab => self.step_tab(1),
            Command::PrevTab => self.step_tab(Tab::ALL.len() - 1),
            Command::Tab(t) => self.set_tab(self.focus, t),
            Command::Down => self.move_selection(1),
            Command::Up => self.move_selection(-1),
            Command::PageDown => self.move_selection(self.page()),
            Command::PageUp => self.move_selection(-self.page()),
            Command::Top => self.move_selection(isize::MIN),
            Command::Bottom => self.move_selection(isize::MAX),
            Command::Filter => self.overlay = Overlay::filter(self.focused().filter()),
            Command::Read => {
                if let Some(mail) = self.selected_mail() {
                    self.overlay = Overlay::Reader(mail, 0);
                }
            }
            Command::Accept
            | Command::Ignore
            | Command::DontKnow
            | Command::ReportSpam
            | Command::Open => self.answer(command),
            Command::Reply => self.reply_prompt(),
            Command::Withdraw => self.withdraw(),
            Command::Invite => self.overlay = Overlay::picker(PickFor::Invite),
            Command::PickPerson => self.overlay = Overlay::picker(PickFor::Pane),
            Command::Day => self.act(Action::wait_days(1)),
            Command::Week => self.act(Action::wait_days(7)),
            Command::Xray => {
                self.xray = !self.xray;
                self.status = Some(if self.xray {
                    "X-ray on: ⟂ lines show what the sender's screen never says.".into()
                } else {
                    "X-ray off: each pane shows only what its person sees.".into()
                });
            }
            Command::Undo => self.undo(),
            Command::Help => self.overlay = Overlay::Help(0),
            Command::Mouse => {
                self.mouse = !self.mouse;
                self.status = Some(if self.mouse {
                    "Mouse capture on: click panes, tabs and rows; the wheel scrolls.".into()
                } else {
                    "Mouse capture off: the terminal can select text. m turns it back on.".into()
                });
            }
            Command::PlayPause => self.script_toggle_play(),
            Command::StepForward => self.script_step(),
            Command::StepBack => self.script_back(),
            Command::Return => self.return_to_script(false),
            Command::Restart => self.restart_script(false),
            Command::Hint => self.toggle_hint(),
            Command::Solution => self.show_solution(),
            Command::NextLesson => self.next_lesson(),
            Command::Answer(n) => {
                let choice = usize::from(n.saturating_sub(1));
                if self.quiz_waiting() {
                    self.answer_quiz(choice);
                } else {
                    self.answer_lesson_quiz(choice);
                }
            }
            Command::Close
            | Command::Submit
            | Command::Confirm
            | Command::NextField
            | Command::Nothing => {}
        }
    }

    /// Whether a dialog's command does something now (the composer's second field is
    /// there only when the sender must give an email).
    pub fn dialog_live(&self, command: Command) -> bool {
        match (&self.overlay, command) {
            (Overlay::Compose(c), Command::NextField) => self.needs_email() && !c.reply,
            _ => true,
        }
    }

    /// Runs a command of an open dialog's layer.
    fn run_dialog(&mut self, layer: Layer, command: Command) {
        let close = |app: &mut App| app.overlay = Overlay::None;
        match (layer, command) {
            (Layer::Quit, Command::Confirm) => self.quit = true,
            (Layer::Quit, Command::Save) => self.open_save(),
            (_, Command::Quit) => {
                close(self);
                self.ask_to_quit();
            }
            (Layer::Filter, Command::Close) => {
                self.set_filter("");
                close(self);
            }
            (Layer::Overwrite, Command::Close) => {
                if let Overlay::Save(s) = &mut self.overlay {
                    s.confirm = false;
                }
            }
            (_, Command::Close) => close(self),
            (
                Layer::Help | Layer::Reader,
                Command::Down | Command::Up | Command::PageDown | Command::PageUp,
            ) => {
                let by: i32 = match command {
                    Command::Down => 1,
                    Command::Up => -1,
                    Command::PageDown => 10,
                    _ => -10,
                };
                if let Overlay::Help(scroll) | Overlay::Reader(_, scroll) = &mut self.overlay {
                    *scroll = scroll
                        .saturating_add_signed(by as i16)
                        .min(super::popup::HELP_LINES);
                }
            }
            (Layer::Picker, Command::Down | Command::Up | Command::PageDown | Command::PageUp) => {
                let me = self.focused_person();
                if let Overlay::Picker(p) = &mut self.overlay {
                    let n = p.candidates(&self.world, me).len();
                    let by: isize = match command {
                        Command::Down => 1,
                        Command::Up => -1,
                        Command::PageDown => 10,
                        _ => -10,
                    };
                    p.selected = p
                        .selected
                        .saturating_add_signed(by)
                        .min(n.saturating_sub(1));
                }
            }
            (Layer::Picker, Command::Submit) => self.picked(),
            (Layer::Compose, Command::Submit) => self.send_composed(),
            (Layer::Compose, Command::NextField) => {
                let email = self.needs_email();
                if let Overlay::Compose(c) = &mut self.overlay
                    && email
                    && !c.reply
                {
                    c.editing_email = !c.editing_email;
                }
            }
            (Layer::Save, Command::Submit) => {
                if let Overlay::Save(s) = &mut self.overlay {
                    let path = s.path.text();
                    if path.trim().is_empty() {
                        s.error = Some("Type a file name first.".into());
                    } else if std::path::Path::new(&path).exists() {
                        s.confirm = true;
                    } else {
                        self.save_to(&path);
                    }
                }
            }
            (Layer::Overwrite, Command::Confirm) => {
                if let Overlay::Save(s) = &self.overlay {
                    let path = s.path.text();
                    self.save_to(&path);
                }
            }
            (Layer::Discard, Command::Confirm) => match self.overlay {
                Overlay::Discard(Discard::Return(_)) => self.return_to_script(true),
                Overlay::Discard(Discard::Restart) => self.restart_script(true),
                _ => {}
            },
            (Layer::Filter, Command::Submit) => close(self),
            _ => {}
        }
    }

    /// After text was typed into a dialog's field.
    fn typed(&mut self) {
        match &mut self.overlay {
            Overlay::Filter(f) => {
                let text = f.text();
                self.set_filter(&text);
            }
            Overlay::Picker(p) => p.selected = 0,
            Overlay::Compose(c) => c.error = None,
            Overlay::Save(s) => s.error = None,
            _ => {}
        }
    }

    /// Enter in the picker: show that person, or write to them.
    fn picked(&mut self) {
        let me = self.focused_person();
        let Overlay::Picker(p) = &self.overlay else {
            return;
        };
        let Some(&person) = p.candidates(&self.world, me).get(p.selected) else {
            return;
        };
        match p.purpose {
            PickFor::Pane => {
                self.overlay = Overlay::None;
                self.show_person(person);
            }
            // Someone the sender can see they cannot invite: say why before any note
            // is written.
            PickFor::Invite => match self.world.invite_block(me, person) {
                Some(refusal) => {
                    self.overlay = Overlay::None;
                    self.outcome = Some(super::app::Outcome::note(format!(
                        "Not now: {refusal}. Pick someone else with n."
                    )));
                }
                None => self.overlay = Overlay::Compose(Box::new(Compose::new(person))),
            },
        }
    }

    /// Enter in the composer: send, or keep the text and say what is wrong.
    fn send_composed(&mut self) {
        let max = self.world.rules().note_max_chars as usize;
        let Overlay::Compose(c) = &mut self.overlay else {
            return;
        };
        if let Some(problem) = c.problem(max) {
            c.error = Some(problem);
            return;
        }
        let (to, text, email, reply) = (c.to, c.note.text(), c.email.text(), c.reply);
        self.overlay = Overlay::None;
        if reply {
            let by = self.world.person(self.focused_person()).handle.clone();
            let from = self.world.person(to).handle.clone();
            self.act(Action::Reply { by, from, text });
        } else {
            self.invite(to, text, email);
        }
    }

    /// A click focuses a pane, picks a tab or selects a row; the wheel scrolls.
    pub fn click(&mut self, m: Mouse) {
        if self.overlay.is_open() {
            return;
        }
        let at = Position::new(m.column, m.row);
        let hits = self.hits.get();
        let Some(i) = hits.iter().position(|h| h.area.contains(at)) else {
            return;
        };
        let hit = hits[i];
        self.focus = i;
        match m.kind {
            MouseKind::Click => {
                if m.row == hit.tabs_y {
                    if let Some(t) = hit
                        .tabs
                        .iter()
                        .position(|&(a, b)| (a..b).contains(&m.column))
                    {
                        self.set_tab(i, Tab::ALL[t]);
                    }
                } else if hit.list.contains(at)
                    && let Some(row) = hit.row_at(m.row).filter(|&r| r < self.row_count(i))
                {
                    self.select_row(i, row);
                }
            }
            MouseKind::ScrollDown => self.move_selection(1),
            MouseKind::ScrollUp => self.move_selection(-1),
        }
    }
}
