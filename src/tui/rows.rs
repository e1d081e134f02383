//! The lines of one row on each tab, x-ray included. Only visible rows are built.

use ratatui::style::Style;
use ratatui::text::Line;

use crate::model::{
    InboxRow, InvitationState, Mail, PersonId, SentRow, SentStatus, World, format_short,
};

use super::counts::PaneCounts;
use super::text::{fit, spread};
use super::theme::Theme;

/// How a row is drawn: selected, changed by the last action, plain.
#[derive(Debug, Clone, Copy)]
pub struct RowLook {
    pub selected: bool,
    /// The row's pane has the focus (the other pane's selection is drawn dimmer).
    pub focused: bool,
    pub changed: bool,
    pub width: usize,
}

impl RowLook {
    fn marker(&self) -> &'static str {
        match (self.selected, self.changed) {
            (true, _) => "▸ ",
            (false, true) => "✱ ",
            _ => "  ",
        }
    }

    fn highlight(&self, theme: &Theme) -> Style {
        if self.focused {
            theme.selected
        } else {
            theme.selected_unfocused
        }
    }

    fn main(&self, theme: &Theme) -> Style {
        if self.selected {
            self.highlight(theme)
        } else if self.changed {
            theme.changed_row
        } else {
            Style::new()
        }
    }

    fn sub(&self, theme: &Theme) -> Style {
        if self.selected {
            self.highlight(theme)
        } else {
            theme.dim
        }
    }
}

/// "Maya Chen · Growth marketer", or the name alone when there is no headline.
pub fn who(world: &World, p: PersonId) -> String {
    let person = world.person(p);
    if person.headline.is_empty() {
        person.name.clone()
    } else {
        format!("{} · {}", person.name, person.headline)
    }
}

/// The note under a row, when the invitation has one (a row without is one line).
fn note_line(note: Option<&str>, look: RowLook, theme: &Theme) -> Option<Line<'static>> {
    let text = format!("    “{}”", note?.replace(['\n', '\r'], " "));
    Some(Line::styled(fit(&text, look.width), look.sub(theme)))
}

/// One row as drawn: its lines, a right-aligned part of the first line, and the style
/// that fills the whole row when it is selected.
pub struct Row {
    pub lines: Vec<Line<'static>>,
    pub right: Option<Line<'static>>,
    pub fill: Option<Style>,
}

impl Row {
    fn new(
        lines: Vec<Line<'static>>,
        right: Option<Line<'static>>,
        look: RowLook,
        theme: &Theme,
    ) -> Row {
        Row {
            lines,
            right,
            fill: look.selected.then(|| look.highlight(theme)),
        }
    }
}

fn two_columns(
    left: String,
    right: String,
    style: Style,
    look: RowLook,
) -> (Line<'static>, Line<'static>) {
    let (l, r) = spread(&format!("{}{left}", look.marker()), &right, look.width);
    (
        Line::styled(l, style),
        Line::styled(r, style).right_aligned(),
    )
}

pub fn inbox(world: &World, row: &InboxRow, archived: bool, look: RowLook, theme: &Theme) -> Row {
    // The date is when it was sent, and says so: beside "ignored" a bare date would
    // read as the day it was ignored.
    let status = match (archived, row.seen) {
        (true, _) => "ignored",
        (false, true) => "seen",
        (false, false) => "NEW",
    };
    let right = format!("{status} · sent {}", format_short(world.local(row.sent)));
    let (first, right) = two_columns(who(world, row.from), right, look.main(theme), look);
    let mut lines = vec![first];
    lines.extend(note_line(
        world.invitation(row.invitation).note.as_deref(),
        look,
        theme,
    ));
    Row::new(lines, Some(right), look, theme)
}

pub fn sent(world: &World, row: &SentRow, xray: bool, look: RowLook, theme: &Theme) -> Row {
    let status = match row.status {
        SentStatus::Pending => "Pending",
        SentStatus::Connected => "Connected",
    };
    let right = format!("{status} · sent {}", format_short(world.local(row.sent)));
    let (first, right) = two_columns(who(world, row.to), right, look.main(theme), look);
    let mut lines = vec![first];
    lines.extend(note_line(
        world.invitation(row.invitation).note.as_deref(),
        look,
        theme,
    ));
    if xray {
        let text = format!("  ⟂ truth: {}", truth(world, row));
        lines.push(Line::styled(fit(&text, look.width), theme.xray));
    }
    Row::new(lines, Some(right), look, theme)
}

/// The hidden state behind a Sent row, in words.
pub fn truth(world: &World, row: &SentRow) -> String {
    let inv = world.invitation(row.invitation);
    let day = |t: chrono::DateTime<chrono::Utc>| world.local(t).format("%-d %b").to_string();
    let when = day(inv.changed);
    match inv.state {
        InvitationState::Pending { seen: false } => "not opened yet".to_owned(),
        InvitationState::Pending { seen: true } => {
            format!(
                "opened {}, no answer",
                inv.opened.map(day).unwrap_or_default()
            )
        }
        InvitationState::Ignored if world.rules().ignore_archives => {
            format!("ignored {when}, archived")
        }
        InvitationState::Ignored => format!("ignored {when}, removed"),
        InvitationState::DontKnow => format!("\"I don't know\" {when}, removed, flagged"),
        InvitationState::Spam => format!("reported as spam {when}, removed, flagged"),
        InvitationState::Accepted => format!("accepted {when}"),
        InvitationState::Withdrawn | InvitationState::Expired => inv.state.label().to_owned(),
        InvitationState::Undelivered => {
            "never delivered: they had said \"I don't know\" to this sender".to_owned()
        }
    }
}

pub fn mail(world: &World, m: &Mail, look: RowLook, theme: &Theme) -> Row {
    let text = format!(
        "{}{}  {}",
        look.marker(),
        format_short(world.local(m.at)),
        m.subject(world)
    );
    let line = Line::styled(fit(&text, look.width), look.main(theme));
    Row::new(vec![line], None, look, theme)
}

pub fn person(world: &World, p: PersonId, look: RowLook, theme: &Theme) -> Row {
    let text = format!("{}{}", look.marker(), who(world, p));
    let line = Line::styled(fit(&text, look.width), look.main(theme));
    Row::new(vec![line], None, look, theme)
}

/// "⟂ of the 312 pending: 140 ignored · 52 never opened · …": what the sender cannot
/// know about their own Pending rows.
pub fn truth_summary(t: &PaneCounts) -> String {
    let parts: Vec<String> = [
        (t.ignored, "ignored"),
        (t.not_opened, "never opened"),
        (t.opened, "opened, no answer"),
        (t.spam, "reported as spam"),
        (t.dont_know, "\"I don't know\""),
        (t.undelivered, "never delivered"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, what)| format!("{n} {what}"))
    .collect();
    format!("⟂ of the {} pending: {}", t.pending, parts.join(" · "))
}
