//! The one keymap table: it drives dispatch, the footer hints and the `?` help overlay,
//! so what the screen says a key does is what it does.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::model::{Rules, Tab};

/// What a key asks the app to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Quit,
    SwitchPane,
    NextTab,
    PrevTab,
    Tab(usize),
    Down,
    Up,
    Top,
    Bottom,
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
    Xray,
    PickPerson,
    Undo,
    Help,
    Mouse,
    PlayPause,
    StepForward,
    StepBack,
    Restart,
    RestartFromStart,
    Hint,
    Solution,
    NextLesson,
    Save,
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
    /// on sent ones); `None`: any tab. The footer offers a key only where it acts.
    pub fn tabs(self) -> Option<&'static [Tab]> {
        match self {
            Command::Accept
            | Command::Ignore
            | Command::DontKnow
            | Command::ReportSpam
            | Command::Open
            | Command::Reply => Some(&[Tab::Invitations, Tab::Archive]),
            Command::Withdraw => Some(&[Tab::Sent]),
            _ => None,
        }
    }

    /// Commands that only mean something in `invitesim learn`.
    pub fn lesson(self) -> bool {
        matches!(
            self,
            Command::Hint | Command::Solution | Command::NextLesson
        )
    }

    /// Commands that only mean something while a script is loaded.
    pub fn scripted(self) -> bool {
        matches!(
            self,
            Command::PlayPause
                | Command::StepForward
                | Command::StepBack
                | Command::Restart
                | Command::RestartFromStart
        )
    }
}

/// One row of the table.
pub struct Binding {
    /// Every key that triggers it (without Ctrl; Ctrl-C is the one chord, handled apart).
    pub keys: &'static [KeyCode],
    /// How help and the footer write the keys.
    pub label: &'static str,
    pub command: Command,
    pub description: &'static str,
    /// For actions: what the sender's screen shows afterwards (the help overlay's point),
    /// written from the rules in force.
    pub sender_sees: Option<fn(&Rules) -> String>,
    /// Short hint for the footer, if the key earns a place there.
    pub hint: Option<&'static str>,
}

const fn bind(
    keys: &'static [KeyCode],
    label: &'static str,
    command: Command,
    description: &'static str,
) -> Binding {
    Binding {
        keys,
        label,
        command,
        description,
        sender_sees: None,
        hint: None,
    }
}

impl Binding {
    const fn sees(mut self, s: fn(&Rules) -> String) -> Binding {
        self.sender_sees = Some(s);
        self
    }
    const fn hint(mut self, h: &'static str) -> Binding {
        self.hint = Some(h);
        self
    }
}

use KeyCode::Char as C;

