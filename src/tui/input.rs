//! Routing input: an open overlay takes the keys first, then the keymap; mouse clicks
//! focus panes, pick tabs and select rows. Only key presses act (not repeats' releases).

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::Position;

use crate::model::Tab;

use super::app::App;
use super::keymap::{Command, command_for};
use super::overlay::{Compose, Overlay, OverlayResult};

impl App {
    pub fn handle_event(&mut self, event: &Event) {
        // A test-only way to panic inside the loop, to check the terminal is restored
        // (debug builds only: release builds never look at the variable).
        #[cfg(debug_assertions)]
        if matches!(event, Event::Key(_)) && std::env::var_os("INVITESIM_TEST_PANIC").is_some() {
            panic!("INVITESIM_TEST_PANIC: a panic inside the event loop, on purpose");
        }
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => self.handle_key(*key),
            Event::Mouse(m) if self.mouse => self.handle_mouse(*m),
            _ => {}
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            // Ctrl-C quits from anywhere, asking once if there is unsaved exploring.
            self.ask_to_quit();
            return;
        }
        let me = self.focused_person();
        let email_needed = self.needs_email();
        let note_max = self.world.rules().note_max_chars as usize;
        let result = match &mut self.overlay {
            Overlay::None => {
                if let (Some(n), true) = (quiz_choice(key), self.quiz_waiting()) {
                    self.answer_quiz(n);
                } else if let (Some(n), true) = (quiz_choice(key), self.lesson_quiz_waiting()) {
                    self.answer_lesson_quiz(n);
                } else if let Some(command) =
                    command_for(key).filter(|c| !c.lesson() || self.course.is_some())
                {
                    self.run(command);
                }
                return;
            }
            Overlay::Help(scroll) => match key.code {
                KeyCode::Esc | KeyCode::Char('?' | 'q') | KeyCode::Enter => OverlayResult::Close,
                KeyCode::Char('j') | KeyCode::Down => {
                    *scroll = scroll.saturating_add(1).min(super::popup::HELP_LINES);
                    OverlayResult::Stay
                }
                KeyCode::Char('k') | KeyCode::Up => {
                    *scroll = scroll.saturating_sub(1);
                    OverlayResult::Stay
                }
                _ => OverlayResult::Stay,
            },
            Overlay::Picker(p) => p.key(key, &self.world, me),
            Overlay::Compose(c) => c.key(key, email_needed, note_max),
            Overlay::Save(s) => s.key(key),
            Overlay::QuitConfirm if command_for(key) == Some(Command::Save) => {
                self.run(Command::Save);
                return;
            }
            Overlay::QuitConfirm => super::overlay::quit_key(key),
            Overlay::Discard(what) => super::overlay::discard_key(key, *what),
        };
        match result {
            OverlayResult::Stay => {}
            OverlayResult::Close => self.overlay = Overlay::None,
            OverlayResult::ShowPerson(p) => {
                self.overlay = Overlay::None;
                self.show_person(p);
            }
            OverlayResult::ComposeTo(p) => {
                // Someone the sender can see they cannot invite: say why before any
                // note is written.
                match self.world.invite_block(self.focused_person(), p) {
                    Some(refusal) => {
                        self.overlay = Overlay::None;
                        self.outcome = Some(super::Outcome::note(format!(
                            "Not now: {refusal}. Pick someone else with n."
                        )));
                    }
                    None => self.overlay = Overlay::Compose(Compose::new(p)),
                }
            }
            OverlayResult::Send { to, note, email } => {
                self.overlay = Overlay::None;
                self.invite(to, note, email);
            }
            OverlayResult::Reply { to, text } => {
                self.overlay = Overlay::None;
                let by = self.world.person(self.focused_person()).handle.clone();
                let from = self.world.person(to).handle.clone();
                self.act(crate::model::Action::Reply { by, from, text });
            }
            OverlayResult::SaveTo(path) => self.save_to(&path),
            OverlayResult::Discard(super::overlay::Discard::Return(_)) => {
                self.return_to_script(true)
            }
            OverlayResult::Discard(super::overlay::Discard::Restart) => self.restart_script(true),
            OverlayResult::Quit => self.quit = true,
        }
    }

    pub fn handle_mouse(&mut self, m: MouseEvent) {
        if self.overlay.is_open() {
            return;
        }
        let at = Position::new(m.column, m.row);
        let hits = self.hits.get();
        let Some(i) = hits.iter().position(|h| h.area.contains(at)) else {
            return;
        };
        let hit = hits[i];
        match m.kind {
            MouseEventKind::Down(MouseButton::Left) => {
                self.focus = i;
                if m.row == hit.tabs_y {
                    if let Some(t) = hit
                        .tabs
                        .iter()
                        .position(|&(a, b)| (a..b).contains(&m.column))
                    {
                        self.set_tab(i, Tab::ALL[t]);
                    }
                } else if hit.list.contains(at) && hit.row_height > 0 {
                    let row = hit.offset + usize::from((m.row - hit.list.y) / hit.row_height);
                    if row < self.row_count(i) {
                        self.select_row(i, row);
                    }
                }
            }
            MouseEventKind::ScrollDown => {
                self.focus = i;
                self.move_selection(1);
            }
            MouseEventKind::ScrollUp => {
                self.focus = i;
                self.move_selection(-1);
            }
            _ => {}
        }
    }
}

/// `1`–`9` as a quiz choice (0-based).
fn quiz_choice(key: KeyEvent) -> Option<usize> {
    match key.code {
        KeyCode::Char(c @ '1'..='9') => Some(c as usize - '1' as usize),
        _ => None,
    }
}
