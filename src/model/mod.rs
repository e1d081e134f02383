//! The simulated platform. Knows nothing of terminals, files or the wall clock: every
//! front end (TUI, headless player, recorder) is a view over the same `World`.

mod account;
mod action;
mod event;
mod invitation;
mod lists;
mod mail;
mod narrate;
mod person;
mod refusal;
mod rules;
mod tells;
mod timers;
mod view;
mod world;

pub use account::{Account, Standing};
pub use action::{Action, format_duration};
pub use event::{Audience, Event, EventKind};
pub use invitation::{Answer, Invitation, InvitationId, InvitationState, Reply};
pub use lists::{Lists, Placement};
pub use mail::{Mail, MailKind};
pub use narrate::{attempt, change_line, diff_summary, seen_by};
pub use person::{Person, PersonId};
pub use refusal::{Refusal, TextKind, Verb};
pub use rules::{Chance, MAX_RESTRICTION_DAYS, Preset, Rules};
pub use tells::{Own, Tell, TellKind, infer};
pub use view::{
    AccountView, InboxRow, Row, RowChange, RowKey, SentRow, SentStatus, Tab, TabChange, View,
    ViewDiff,
};
pub use world::{Act, World};

use chrono::{DateTime, TimeZone};

/// The one way simulated times are written: "Mon 2 Mar 2026, 09:00", in the time's own
/// zone (a world shows its times in the offset of its scenario's `start`: `World::local`).
pub fn format_time<Tz: TimeZone>(t: DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    t.format("%a %-d %b %Y, %H:%M").to_string()
}

/// Short form for list rows: "2 Mar 09:00".
pub fn format_short<Tz: TimeZone>(t: DateTime<Tz>) -> String
where
    Tz::Offset: std::fmt::Display,
{
    // "%-d %b %H:%M" written out: it is drawn for every visible row of every frame,
    // and chrono's `format` parses its pattern on each call.
    use chrono::{Datelike, Timelike};
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {} {:02}:{:02}",
        t.day(),
        MONTHS[t.month0() as usize],
        t.hour(),
        t.minute()
    )
}

/// The offset as a header shows it: "UTC", "UTC+02:00".
pub fn format_offset(offset: chrono::FixedOffset) -> String {
    if offset.local_minus_utc() == 0 {
        "UTC".to_owned()
    } else {
        format!("UTC{offset}")
    }
}

#[cfg(test)]
mod format_tests {
    use chrono::{DateTime, Duration, Utc};

    #[test]
    fn format_short_matches_the_strftime_pattern() {
        let start: DateTime<Utc> = "2026-01-01T00:07:00Z".parse().expect("a time");
        for hours in (0..24 * 400).step_by(37) {
            let t = start + Duration::hours(hours);
            assert_eq!(super::format_short(t), t.format("%-d %b %H:%M").to_string());
        }
    }
}
