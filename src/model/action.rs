//! The one language of change: key presses, scenario script steps and tests all become
//! `Action` values applied by `World::apply`. People are named by their handles.

use chrono::Duration;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Action {
    /// `from` invites `to`, with an optional note; `email` is the recipient's address,
    /// needed when the sender is restricted under classic rules.
    Send {
        from: String,
        to: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        email: Option<String>,
    },
    /// Advance the simulated clock; timers due on the way fire in time order.
    Wait {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        days: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        hours: Option<u32>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        minutes: Option<u32>,
    },
    /// The recipient opens the invitation: seen, no answer.
    Open {
        by: String,
        from: String,
    },
    Ignore {
        by: String,
        from: String,
    },
    Accept {
        by: String,
        from: String,
    },
    DontKnow {
        by: String,
        from: String,
    },
    ReportSpam {
        by: String,
        from: String,
    },
    /// "Reply (don't accept yet)": a message to the sender; the invitation stays where it
    /// is, still answerable, and its reminders stop (H1303a/b, H3882).
    Reply {
        by: String,
        from: String,
        text: String,
    },
    /// The sender takes back a pending invitation.
    Withdraw {
        by: String,
        to: String,
    },
}

impl Action {
    pub fn wait_days(days: u32) -> Action {
        Action::Wait {
            days: Some(days),
            hours: None,
            minutes: None,
        }
    }

    /// The variant's name as written in scenarios ("ReportSpam").
    pub fn name(&self) -> &'static str {
        match self {
            Action::Send { .. } => "Send",
            Action::Wait { .. } => "Wait",
            Action::Open { .. } => "Open",
            Action::Ignore { .. } => "Ignore",
            Action::Accept { .. } => "Accept",
            Action::DontKnow { .. } => "DontKnow",
            Action::ReportSpam { .. } => "ReportSpam",
            Action::Reply { .. } => "Reply",
            Action::Withdraw { .. } => "Withdraw",
        }
    }

    /// Every handle the action names, in order.
    pub fn handles(&self) -> Vec<&str> {
        match self {
            Action::Send { from, to, .. } => vec![from, to],
            Action::Wait { .. } => vec![],
            Action::Open { by, from }
            | Action::Ignore { by, from }
            | Action::Accept { by, from }
            | Action::DontKnow { by, from }
            | Action::ReportSpam { by, from }
            | Action::Reply { by, from, .. } => vec![by, from],
            Action::Withdraw { by, to } => vec![by, to],
        }
    }

    /// Every string the action holds (handles, note, email), to rewrite them in place.
    pub fn strings_mut(&mut self) -> Vec<&mut String> {
        match self {
            Action::Send {
                from,
                to,
                note,
                email,
            } => [Some(from), Some(to), note.as_mut(), email.as_mut()]
                .into_iter()
                .flatten()
                .collect(),
            Action::Wait { .. } => vec![],
            Action::Open { by, from }
            | Action::Ignore { by, from }
            | Action::Accept { by, from }
            | Action::DontKnow { by, from }
            | Action::ReportSpam { by, from } => vec![by, from],
            Action::Reply { by, from, text } => vec![by, from, text],
            Action::Withdraw { by, to } => vec![by, to],
        }
    }

    /// The field names matching `handles()`, for error messages that point at a field.
    pub fn handle_fields(&self) -> &'static [&'static str] {
        match self {
            Action::Send { .. } => &["from", "to"],
            Action::Wait { .. } => &[],
            Action::Withdraw { .. } => &["by", "to"],
            _ => &["by", "from"],
        }
    }

    /// How far a `Wait` moves the clock (zero for other actions).
    pub fn wait_duration(&self) -> Duration {
        match self {
            Action::Wait {
                days,
                hours,
                minutes,
            } => {
                Duration::days(i64::from(days.unwrap_or(0)))
                    + Duration::hours(i64::from(hours.unwrap_or(0)))
                    + Duration::minutes(i64::from(minutes.unwrap_or(0)))
            }
            _ => Duration::zero(),
        }
    }

    /// A compact one-line form for transcripts: `Send(maya → sam, note: "Hi")`.
    pub fn summary(&self) -> String {
        match self {
            Action::Send {
                from,
                to,
                note,
                email,
            } => {
                let mut s = format!("Send({from} → {to}");
                if let Some(note) = note {
                    s.push_str(&format!(", note: {note:?}"));
                }
                if let Some(email) = email {
                    s.push_str(&format!(", email: {email:?}"));
                }
                s.push(')');
                s
            }
            Action::Wait { .. } => format!("Wait({})", format_duration(self.wait_duration())),
            Action::Withdraw { by, to } => format!("Withdraw({by} → {to})"),
            Action::Reply { by, from, text } => format!("Reply({by}, to {from}: {text:?})"),
            other => {
                let [by, from] = other.handles()[..] else {
                    return other.name().to_owned();
                };
                format!("{}({by}, from {from})", other.name())
            }
        }
    }
}

impl Action {
    /// Who does the action (`None` for a wait): the sender of a Send or Withdraw, the
    /// recipient of an answer or a reply.
    pub fn actor(&self) -> Option<&str> {
        match self {
            Action::Send { from, .. } => Some(from),
            Action::Wait { .. } => None,
            Action::Withdraw { by, .. }
            | Action::Open { by, .. }
            | Action::Ignore { by, .. }
            | Action::Accept { by, .. }
            | Action::DontKnow { by, .. }
            | Action::ReportSpam { by, .. }
            | Action::Reply { by, .. } => Some(by),
        }
    }

    /// The sender of the invitation a recipient's answer is about (Open, Ignore,
    /// DontKnow, ReportSpam, Accept, Reply): the person the teaching rule protects.
    pub fn answered_sender(&self) -> Option<&str> {
        match self {
            Action::Open { from, .. }
            | Action::Ignore { from, .. }
            | Action::Accept { from, .. }
            | Action::DontKnow { from, .. }
            | Action::ReportSpam { from, .. }
            | Action::Reply { from, .. } => Some(from),
            _ => None,
        }
    }
}

/// "3 days 4 hours", "1 week", "0 minutes".
pub fn format_duration(d: Duration) -> String {
    let mut parts = Vec::new();
    let mut minutes = d.num_minutes();
    for (unit, size) in [("day", 24 * 60), ("hour", 60), ("minute", 1)] {
        let n = minutes / size;
        minutes %= size;
        if n > 0 {
            parts.push(format!("{n} {unit}{}", if n == 1 { "" } else { "s" }));
        }
    }
    if parts.is_empty() {
        "0 minutes".to_owned()
    } else {
        parts.join(" ")
    }
}
