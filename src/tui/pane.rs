//! One person's screen: a bordered pane with the seven tabs, the visible window of the
//! current tab's rows, and a badge saying whether the last action changed it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use crate::model::{RowKey, Standing, Tab, View, format_time};

use super::app::App;
use super::counts::PaneCounts;
use super::rows::{self, RowLook};
use super::text::{self, fit};

/// Where a pane's parts landed on screen, for mouse clicks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaneHit {
    pub area: Rect,
    pub tabs_y: u16,
    /// Start and end column of each tab's title.
    pub tabs: [(u16, u16); 7],
    pub list: Rect,
    pub row_height: u16,
    pub offset: usize,
}

pub fn render(app: &App, i: usize, area: Rect, buf: &mut Buffer) -> PaneHit {
    let theme = &app.theme;
    let pane = &app.panes[i];
    let view = &app.views[i];
    let person = app.world.person(pane.person);
    let focused = app.focus == i;
    let badge = badge(app, i);
    let room = (area.width as usize).saturating_sub(badge.as_ref().map_or(0, Line::width) + 4);
    let name = fit(&format!(" {} ", person.name), room);
    let headline = if person.headline.is_empty() {
        String::new()
    } else {
        fit(
            &format!("· {} ", person.headline),
            room.saturating_sub(text::width(&name)),
        )
    };
    let mut block = Block::bordered()
        .border_style(if focused {
            theme.focus_border
        } else {
            theme.border
        })
        .title(Line::from(vec![
            Span::styled(name, theme.title),
            Span::styled(headline, theme.dim),
        ]));
    if let Some(badge) = badge {
        block = block.title(badge.right_aligned());
    }
    let room = (area.width as usize).saturating_sub(4);
    let counts = &app.counts[i];
    let status = status_line(view, counts, pane.tab, app.xray)
        .filter(|s| text::width(s) <= room)
        .or_else(|| status_line(view, counts, pane.tab, false));
    if let Some(status) = status {
        let status = fit(&format!(" {status} "), room);
        block = block.title_bottom(Line::from(Span::styled(status, theme.dim)).right_aligned());
    }
    let inner = block.inner(area);
    block.render(area, buf);
    let mut hit = PaneHit {
        area,
        ..PaneHit::default()
    };
    if inner.height < 2 || inner.width < 4 {
        return hit;
    }
    hit.tabs_y = inner.y;
    hit.tabs = render_tabs(app, i, Rect { height: 1, ..inner }, buf);
    let list = Rect {
        y: inner.y + 1,
        height: inner.height - 1,
        ..inner
    };
    hit.list = list;
    if pane.tab == Tab::Account {
        render_account(app, i, list, buf);
        return hit;
    }
    let list = match (pane.tab, app.xray) {
        (Tab::Sent, true) if app.counts[i].pending > 0 && list.height > 2 => {
            let text = rows::truth_summary(&app.counts[i]);
            let line = Line::styled(fit(&text, list.width as usize), theme.xray);
            line.render(Rect { height: 1, ..list }, buf);
            Rect {
                y: list.y + 1,
                height: list.height - 1,
                ..list
            }
        }
        _ => list,
    };
    hit.list = list;
    let (height, offset) = render_list(app, i, list, buf);
    hit.row_height = height;
    hit.offset = offset;
    hit
}

fn badge(app: &App, i: usize) -> Option<Line<'static>> {
    let outcome = app.outcome.as_ref()?;
    let person = app.panes[i].person;
    let diff = outcome.diff_for(person)?;
    let theme = &app.theme;
    Some(if diff.is_empty() {
        let told = if outcome.answered_sender == Some(person) && outcome.refusal.is_none() {
            " UNCHANGED · not told "
        } else {
            " UNCHANGED "
        };
        Line::from(Span::styled(told, theme.badge_unchanged))
    } else {
        Line::from(Span::styled(" CHANGED ", theme.badge_changed))
    })
}

