//! Overlays over the two panes: help, the person picker (for `p` and `n`), and the
//! note composer. Each takes the keys while it is open; Esc closes it.

use ratatui::crossterm::event::{KeyCode, KeyEvent};

use crate::model::{PersonId, World};

/// Longest note the composer accepts as typing; the rules' own limit is shown and
/// enforced by the world, so a too-long note is refused with the reason.
const NOTE_CAP: usize = 2000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    /// The keymap, scrolled down by this many lines.
    Help(u16),
    Picker(Picker),
    Compose(Compose),
    Save(SaveAs),
    /// Quitting with actions not saved: asked once.
    QuitConfirm,
    /// Going back to the script would discard what was done while exploring.
    Discard(Discard),
}

/// What going back to the script means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Discard {
    /// Back to the step where the viewer left the script.
    Return(usize),
    /// Back to the first step.
    Restart,
}

/// The save prompt: where to write, and whether overwriting was asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SaveAs {
    pub path: String,
    /// Set once the target exists: the next Enter (or y) overwrites it.
    pub confirm: bool,
    /// Why the last attempt failed, if it did.
    pub error: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// Choose who the focused pane shows.
    Pane,
    /// Choose whom the focused person invites.
    Invite,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub purpose: PickFor,
    pub filter: String,
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compose {
    pub to: PersonId,
    pub note: String,
    pub email: String,
    /// Typing goes to the email field (only offered when the sender must give one).
    pub editing_email: bool,
    /// A reply to `to`'s invitation instead of a new invitation to them.
    pub reply: bool,
    /// Why Enter did not send: the text stays, to be fixed.
    pub error: Option<String>,
}

/// What a key in an overlay asks of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OverlayResult {
    Stay,
    Close,
    ShowPerson(PersonId),
    ComposeTo(PersonId),
    Send {
        to: PersonId,
        note: String,
        email: String,
    },
    /// Reply to the invitation from `to`.
    Reply {
        to: PersonId,
        text: String,
    },
    /// Write the session to this path (overwriting was confirmed if it exists).
    SaveTo(String),
    /// Go back to the script, discarding the exploration.
    Discard(Discard),
    Quit,
}

impl Overlay {
    pub fn pane_picker() -> Overlay {
        Overlay::Picker(Picker {
            purpose: PickFor::Pane,
            filter: String::new(),
            selected: 0,
        })
    }

    pub fn invite_picker() -> Overlay {
        Overlay::Picker(Picker {
            purpose: PickFor::Invite,
            filter: String::new(),
            selected: 0,
        })
    }

    pub fn help() -> Overlay {
        Overlay::Help(0)
    }

    pub fn is_open(&self) -> bool {
        *self != Overlay::None
    }
}

impl Picker {
    /// The people on offer, filtered by name, id or headline (case-insensitive).
    pub fn candidates(&self, world: &World, me: PersonId) -> Vec<PersonId> {
        let needle = self.filter.to_lowercase();
        world
            .people()
            .iter()
            .enumerate()
            .map(|(i, p)| (PersonId(i as u32), p))
            .filter(|(id, _)| self.purpose == PickFor::Pane || *id != me)
            .filter(|(_, p)| {
                needle.is_empty()
                    || [&p.name, &p.handle, &p.headline]
                        .iter()
                        .any(|s| s.to_lowercase().contains(&needle))
            })
            .map(|(id, _)| id)
            .collect()
    }

    pub fn key(&mut self, key: KeyEvent, world: &World, me: PersonId) -> OverlayResult {
        let candidates = self.candidates(world, me);
        match key.code {
            KeyCode::Esc => return OverlayResult::Close,
            KeyCode::Enter => {
                let Some(&p) = candidates.get(self.selected) else {
                    return OverlayResult::Stay;
                };
                return match self.purpose {
                    PickFor::Pane => OverlayResult::ShowPerson(p),
                    PickFor::Invite => OverlayResult::ComposeTo(p),
                };
            }
            KeyCode::Down | KeyCode::Tab => {
                self.selected = (self.selected + 1).min(candidates.len().saturating_sub(1));
            }
            KeyCode::Up | KeyCode::BackTab => self.selected = self.selected.saturating_sub(1),
            KeyCode::Backspace => {
                self.filter.pop();
                self.selected = 0;
            }
            KeyCode::Char(c) if !c.is_control() => {
                self.filter.push(c);
                self.selected = 0;
            }
            _ => {}
        }
        OverlayResult::Stay
    }
}

