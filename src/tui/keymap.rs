//! The keymap as data: layers of key → `Command`, the defaults below, and a person's
//! own overrides from a file. Dispatch, the footer and the help screen all read it, so
//! what the screen says a key does is what it does.
//!
//! Layers stack as yazi's do. A dialog's layer (help, picker, compose, …) takes every
//! key while it is open; keys it does not bind are typed into its text field, if it
//! has one. Otherwise the quiz, lesson and playback layers sit over the main one, and
//! a key goes to the highest layer whose binding applies right now (the letters answer
//! a quiz only while one waits; the rest of the time they are actions).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Rules, Tab};

use super::key::{self, Key};

/// Where a binding lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Layer {
    /// The two panes.
    Main,
    /// While a scenario's script is loaded.
    Playback,
    /// In `invitesim learn`.
    Lesson,
    /// While a quiz waits for its answer.
    Quiz,
    Help,
    /// Choosing a person (for `p` and `n`).
    Picker,
    /// Writing a note, an email address or a reply.
    Compose,
    /// Typing the file to save to.
    Save,
    /// The save target exists: overwrite it?
    Overwrite,
    /// Quitting with unsaved exploring.
    Quit,
    /// Going back to the script would discard exploring.
    Discard,
    /// Typing a filter for the focused list.
    Filter,
    /// Reading one email or notification.
    Reader,
    /// The lesson menu of `invitesim learn`.
    Menu,
}

impl Layer {
    pub const ALL: [Layer; 14] = [
        Layer::Main,
        Layer::Playback,
        Layer::Lesson,
        Layer::Quiz,
        Layer::Help,
        Layer::Picker,
        Layer::Compose,
        Layer::Save,
        Layer::Overwrite,
        Layer::Quit,
        Layer::Discard,
        Layer::Filter,
        Layer::Reader,
        Layer::Menu,
    ];
}

/// What a key asks the app to do: the one command language of keys, the keymap file
/// and tests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Command {
    // The panes.
    SwitchPane,
    NextTab,
    PrevTab,
    Tab(Tab),
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    /// Scroll the "what just happened" panel, when it holds more than it shows.
    PanelDown,
    PanelUp,
    /// Filter the focused list by typing.
    Filter,
    /// Read the selected email or notification in full.
    Read,
    // Actions on the world.
    Accept,
    Ignore,
    DontKnow,
    ReportSpam,
    Open,
    Reply,
    Withdraw,
    Invite,
    Day,
    Week,
    Undo,
    // The app.
    Xray,
    PickPerson,
    Mouse,
    Save,
    Help,
    Quit,
    // Playback.
    PlayPause,
    StepForward,
    StepBack,
    /// Back to the script where the viewer left it.
    Return,
    /// The script again from its first step.
    Restart,
    // Lessons.
    Hint,
    Solution,
    NextLesson,
    /// Choose answer n (1-based) of the open quiz.
    Answer(u8),
    // Dialogs.
    /// Close the dialog (cancel).
    Close,
    /// Send, save, choose: the dialog's main action.
    Submit,
    /// Say yes to the dialog's question.
    Confirm,
    /// Move between the fields of the composer.
    NextField,
    /// In a keymap file: the key does nothing here (removes a default).
    Nothing,
}

impl Command {
    /// Commands that change the world: during playback they mean the viewer takes over.
    pub fn takes_over(self) -> bool {
        matches!(
            self,
            Command::Accept
                | Command::Ignore
                | Command::DontKnow
                | Command::ReportSpam
                | Command::Open
                | Command::Reply
                | Command::Withdraw
                | Command::Invite
                | Command::Day
                | Command::Week
                | Command::Undo
        )
    }

