//! Dialogs over the two panes: help, the person picker (for `p` and `n`), the note
//! composer, save, the questions before quitting or discarding, the list filter and
//! the mail reader. Each has its keymap layer; the app runs their commands.

use crate::model::{Mail, PersonId, World};

use super::field::Field;
use super::keymap::Layer;

/// Longest note the composer takes as typing; the rules' own limit is shown and
/// enforced when sending, so a too-long note stays in the dialog with the reason.
pub const NOTE_CAP: usize = 2000;
/// Longest path, filter or email address typed.
const LINE_CAP: usize = 400;

#[derive(Debug, Clone, Default)]
pub enum Overlay {
    #[default]
    None,
    /// The keymap, scrolled down by this many lines.
    Help(u16),
    Picker(Picker),
    Compose(Box<Compose>),
    Save(SaveAs),
    /// Quitting with actions not saved: asked once.
    QuitConfirm,
    /// Going back to the script would discard what was done while exploring.
    Discard(Discard),
    /// Typing the focused list's filter (it applies as it is typed).
    Filter(Field),
    /// One email or notification, scrolled down by this many lines.
    Reader(Mail, u16),
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
#[derive(Debug, Clone)]
pub struct SaveAs {
    pub path: Field,
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

#[derive(Debug, Clone)]
pub struct Picker {
    pub purpose: PickFor,
    pub filter: Field,
    pub selected: usize,
}

#[derive(Debug, Clone)]
pub struct Compose {
    pub to: PersonId,
    pub note: Field,
    pub email: Field,
    /// Typing goes to the email field (only offered when the sender must give one).
    pub editing_email: bool,
    /// A reply to `to`'s invitation instead of a new invitation to them.
    pub reply: bool,
    /// Why Enter did not send: the text stays, to be fixed.
    pub error: Option<String>,
}

impl Overlay {
    pub fn picker(purpose: PickFor) -> Overlay {
        Overlay::Picker(Picker {
            purpose,
            filter: Field::new("", LINE_CAP),
            selected: 0,
        })
    }

    pub fn save(path: &str) -> Overlay {
        Overlay::Save(SaveAs {
            path: Field::new(path, LINE_CAP),
            confirm: false,
            error: None,
        })
    }

    pub fn filter(text: &str) -> Overlay {
        Overlay::Filter(Field::new(text, LINE_CAP))
    }

    pub fn is_open(&self) -> bool {
        !matches!(self, Overlay::None)
    }

    /// The keymap layer that takes the keys while this is open.
    pub fn layer(&self) -> Option<Layer> {
        Some(match self {
            Overlay::None => return None,
            Overlay::Help(_) => Layer::Help,
            Overlay::Picker(_) => Layer::Picker,
            Overlay::Compose(_) => Layer::Compose,
            Overlay::Save(s) if s.confirm => Layer::Overwrite,
            Overlay::Save(_) => Layer::Save,
            Overlay::QuitConfirm => Layer::Quit,
            Overlay::Discard(_) => Layer::Discard,
            Overlay::Filter(_) => Layer::Filter,
            Overlay::Reader(..) => Layer::Reader,
        })
    }

    /// The text field keys are typed into, if this dialog has one.
    pub fn field(&mut self) -> Option<&mut Field> {
        match self {
            Overlay::Picker(p) => Some(&mut p.filter),
            Overlay::Compose(c) => Some(if c.editing_email {
                &mut c.email
            } else {
                &mut c.note
            }),
            Overlay::Save(s) if !s.confirm => Some(&mut s.path),
            Overlay::Filter(f) => Some(f),
            _ => None,
        }
    }
}

impl Picker {
    /// The people on offer, filtered by name, id or headline (case-insensitive).
    pub fn candidates(&self, world: &World, me: PersonId) -> Vec<PersonId> {
        let needle = self.filter.text().to_lowercase();
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
}

impl Compose {
    pub fn new(to: PersonId) -> Compose {
        Compose {
            to,
            note: Field::new("", NOTE_CAP),
            email: Field::new("", LINE_CAP),
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

    /// Why the text cannot be sent as it is (`max`: the rules' longest note), if it
    /// cannot: the dialog stays open with the text and this line.
    pub fn problem(&self, max: usize) -> Option<String> {
        let len = self.note.chars();
        let what = if self.reply { "reply" } else { "note" };
        if len > max {
            Some(format!(
                "The {what} has {len} characters; the limit is {max}. Shorten it (Ctrl-W deletes a word), or Esc to cancel."
            ))
        } else if self.reply && self.note.text().trim().is_empty() {
            Some("A reply needs some text.".to_owned())
        } else {
            None
        }
    }
}