/// "2 pending · 1 connected" under a Sent list and similar counts elsewhere.
fn status_line(view: &View, counts: &PaneCounts, tab: Tab, xray: bool) -> Option<String> {
    match tab {
        Tab::Sent if !view.sent.is_empty() => {
            let legend = if xray {
                " · ⟂ the sender never sees"
            } else {
                ""
            };
            let (pending, connected) = (counts.pending, counts.connected);
            Some(format!("{pending} pending · {connected} connected{legend}"))
        }
        Tab::Invitations if !view.invitations.is_empty() => {
            let (waiting, new) = (view.invitations.len(), counts.new_invitations);
            Some(format!("{waiting} waiting · {new} new"))
        }
        _ => None,
    }
}

fn counts(view: &View) -> [usize; 7] {
    [
        view.invitations.len(),
        view.archive.len(),
        view.sent.len(),
        view.notifications.len(),
        view.emails.len(),
        view.network.len(),
        0,
    ]
}

fn render_tabs(app: &App, i: usize, area: Rect, buf: &mut Buffer) -> [(u16, u16); 7] {
    const SHORT: [&str; 7] = ["Inv", "Arch", "Sent", "Notif", "Mail", "Net", "Acct"];
    const TINY: [&str; 7] = ["In", "Ar", "Se", "No", "Em", "Ne", "Ac"];
    let theme = &app.theme;
    let counts = counts(&app.views[i]);
    let diff = app
        .outcome
        .as_ref()
        .and_then(|o| o.diff_for(app.panes[i].person));
    let changed = |t: Tab| diff.is_some_and(|d| !d.changed_rows(t).is_empty());
    let label = |t: Tab, size: usize| {
        let name = [t.label(), SHORT[t.index()], TINY[t.index()]][size];
        let star = if changed(t) { "*" } else { "" };
        match counts[t.index()] {
            0 => format!("{name}{star}"),
            n => format!("{name} {n}{star}"),
        }
    };
    // The roomiest form that fits: full names, short names, packed, then two letters.
    let forms = [(0, " │ "), (1, " │ "), (1, " "), (2, " ")];
    let fits = |&(short, sep): &(usize, &str)| {
        let w: usize = Tab::ALL
            .iter()
            .map(|&t| label(t, short).chars().count() + sep.chars().count())
            .sum();
        w <= area.width as usize + sep.chars().count()
    };
    let (short, sep) = forms.iter().copied().find(fits).unwrap_or((2, " "));
    let sep_width = sep.chars().count() as u16;
    let mut spans = Vec::new();
    let mut ranges = [(0u16, 0u16); 7];
    let mut x = area.x;
    for t in Tab::ALL {
        let text = label(t, short);
        let style = if app.panes[i].tab == t {
            theme.tab_active
        } else if changed(t) {
            theme.changed_row
        } else {
            theme.dim
        };
        let w = text.chars().count() as u16;
        ranges[t.index()] = (x, x + w);
        spans.push(Span::styled(text, style));
        spans.push(Span::styled(sep, theme.dim));
        x += w + sep_width;
    }
    spans.pop();
    Line::from(spans).render(area, buf);
    ranges
}