    /// The tabs a command acts on a row of (answers on received invitations, withdraw
    /// on sent ones, reading on mail); `None`: any tab.
    pub fn tabs(self) -> Option<&'static [Tab]> {
        match self {
            Command::Accept
            | Command::Ignore
            | Command::DontKnow
            | Command::ReportSpam
            | Command::Open
            | Command::Reply => Some(&[Tab::Invitations, Tab::Archive]),
            Command::Withdraw => Some(&[Tab::Sent]),
            Command::Read => Some(&[Tab::Notifications, Tab::Emails]),
            _ => None,
        }
    }

    /// The screen layer whose defaults bind the command (for sentences naming its key).
    pub fn layer(self) -> Layer {
        match self {
            Command::PlayPause
            | Command::StepForward
            | Command::StepBack
            | Command::Return
            | Command::Restart => Layer::Playback,
            Command::Hint | Command::Solution | Command::NextLesson => Layer::Lesson,
            Command::Answer(_) => Layer::Quiz,
            _ => Layer::Main,
        }
    }

    /// What help says the command does.
    pub fn describe(self) -> String {
        let s = match self {
            Command::SwitchPane => "Switch pane",
            Command::NextTab => "Next tab",
            Command::PrevTab => "Previous tab",
            Command::Tab(t) => return format!("Go to the {} tab", t.label()),
            Command::Down => "Next row",
            Command::Up => "Previous row",
            Command::PageDown => "A page down",
            Command::PageUp => "A page up",
            Command::Top => "First row",
            Command::Bottom => "Last row",
            Command::PanelDown => "Scroll the \"what just happened\" panel down, when it has more",
            Command::PanelUp => "Scroll the \"what just happened\" panel back up",
            Command::Filter => "Filter the list by name, headline or note (Esc clears it)",
            Command::Read => "Read the selected email or notification in full",
            Command::Accept => "Accept the selected invitation (also from the Archive)",
            Command::Ignore => "Ignore: to the Archive (classic) or removed (modern)",
            Command::DontKnow => "\"I don't know this person\": removed, one flag on the sender",
            Command::ReportSpam => "Report spam: removed for good, one flag on the sender",
            Command::Open => "Open the selected invitation: seen, no answer",
            Command::Reply => {
                "Reply without accepting: a message to the sender; the invitation stays"
            }
            Command::Withdraw => "Withdraw the selected sent invitation",
            Command::Invite => "New invitation from the focused person: pick someone, write a note",
            Command::Day => "Advance the clock one day",
            Command::Week => "Advance the clock one week",
            Command::Undo => "Undo the last action (the rest is replayed)",
            Command::Xray => "X-ray: show the hidden truth beside the sender's rows",
            Command::PickPerson => "Pick who the focused pane shows",
            Command::Mouse => "Mouse capture on / off (off lets the terminal select text)",
            Command::Save => "Save the session as a scenario file; open it later to resume",
            Command::Help => "This help",
            Command::Quit => "Quit (asks once if you explored since the last save)",
            Command::PlayPause => "Script: play / pause",
            Command::StepForward => "Script: next step",
            Command::StepBack => "Script: previous step (replays from the start)",
            Command::Return => {
                "Script: back to it where you left it (asks before discarding what you did)"
            }
            Command::Restart => "Script: restart it from the first step",
            Command::Hint => "Lesson: show or hide the hint",
            Command::Solution => {
                "Lesson: watch the stored solution (it does not count; u or an action takes over)"
            }
            Command::NextLesson => "Lesson: go on to the next lesson, once the goal is reached",
            Command::Answer(n) => return format!("Quiz: choose answer {n}"),
            Command::Close => "Close",
            Command::Submit => "Send / save / choose",
            Command::Confirm => "Yes",
            Command::NextField => "Next field",
            Command::Nothing => "Nothing",
        };
        s.to_owned()
    }

    /// The footer's word for the command, if it earns a place there.
    pub fn hint(self) -> Option<&'static str> {
        Some(match self {
            Command::Accept => "accept",
            Command::Ignore => "ignore",
            Command::DontKnow => "don't know",
            Command::ReportSpam => "spam",
            Command::Open => "open",
            Command::Reply => "reply",
            Command::Withdraw => "withdraw",
            Command::Read => "read",
            Command::Invite => "invite",
            Command::Day => "+day",
            Command::Week => "+week",
            Command::Xray => "x-ray",
            Command::PickPerson => "person",
            Command::Undo => "undo",
            Command::PlayPause => "play",
            Command::StepForward => "step",
            Command::StepBack => "back",
            Command::Return => "to script",
            Command::Hint => "hint",
            Command::Solution => "solution",
            Command::NextLesson => "next lesson",
            Command::Answer(_) => "answer",
            Command::SwitchPane => "pane",
            Command::Filter => "filter",
            Command::PanelDown => "more",
            Command::Save => "save",
            Command::Help => "help",
            Command::Quit => "quit",
            Command::Close => "close",
            Command::Submit => "ok",
            Command::Confirm => "yes",
            Command::NextField => "next field",
            _ => return None,
        })
    }

    /// The footer's word for the command in a dialog's layer, where Enter and Esc mean
    /// that dialog's own thing.
    pub fn hint_in(self, layer: Layer) -> Option<&'static str> {
        Some(match (layer, self) {
            (Layer::Compose, Command::Submit) => "send",
            (Layer::Save, Command::Submit) => "save",
            (Layer::Picker, Command::Submit) => "choose",
            (Layer::Filter, Command::Submit) => "keep",
            (Layer::Menu, Command::Submit) => "start",
            (Layer::Filter, Command::Close) => "clear",
            (Layer::Help | Layer::Reader, Command::Close) => "close",
            (Layer::Quit, Command::Close) => "stay",
            (Layer::Discard, Command::Close) => "keep exploring",
            (Layer::Overwrite, Command::Close) => "edit the name",
            (Layer::Menu, Command::Close) => "leave",
            (_, Command::Close) => "cancel",
            (Layer::Quit, Command::Confirm) => "quit anyway",
            (Layer::Quit, Command::Save) => "save first",
            (Layer::Discard, Command::Confirm) => "discard",
            (Layer::Overwrite, Command::Confirm) => "overwrite",
            // Arrows in a dialog go without saying (and do nothing at an end).
            (_, Command::Down | Command::Up) => return None,
            _ => return self.hint(),
        })
    }

    /// For actions: what the sender's screen shows afterwards (the help screen's
    /// point), written from the rules in force.
    pub fn sender_sees(self, r: &Rules) -> Option<String> {
        Some(match self {
            Command::Accept => "Connected, plus a notification and an email: an answer the sender is told, like a reply".into(),
            Command::Ignore => "nothing: still Pending".into(),
            Command::DontKnow => format!(
                "nothing: still Pending, and they are not told they can no longer reach this person — a later invitation from them looks like any other and is never delivered. {} flags bring an anonymous warning.",
                r.flags_to_warn
            ),
            Command::ReportSpam => "nothing: still Pending (enough flags bring an anonymous warning)".into(),
            Command::Open => "nothing: a sender is never told an invitation was seen".into(),
            Command::Reply => "the message, as a notification and an email; the row still says Pending".into(),
            Command::Withdraw => {
                let classic = if r.withdraw_needs_no_answer {
                    " Refused once the recipient answered (ignored, flagged, replied) — a tell: not which answer."
                } else {
                    ""
                };
                format!(
                    "the row leaves their Sent list; {} days before inviting that person again.{classic}",
                    r.withdraw_wait_days
                )
            }
            Command::Invite => "a new Pending row in their Sent list".into(),
            Command::Day => "nothing: reminders go to recipients; expiry removes the row silently".into(),
            _ => return None,
        })
    }
}

