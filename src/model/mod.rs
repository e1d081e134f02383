//! The simulated platform. Knows nothing of terminals, files or the wall clock: every
//! front end (TUI, headless player, recorder) is a view over the same `World`.

mod account;
mod action;
mod event;
mod invitation;
mod lists;
mod mail;
mod person;
mod rules;
mod timers;
mod view;
mod world;

pub use account::{Account, Standing};
pub use action::{Action, format_duration};
pub use event::{Audience, Event, EventKind, seen_by};
pub use invitation::{Answer, Invitation, InvitationId, InvitationState};
pub use lists::{Lists, Placement};
pub use mail::{Mail, MailKind};
pub use person::{Person, PersonId};
pub use rules::{Preset, Rules};
pub use view::{
    AccountView, InboxRow, RowKey, SentRow, SentStatus, Tab, TabChange, View, ViewDiff,
};
pub use world::{Refusal, World};

use chrono::{DateTime, Utc};

/// The one way simulated times are written: "Mon 2 Mar 2026, 09:00".
pub fn format_time(t: DateTime<Utc>) -> String {
    t.format("%a %-d %b %Y, %H:%M").to_string()
}

/// Short form for list rows: "2 Mar 09:00".
pub fn format_short(t: DateTime<Utc>) -> String {
    t.format("%-d %b %H:%M").to_string()
}