/// Draws the visible window of rows; returns the row height and the first row shown.
fn render_list(app: &App, i: usize, area: Rect, buf: &mut Buffer) -> (u16, usize) {
    let pane = &app.panes[i];
    let view = &app.views[i];
    let theme = &app.theme;
    let world = &app.world;
    let n = app.row_count(i);
    if n == 0 {
        let text = empty_text(app, pane.tab);
        Paragraph::new(Span::styled(text, theme.dim))
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return (1, 0);
    }
    let row_height: u16 = match pane.tab {
        Tab::Invitations | Tab::Archive => 2,
        Tab::Sent if app.xray => 3,
        Tab::Sent => 2,
        _ => 1,
    };
    let visible = (area.height / row_height).max(1) as usize;
    let selected = pane.selected().min(n - 1);
    let mut offset = pane.offset.get().min(n - 1);
    if selected < offset {
        offset = selected;
    } else if selected >= offset + visible {
        offset = selected + 1 - visible;
    }
    pane.offset.set(offset);
    let changed = app
        .outcome
        .as_ref()
        .and_then(|o| o.diff_for(pane.person))
        .map_or(&[][..], |d| d.changed_rows(pane.tab));
    let mut rows_drawn: Vec<rows::Row> = Vec::with_capacity(visible);
    for r in offset..(offset + visible).min(n) {
        let mut look = RowLook {
            selected: r == selected,
            changed: false,
            width: area.width as usize,
        };
        let row = match pane.tab {
            Tab::Invitations | Tab::Archive => {
                let rows = if pane.tab == Tab::Archive {
                    &view.archive
                } else {
                    &view.invitations
                };
                look.changed = changed.contains(&RowKey::Invitation(rows[r].invitation));
                rows::inbox(world, &rows[r], pane.tab == Tab::Archive, look, theme)
            }
            Tab::Sent => {
                look.changed = changed.contains(&RowKey::Invitation(view.sent[r].invitation));
                rows::sent(world, &view.sent[r], app.xray, look, theme)
            }
            Tab::Notifications | Tab::Emails => {
                let list = if pane.tab == Tab::Emails {
                    &view.emails
                } else {
                    &view.notifications
                };
                look.changed = changed.contains(&RowKey::Mail(list[r]));
                rows::mail(world, &list[r], look, theme)
            }
            Tab::Network => {
                look.changed = changed.contains(&RowKey::Person(view.network[r]));
                rows::person(world, view.network[r], look, theme)
            }
            Tab::Account => continue,
        };
        rows_drawn.push(row);
    }
    if n > visible {
        let more = format!(" {}–{} of {n} ", offset + 1, (offset + visible).min(n));
        let x = area.right().saturating_sub(more.chars().count() as u16);
        buf.set_string(x, area.bottom().saturating_sub(1), more, theme.dim);
    }
    // Each line straight into its place: lines are already cut to the width, so a
    // paragraph's reflow would only cost time, and no padding is drawn.
    let bottom = area.y + area.height.saturating_sub(u16::from(n > visible));
    let mut y = area.y;
    for row in rows_drawn {
        let height = (row.lines.len() as u16).min(bottom.saturating_sub(y));
        if let Some(fill) = row.fill {
            buf.set_style(Rect { y, height, ..area }, fill);
        }
        for (k, line) in row.lines.iter().enumerate().take(height as usize) {
            let at = Rect {
                y: y + k as u16,
                height: 1,
                ..area
            };
            line.render(at, buf);
            if let (0, Some(right)) = (k, &row.right) {
                right.render(at, buf);
            }
        }
        y += height;
    }
    (row_height, offset)
}

fn empty_text(app: &App, tab: Tab) -> String {
    let rules = app.world.rules();
    match tab {
        Tab::Invitations => "No invitations waiting.".into(),
        Tab::Archive if rules.ignore_archives => {
            "Nothing in the Archive. Ignored invitations land here, and can still be accepted later.".into()
        }
        Tab::Archive => "No Archive under these rules: Ignore removes an invitation.".into(),
        Tab::Sent => "No sent invitations. Press n to invite someone.".into(),
        Tab::Notifications => "No notifications. A sender is notified only when an invitation is accepted.".into(),
        Tab::Emails => "No emails.".into(),
        Tab::Network => "No connections yet.".into(),
        Tab::Account => String::new(),
    }
}

fn render_account(app: &App, i: usize, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let account = &app.views[i].account;
    let (style, text) = match account.standing {
        Standing::Good => (
            theme.good,
            "Good standing. Your invitations are not limited.".to_owned(),
        ),
        Standing::Warned => (
            theme.warn,
            "Warned. Some people you invited said they don't know you or reported spam. \
             The platform does not say who."
                .to_owned(),
        ),
        Standing::Restricted => match account.restricted_until {
            Some(until) => (
                theme.warn,
                format!(
                    "Restricted until {}: you cannot send invitations. The platform does not say who flagged you.",
                    format_time(app.world.local(until))
                ),
            ),
            None => (
                theme.warn,
                "Restricted: to invite someone you must give their email address. \
                 The platform does not say who flagged you."
                    .to_owned(),
            ),
        },
    };
    let mut lines = vec![
        Line::styled(
            fit(
                &format!("Standing: {:?}", account.standing),
                area.width as usize,
            ),
            style,
        ),
        Line::raw(text),
    ];
    if app.xray {
        let hidden = &app.world.lists(app.panes[i].person).account;
        let rules = app.world.rules();
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "⟂ truth: {} flag(s) against this account; warned at {}, restricted at {}",
                hidden.flags, rules.flags_to_warn, rules.flags_to_restrict
            ),
            theme.xray,
        ));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(area, buf);
}