/// The keys each layer binds by default, in the order help lists them.
const DEFAULTS: &[(Layer, &[&str], Command)] = {
    use Command as C;
    use Layer as L;
    &[
        (L::Main, &["a"], C::Accept),
        (L::Main, &["i"], C::Ignore),
        (L::Main, &["d"], C::DontKnow),
        (L::Main, &["s"], C::ReportSpam),
        (L::Main, &["o"], C::Open),
        (L::Main, &["y"], C::Reply),
        (L::Main, &["w"], C::Withdraw),
        (L::Main, &["enter"], C::Read),
        (L::Main, &["n"], C::Invite),
        (L::Main, &["t"], C::Day),
        (L::Main, &["T"], C::Week),
        (L::Main, &["x"], C::Xray),
        (L::Main, &["p"], C::PickPerson),
        (L::Main, &["u"], C::Undo),
        (L::Main, &["tab", "shift-tab"], C::SwitchPane),
        (L::Main, &["]", "right"], C::NextTab),
        (L::Main, &["[", "left"], C::PrevTab),
        (L::Main, &["1"], C::Tab(Tab::Invitations)),
        (L::Main, &["2"], C::Tab(Tab::Archive)),
        (L::Main, &["3"], C::Tab(Tab::Sent)),
        (L::Main, &["4"], C::Tab(Tab::Notifications)),
        (L::Main, &["5"], C::Tab(Tab::Emails)),
        (L::Main, &["6"], C::Tab(Tab::Network)),
        (L::Main, &["7"], C::Tab(Tab::Account)),
        (L::Main, &["j", "down"], C::Down),
        (L::Main, &["k", "up"], C::Up),
        (L::Main, &["pgdn", "ctrl-d"], C::PageDown),
        (L::Main, &["pgup", "ctrl-u"], C::PageUp),
        (L::Main, &["g", "home"], C::Top),
        (L::Main, &["G", "end"], C::Bottom),
        (L::Main, &["/"], C::Filter),
        (L::Main, &["J"], C::PanelDown),
        (L::Main, &["K"], C::PanelUp),
        (L::Main, &["ctrl-s"], C::Save),
        (L::Main, &["m"], C::Mouse),
        (L::Main, &["?"], C::Help),
        (L::Main, &["q", "esc", "ctrl-c"], C::Quit),
        (L::Playback, &["space"], C::PlayPause),
        (L::Playback, &["."], C::StepForward),
        (L::Playback, &[","], C::StepBack),
        (L::Playback, &["r"], C::Return),
        (L::Playback, &["R"], C::Restart),
        (L::Lesson, &["h"], C::Hint),
        (L::Lesson, &["S"], C::Solution),
        (L::Lesson, &["enter"], C::NextLesson),
        (L::Quiz, &["a"], C::Answer(1)),
        (L::Quiz, &["b"], C::Answer(2)),
        (L::Quiz, &["c"], C::Answer(3)),
        (L::Quiz, &["d"], C::Answer(4)),
        (L::Quiz, &["e"], C::Answer(5)),
        (L::Quiz, &["f"], C::Answer(6)),
        (L::Quiz, &["g"], C::Answer(7)),
        (L::Quiz, &["h"], C::Answer(8)),
        (L::Quiz, &["i"], C::Answer(9)),
        (L::Help, &["j", "down"], C::Down),
        (L::Help, &["k", "up"], C::Up),
        (L::Help, &["pgdn", "space"], C::PageDown),
        (L::Help, &["pgup"], C::PageUp),
        (L::Help, &["esc", "?", "q", "enter"], C::Close),
        (L::Help, &["ctrl-c"], C::Quit),
        (L::Picker, &["enter"], C::Submit),
        (L::Picker, &["down", "tab"], C::Down),
        (L::Picker, &["up", "shift-tab"], C::Up),
        (L::Picker, &["pgdn"], C::PageDown),
        (L::Picker, &["pgup"], C::PageUp),
        (L::Picker, &["esc"], C::Close),
        (L::Picker, &["ctrl-c"], C::Quit),
        (L::Compose, &["enter"], C::Submit),
        (L::Compose, &["tab", "shift-tab"], C::NextField),
        (L::Compose, &["esc"], C::Close),
        (L::Compose, &["ctrl-c"], C::Quit),
        (L::Save, &["enter"], C::Submit),
        (L::Save, &["esc"], C::Close),
        (L::Save, &["ctrl-c"], C::Quit),
        (L::Overwrite, &["y", "enter"], C::Confirm),
        (L::Overwrite, &["n", "esc"], C::Close),
        (L::Overwrite, &["ctrl-c"], C::Quit),
        (L::Quit, &["q", "y", "ctrl-c"], C::Confirm),
        (L::Quit, &["ctrl-s"], C::Save),
        (L::Quit, &["esc", "n"], C::Close),
        (L::Discard, &["y", "enter"], C::Confirm),
        (L::Discard, &["esc", "n"], C::Close),
        (L::Discard, &["ctrl-c"], C::Quit),
        (L::Filter, &["enter", "down", "up"], C::Submit),
        (L::Filter, &["esc"], C::Close),
        (L::Filter, &["ctrl-c"], C::Quit),
        (L::Reader, &["j", "down"], C::Down),
        (L::Reader, &["k", "up"], C::Up),
        (L::Reader, &["esc", "q", "enter"], C::Close),
        (L::Reader, &["ctrl-c"], C::Quit),
        (L::Menu, &["j", "down"], C::Down),
        (L::Menu, &["k", "up"], C::Up),
        (L::Menu, &["g", "home"], C::Top),
        (L::Menu, &["G", "end"], C::Bottom),
        (L::Menu, &["enter"], C::Submit),
        (L::Menu, &["q", "esc", "ctrl-c"], C::Close),
    ]
};