pub const KEYMAP: &[Binding] = &[
    bind(
        &[C('a')],
        "a",
        Command::Accept,
        "Accept the selected invitation (also from the Archive)",
    )
    .sees(|_| "Connected, plus a notification and an email: an answer the sender is told, like a reply".into())
    .hint("accept"),
    bind(
        &[C('i')],
        "i",
        Command::Ignore,
        "Ignore: to the Archive (classic) or removed (modern)",
    )
    .sees(|_| "nothing: still Pending".into())
    .hint("ignore"),
    bind(
        &[C('d')],
        "d",
        Command::DontKnow,
        "\"I don't know this person\": removed, one flag on the sender",
    )
    .sees(|r| {
        format!(
            "nothing: still Pending, and they are not told they can no longer reach this person — a later invitation from them looks like any other and is never delivered. {} flags bring an anonymous warning.",
            r.flags_to_warn
        )
    })
    .hint("don't know"),
    bind(
        &[C('s')],
        "s",
        Command::ReportSpam,
        "Report spam: removed for good, one flag on the sender",
    )
    .sees(|_| "nothing: still Pending (enough flags bring an anonymous warning)".into())
    .hint("spam"),
    bind(
        &[C('o')],
        "o",
        Command::Open,
        "Open the selected invitation: seen, no answer",
    )
    .sees(|_| "nothing: a sender is never told an invitation was seen".into())
    .hint("open"),
    bind(
        &[C('y')],
        "y",
        Command::Reply,
        "Reply without accepting: a message to the sender; the invitation stays",
    )
    .sees(|_| "the message, as a notification and an email; the row still says Pending".into())
    .hint("reply"),
    bind(
        &[C('w')],
        "w",
        Command::Withdraw,
        "Withdraw the selected sent invitation",
    )
    .sees(|r| {
        let classic = if r.withdraw_needs_no_answer {
            " Refused once the recipient answered (ignored, flagged, replied) — a tell: not which answer."
        } else {
            ""
        };
        format!(
            "the row leaves their Sent list; {} days before inviting that person again.{classic}",
            r.withdraw_wait_days
        )
    })
    .hint("withdraw"),
    bind(
        &[C('n')],
        "n",
        Command::Invite,
        "New invitation from the focused person: pick someone, write a note",
    )
    .sees(|_| "a new Pending row in their Sent list".into())
    .hint("invite"),
    bind(&[C('t')], "t", Command::Day, "Advance the clock one day")
        .sees(|_| "nothing: reminders go to recipients; expiry removes the row silently".into())
        .hint("+day"),
    bind(&[C('T')], "T", Command::Week, "Advance the clock one week").hint("+week"),
    bind(
        &[C('x')],
        "x",
        Command::Xray,
        "X-ray: show the hidden truth beside the sender's rows",
    )
    .hint("x-ray"),
    bind(
        &[C('p')],
        "p",
        Command::PickPerson,
        "Pick who the focused pane shows",
    )
    .hint("person"),
    bind(
        &[C('u')],
        "u",
        Command::Undo,
        "Undo the last action (the rest is replayed)",
    )
    .hint("undo"),
    bind(
        &[C(' ')],
        "Space",
        Command::PlayPause,
        "Script: play / pause (a quiz pauses and asks: 1–9 answers)",
    )
    .hint("play"),
    bind(&[C('.')], ".", Command::StepForward, "Script: next step").hint("step"),
    bind(
        &[C(',')],
        ",",
        Command::StepBack,
        "Script: previous step (replays from the start)",
    )
    .hint("back"),
    bind(
        &[C('r')],
        "r",
        Command::Restart,
        "Script: return to it where you left it (asks before discarding what you did)",
    )
    .hint("restart"),
    bind(
        &[C('R')],
        "R",
        Command::RestartFromStart,
        "Script: restart it from the first step",
    ),
    bind(
        &[C('h')],
        "h",
        Command::Hint,
        "Lesson: show or hide the hint",
    )
    .hint("hint"),
    bind(
        &[C('S')],
        "S",
        Command::Solution,
        "Lesson: play the stored solution (action keys take over again)",
    )
    .hint("solution"),
    bind(
        &[KeyCode::Enter],
        "Enter",
        Command::NextLesson,
        "Lesson: go on to the next lesson",
    )
    .hint("next lesson"),
    bind(
        &[KeyCode::Tab, KeyCode::BackTab],
        "Tab",
        Command::SwitchPane,
        "Switch pane",
    )
    .hint("pane"),
    bind(
        &[C(']'), KeyCode::Right],
        "] →",
        Command::NextTab,
        "Next tab",
    ),
    bind(
        &[C('['), KeyCode::Left],
        "[ ←",
        Command::PrevTab,
        "Previous tab",
    ),
    bind(
        &[C('1'), C('2'), C('3'), C('4'), C('5'), C('6'), C('7')],
        "1–7",
        Command::Tab(0),
        "Go to a tab: Invitations, Archive, Sent, Notifications, Emails, Network, Account",
    ),
    bind(&[C('j'), KeyCode::Down], "j ↓", Command::Down, "Next row"),
    bind(&[C('k'), KeyCode::Up], "k ↑", Command::Up, "Previous row"),
    bind(
        &[C('g'), KeyCode::Home],
        "g Home",
        Command::Top,
        "First row",
    ),
    bind(
        &[C('G'), KeyCode::End],
        "G End",
        Command::Bottom,
        "Last row",
    ),
    bind(
        &[],
        "Ctrl-S",
        Command::Save,
        "Save the session as a scenario file; open it later to resume",
    )
    .hint("save"),
    bind(
        &[C('m')],
        "m",
        Command::Mouse,
        "Mouse capture on / off (off lets the terminal select text)",
    ),
    bind(&[C('?')], "?", Command::Help, "This help").hint("help"),
    bind(
        &[C('q'), KeyCode::Esc],
        "q Esc",
        Command::Quit,
        "Quit (Esc closes an overlay first; Ctrl-C quits too)",
    )
    .hint("quit"),
];

/// The command a key press asks for in the main screen, looked up in `KEYMAP`.
pub fn command_for(key: KeyEvent) -> Option<Command> {
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Command::Quit),
            KeyCode::Char('s') => Some(Command::Save),
            _ => None,
        };
    }
    let binding = KEYMAP.iter().find(|b| b.keys.contains(&key.code))?;
    Some(match (binding.command, key.code) {
        (Command::Tab(_), KeyCode::Char(c)) => Command::Tab(c as usize - '1' as usize),
        (command, _) => command,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_is_bound_twice() {
        let mut seen = Vec::new();
        for b in KEYMAP {
            for k in b.keys {
                assert!(!seen.contains(k), "{k:?} is bound twice");
                seen.push(*k);
            }
        }
    }

    #[test]
    fn digits_pick_tabs() {
        let key = KeyEvent::from(KeyCode::Char('3'));
        assert_eq!(command_for(key), Some(Command::Tab(2)));
    }
}
