//! The app's own input types. The app takes these and nothing else: the terminal edge
//! converts crossterm's events (a browser edge would convert its own), so the app
//! never depends on a backend. Keys read and write as text ("a", "ctrl-s", "pgdn") for
//! the keymap file and the help screen.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A key without its modifiers. Shift is part of the character ('A'), or `BackTab`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Code {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Left,
    Right,
    Up,
    Down,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

/// A key press.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: Code,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    pub const fn new(code: Code) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::new(Code::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: Code::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// The character this key types into a text field, if it types one.
    pub fn typed(self) -> Option<char> {
        match self.code {
            Code::Char(c) if !self.ctrl && !self.alt && !c.is_control() => Some(c),
            _ => None,
        }
    }
}

impl From<Code> for Key {
    fn from(code: Code) -> Key {
        Key::new(code)
    }
}

impl From<char> for Key {
    fn from(c: char) -> Key {
        Key::char(c)
    }
}

/// What a mouse did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    /// The left button went down.
    Click,
    ScrollUp,
    ScrollDown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

/// Everything the app reacts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    Mouse(Mouse),
    /// Text pasted in one go (bracketed paste): it goes into a text field whole.
    Paste(String),
}

/// Key names as the keymap file and the help screen write them.
const NAMES: &[(&str, Code)] = &[
    ("enter", Code::Enter),
    ("esc", Code::Esc),
    ("tab", Code::Tab),
    ("shift-tab", Code::BackTab),
    ("backspace", Code::Backspace),
    ("delete", Code::Delete),
    ("left", Code::Left),
    ("right", Code::Right),
    ("up", Code::Up),
    ("down", Code::Down),
    ("home", Code::Home),
    ("end", Code::End),
    ("pgup", Code::PageUp),
    ("pgdn", Code::PageDown),
    ("space", Code::Char(' ')),
];

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        if let Some((name, _)) = NAMES.iter().find(|(_, c)| *c == self.code) {
            return f.write_str(name);
        }
        match self.code {
            Code::Char(c) => write!(f, "{c}"),
            Code::F(n) => write!(f, "f{n}"),
            _ => unreachable!("every other code has a name"),
        }
    }
}

/// Why a key's name could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadKey(String);

impl fmt::Display for BadKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a key\nhelp: write one character (\"a\", \"A\", \"?\"), a name ({}, f1–f12), \
             optionally after ctrl- or alt- (\"ctrl-s\")",
            self.0,
            NAMES.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
        )
    }
}

impl FromStr for Key {
    type Err = BadKey;

    fn from_str(s: &str) -> Result<Key, BadKey> {
        let bad = || BadKey(s.to_owned());
        let mut rest = s;
        let mut key = Key::new(Code::Esc);
        loop {
            // "-" alone (or "ctrl--") is the minus key, not a modifier.
            if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                key.ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                key.alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_control() => Code::Char(c),
            _ => {
                let lower = rest.to_ascii_lowercase();
                if let Some((_, code)) = NAMES.iter().find(|(n, _)| *n == lower) {
                    *code
                } else if let Some(n) = lower
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=12).contains(n))
                {
                    Code::F(n)
                } else {
                    return Err(bad());
                }
            }
        };
        Ok(key)
    }
}

impl Serialize for Key {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// How help and the footer write a key: arrows as arrows, the rest as in the file.
pub fn label(key: Key) -> String {
    let plain = match key.code {
        Code::Up => "↑",
        Code::Down => "↓",
        Code::Left => "←",
        Code::Right => "→",
        Code::Char(' ') => "Space",
        Code::Enter => "Enter",
        Code::Esc => "Esc",
        Code::Tab => "Tab",
        Code::BackTab => "S-Tab",
        Code::Home => "Home",
        Code::End => "End",
        Code::PageUp => "PgUp",
        Code::PageDown => "PgDn",
        _ => "",
    };
    let mods = match (key.ctrl, key.alt) {
        (true, true) => "Ctrl-Alt-",
        (true, false) => "Ctrl-",
        (false, true) => "Alt-",
        _ => "",
    };
    match (plain, key.code) {
        ("", Code::Char(c)) if key.ctrl => format!("{mods}{}", c.to_ascii_uppercase()),
        ("", _) => format!(
            "{mods}{}",
            Key {
                ctrl: false,
                alt: false,
                ..key
            }
        ),
        (p, _) => format!("{mods}{p}"),
    }
}

/// The terminal edge: crossterm's events in the app's terms (releases, focus and
/// resizes are not the app's business: a resize just redraws).
#[cfg(not(target_arch = "wasm32"))]
pub mod terminal {
    use ratatui::crossterm::event::{
        Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent,
        MouseEventKind,
    };

    use super::{Code, Input, Key, Mouse, MouseKind};