impl Compose {
    pub fn new(to: PersonId) -> Compose {
        Compose {
            to,
            note: String::new(),
            email: String::new(),
            editing_email: false,
            reply: false,
            error: None,
        }
    }

    /// A reply to the invitation `from` sent.
    pub fn reply(from: PersonId) -> Compose {
        Compose {
            reply: true,
            ..Compose::new(from)
        }
    }

    /// A key in the composer; `max` is the rules' longest note. Enter with a text over
    /// the limit (or an empty reply) keeps the dialog open with the text and says why.
    pub fn key(&mut self, key: KeyEvent, email_needed: bool, max: usize) -> OverlayResult {
        if key.code == KeyCode::Enter {
            let len = self.note.chars().count();
            let what = if self.reply { "reply" } else { "note" };
            self.error = if len > max {
                Some(format!(
                    "The {what} has {len} characters; the limit is {max}. Shorten it, or Esc to cancel."
                ))
            } else if self.reply && self.note.trim().is_empty() {
                Some("A reply needs some text.".to_owned())
            } else {
                None
            };
            if self.error.is_some() {
                return OverlayResult::Stay;
            }
        } else {
            self.error = None;
        }
        let field = if self.editing_email {
            &mut self.email
        } else {
            &mut self.note
        };
        match key.code {
            KeyCode::Esc => return OverlayResult::Close,
            KeyCode::Enter if self.reply => {
                return OverlayResult::Reply {
                    to: self.to,
                    text: self.note.clone(),
                };
            }
            KeyCode::Enter => {
                return OverlayResult::Send {
                    to: self.to,
                    note: self.note.clone(),
                    email: self.email.clone(),
                };
            }
            KeyCode::Tab | KeyCode::BackTab if email_needed && !self.reply => {
                self.editing_email = !self.editing_email
            }
            KeyCode::Backspace => {
                field.pop();
            }
            KeyCode::Char(c) if !c.is_control() && field.chars().count() < NOTE_CAP => {
                field.push(c)
            }
            _ => {}
        }
        OverlayResult::Stay
    }
}

impl SaveAs {
    pub fn key(&mut self, key: KeyEvent) -> OverlayResult {
        match key.code {
            KeyCode::Esc => return OverlayResult::Close,
            KeyCode::Char('n') if self.confirm => self.confirm = false,
            KeyCode::Enter | KeyCode::Char('y') if self.confirm => {
                return OverlayResult::SaveTo(self.path.clone());
            }
            KeyCode::Enter if self.path.trim().is_empty() => {}
            KeyCode::Enter => {
                if std::path::Path::new(&self.path).exists() {
                    self.confirm = true;
                } else {
                    return OverlayResult::SaveTo(self.path.clone());
                }
            }
            KeyCode::Backspace => {
                self.path.pop();
                self.confirm = false;
            }
            KeyCode::Char(c) if !c.is_control() => {
                self.path.push(c);
                self.confirm = false;
            }
            _ => {}
        }
        OverlayResult::Stay
    }
}

/// The discard prompt: `y` or Enter discards, `n` or Esc keeps exploring.
pub fn discard_key(key: KeyEvent, what: Discard) -> OverlayResult {
    match key.code {
        KeyCode::Char('y' | 'Y') | KeyCode::Enter => OverlayResult::Discard(what),
        KeyCode::Esc | KeyCode::Char('n' | 'N') => OverlayResult::Close,
        _ => OverlayResult::Stay,
    }
}

/// The quit prompt: `q` (or `y`) quits, Esc stays, and `Ctrl-S` is handled by the app.
pub fn quit_key(key: KeyEvent) -> OverlayResult {
    match key.code {
        KeyCode::Char('q' | 'y' | 'Q') => OverlayResult::Quit,
        KeyCode::Esc | KeyCode::Char('n') => OverlayResult::Close,
        _ => OverlayResult::Stay,
    }
}