/// A layer's bindings in the order help shows them; a key appears once per layer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    layers: BTreeMap<Layer, Vec<(Key, Command)>>,
}

/// A person's keymap file: for each layer they change, key → command. A key named
/// there replaces what it did in that layer; `Nothing` removes it.
pub type Overrides = BTreeMap<Layer, BTreeMap<Key, Command>>;

impl Default for Keymap {
    fn default() -> Keymap {
        let mut layers: BTreeMap<Layer, Vec<(Key, Command)>> = BTreeMap::new();
        for &(layer, keys, command) in DEFAULTS {
            for k in keys {
                let key = k.parse().expect("the default keys are valid names");
                layers.entry(layer).or_default().push((key, command));
            }
        }
        Keymap { layers }
    }
}

impl Keymap {
    /// The defaults with `overrides` applied.
    pub fn with(overrides: &Overrides) -> Keymap {
        let mut map = Keymap::default();
        for (layer, keys) in overrides {
            let list = map.layers.entry(*layer).or_default();
            for (key, command) in keys {
                match list.iter_mut().find(|(k, _)| k == key) {
                    Some(slot) => slot.1 = *command,
                    None => {
                        // A new key goes beside the command's other keys, first, so
                        // the footer shows the key the person chose.
                        let at = list
                            .iter()
                            .position(|(_, c)| c == command)
                            .unwrap_or(list.len());
                        list.insert(at, (*key, *command));
                    }
                }
            }
            list.retain(|(_, c)| *c != Command::Nothing);
        }
        map
    }