    pub fn key(k: KeyEvent) -> Option<Key> {
        let code = match k.code {
            KeyCode::Char(c) => Code::Char(c),
            KeyCode::Enter => Code::Enter,
            KeyCode::Esc => Code::Esc,
            KeyCode::Tab if k.modifiers.contains(KeyModifiers::SHIFT) => Code::BackTab,
            KeyCode::Tab => Code::Tab,
            KeyCode::BackTab => Code::BackTab,
            KeyCode::Backspace => Code::Backspace,
            KeyCode::Delete => Code::Delete,
            KeyCode::Left => Code::Left,
            KeyCode::Right => Code::Right,
            KeyCode::Up => Code::Up,
            KeyCode::Down => Code::Down,
            KeyCode::Home => Code::Home,
            KeyCode::End => Code::End,
            KeyCode::PageUp => Code::PageUp,
            KeyCode::PageDown => Code::PageDown,
            KeyCode::F(n) => Code::F(n),
            _ => return None,
        };
        Some(Key {
            code,
            ctrl: k.modifiers.contains(KeyModifiers::CONTROL),
            alt: k.modifiers.contains(KeyModifiers::ALT),
        })
    }

    pub fn mouse(m: MouseEvent) -> Option<Mouse> {
        let kind = match m.kind {
            MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
            MouseEventKind::ScrollUp => MouseKind::ScrollUp,
            MouseEventKind::ScrollDown => MouseKind::ScrollDown,
            _ => return None,
        };
        Some(Mouse {
            kind,
            column: m.column,
            row: m.row,
        })
    }

    /// The app's input for a terminal event, if it is one the app takes.
    pub fn input(event: &Event) -> Option<Input> {
        match event {
            Event::Key(k) if k.kind != KeyEventKind::Release => key(*k).map(Input::Key),
            Event::Mouse(m) => mouse(*m).map(Input::Mouse),
            Event::Paste(text) => Some(Input::Paste(text.clone())),
            _ => None,
        }
    }
}

/// The browser edge: a page's `keydown` events in the app's terms (clicks and the
/// wheel need the page's geometry: `web/` makes those `Mouse`s).
#[cfg(target_arch = "wasm32")]
pub mod web {
    use web_sys::KeyboardEvent;

    use super::{Code, Key};

    pub fn key(event: &KeyboardEvent) -> Option<Key> {
        let name = event.key();
        let mut chars = name.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => Code::Char(c),
            _ => match name.as_str() {
                "Enter" => Code::Enter,
                "Escape" => Code::Esc,
                "Tab" if event.shift_key() => Code::BackTab,
                "Tab" => Code::Tab,
                "Backspace" => Code::Backspace,
                "Delete" => Code::Delete,
                "ArrowLeft" => Code::Left,
                "ArrowRight" => Code::Right,
                "ArrowUp" => Code::Up,
                "ArrowDown" => Code::Down,
                "Home" => Code::Home,
                "End" => Code::End,
                "PageUp" => Code::PageUp,
                "PageDown" => Code::PageDown,
                f => Code::F(f.strip_prefix('F')?.parse().ok()?),
            },
        };
        Some(Key {
            code,
            ctrl: event.ctrl_key(),
            alt: event.alt_key(),
        })
    }
}

/// The text editor's view of a key.
impl From<Key> for ratatui_textarea::Input {
    fn from(k: Key) -> ratatui_textarea::Input {
        use ratatui_textarea::Key as T;
        let key = match k.code {
            Code::Char(c) => T::Char(c),
            Code::Enter => T::Enter,
            Code::Esc => T::Esc,
            Code::Tab | Code::BackTab => T::Tab,
            Code::Backspace => T::Backspace,
            Code::Delete => T::Delete,
            Code::Left => T::Left,
            Code::Right => T::Right,
            Code::Up => T::Up,
            Code::Down => T::Down,
            Code::Home => T::Home,
            Code::End => T::End,
            Code::PageUp => T::PageUp,
            Code::PageDown => T::PageDown,
            Code::F(n) => T::F(n),
        };
        ratatui_textarea::Input {
            key,
            ctrl: k.ctrl,
            alt: k.alt,
            shift: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for s in [
            "a",
            "A",
            "?",
            "-",
            "ctrl-s",
            "alt-b",
            "ctrl--",
            "enter",
            "shift-tab",
            "pgdn",
            "space",
            "f5",
        ] {
            let k: Key = s.parse().expect("test input");
            assert_eq!(k.to_string(), s, "{s}");
        }
        assert_eq!(
            "Enter".parse::<Key>().expect("test input"),
            Key::new(Code::Enter)
        );
        assert!(
            "ctrl-".parse::<Key>().is_err(),
            "a modifier needs a key after it"
        );
    }

    #[test]
    fn bad_names_say_what_is_allowed() {
        let e = "pagedown".parse::<Key>().expect_err("an error").to_string();
        assert!(
            e.contains("`pagedown` is not a key") && e.contains("pgdn"),
            "{e}"
        );
        assert!("f13".parse::<Key>().is_err());
        assert!("".parse::<Key>().is_err());
    }

    #[test]
    fn labels() {
        assert_eq!(label(Key::ctrl('s')), "Ctrl-S");
        assert_eq!(label(Key::new(Code::Down)), "↓");
        assert_eq!(label(Key::char(' ')), "Space");
        assert_eq!(label(Key::char('a')), "a");
    }
}