    /// The bindings of `layer`, in help's order.
    pub fn bindings(&self, layer: Layer) -> &[(Key, Command)] {
        self.layers.get(&layer).map_or(&[], Vec::as_slice)
    }

    /// What `key` does in `layer`.
    pub fn command(&self, layer: Layer, key: Key) -> Option<Command> {
        self.bindings(layer)
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, c)| *c)
    }

    /// Every key bound to `command` in `layer`, in order.
    pub fn keys(&self, layer: Layer, command: Command) -> Vec<Key> {
        self.bindings(layer)
            .iter()
            .filter(|(_, c)| *c == command)
            .map(|(k, _)| *k)
            .collect()
    }

    /// How help writes the keys of `command` ("j ↓"); empty when it has none.
    pub fn label(&self, layer: Layer, command: Command) -> String {
        let keys = self.keys(layer, command);
        keys.iter()
            .map(|k| key::label(*k))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The first key of `command`, as the footer and the dialogs write it.
    pub fn first(&self, layer: Layer, command: Command) -> Option<String> {
        self.keys(layer, command).first().map(|k| key::label(*k))
    }

    /// The commands of `layer`, each once, in help's order.
    pub fn commands(&self, layer: Layer) -> Vec<Command> {
        let mut out: Vec<Command> = Vec::new();
        for (_, c) in self.bindings(layer) {
            if !out.contains(c) {
                out.push(*c);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice_in_a_layer() {
        for &layer in &Layer::ALL {
            let mut seen = Vec::new();
            for (k, _) in Keymap::default().bindings(layer) {
                assert!(!seen.contains(k), "{k} is bound twice in {layer:?}");
                seen.push(*k);
            }
        }
    }

    #[test]
    fn digits_pick_tabs_and_letters_answer() {
        let map = Keymap::default();
        assert_eq!(
            map.command(Layer::Main, Key::char('3')),
            Some(Command::Tab(Tab::Sent))
        );
        assert_eq!(
            map.command(Layer::Quiz, Key::char('b')),
            Some(Command::Answer(2))
        );
        assert_eq!(map.command(Layer::Quiz, Key::char('3')), None);
    }

    #[test]
    fn overrides_replace_add_and_remove() {
        let mut o = Overrides::new();
        let main = o.entry(Layer::Main).or_default();
        main.insert(Key::char('A'), Command::Accept);
        main.insert(Key::char('a'), Command::Nothing);
        main.insert(Key::char('x'), Command::Undo);
        let map = Keymap::with(&o);
        assert_eq!(map.keys(Layer::Main, Command::Accept), vec![Key::char('A')]);
        assert_eq!(map.command(Layer::Main, Key::char('a')), None);
        assert_eq!(
            map.command(Layer::Main, Key::char('x')),
            Some(Command::Undo)
        );
        assert!(map.keys(Layer::Main, Command::Xray).is_empty());
        assert_eq!(map.label(Layer::Main, Command::Undo), "x u");
    }
}
