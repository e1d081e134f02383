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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneHit {
    pub area: Rect,
    pub tabs_y: u16,
    /// Start and end column of each tab's title.
    pub tabs: [(u16, u16); 7],
    pub list: Rect,
    /// The first row shown, and the screen row each shown row starts on (relative to
    /// the list's top; rows differ in height).
    pub offset: usize,
    pub starts: [u16; MAX_ROWS],
    pub shown: usize,
}

impl Default for PaneHit {
    fn default() -> PaneHit {
        PaneHit {
            area: Rect::default(),
            tabs_y: 0,
            tabs: [(0, 0); 7],
            list: Rect::default(),
            offset: 0,
            starts: [0; MAX_ROWS],
            shown: 0,
        }
    }
}

/// Rows of one pane a click can land on (more than any terminal shows).
pub const MAX_ROWS: usize = 256;

impl PaneHit {
    /// The row (as a position among the rows shown) at screen row `y`, if any.
    pub fn row_at(&self, y: u16) -> Option<usize> {
        let dy = y.checked_sub(self.list.y)?;
        let k = self.starts[..self.shown].iter().rposition(|&s| s <= dy)?;
        Some(self.offset + k)
    }
}

/// The tab labels' form, the same in both panes: the roomiest that fits both.
pub fn tab_form(app: &App, width: u16) -> usize {
    (0..FORMS.len())
        .find(|&f| (0..2).all(|i| tabs_width(app, i, f) <= usize::from(width)))
        .unwrap_or(FORMS.len() - 1)
}

/// Full names, full names packed, short names, short names packed, two letters.
const FORMS: [(usize, &str); 5] = [(0, " │ "), (0, "  "), (1, " │ "), (1, " "), (2, " ")];
const SHORT: [&str; 7] = ["Inv", "Arch", "Sent", "Notif", "Email", "Net", "Acct"];
const TINY: [&str; 7] = ["In", "Ar", "Se", "No", "Em", "Ne", "Ac"];

fn tab_label(app: &App, i: usize, t: Tab, size: usize) -> String {
    let pane = &app.panes[i];
    let name = [t.label(), SHORT[t.index()], TINY[t.index()]][size];
    let star = if changed_tab(app, i, t) { "*" } else { "" };
    let label = match pane.list_len(t) {
        0 => format!("{name}{star}"),
        n => format!("{name} {n}{star}"),
    };
    // Plain text has no underline: a recording brackets the active tab.
    if app.recording && pane.tab == t {
        format!("[{label}]")
    } else {
        label
    }
}

fn tabs_width(app: &App, i: usize, form: usize) -> usize {
    let (size, sep) = FORMS[form];
    let labels: usize = Tab::ALL
        .iter()
        .map(|&t| text::width(&tab_label(app, i, t, size)))
        .sum();
    labels + text::width(sep) * (Tab::ALL.len() - 1)
}

fn changed_tab(app: &App, i: usize, t: Tab) -> bool {
    app.outcome
        .as_ref()
        .and_then(|o| o.diff_for(app.panes[i].person))
        .is_some_and(|d| !d.changed_rows(t).is_empty())
}

pub fn render(app: &App, i: usize, area: Rect, form: usize, buf: &mut Buffer) -> PaneHit {
    let theme = &app.theme;
    let pane = &app.panes[i];
    let view = &pane.view;
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
    let counts = &pane.counts;
    let status = status_line(view, counts, pane.tab, app.xray)
        .filter(|s| text::width(s) <= room)
        .or_else(|| status_line(view, counts, pane.tab, false));
    if !pane.filter.is_empty() {
        let filter = format!(
            " /{} · {} of {} ",
            pane.filter,
            pane.len(),
            pane.list_len(pane.tab)
        );
        block = block.title_bottom(Line::styled(fit(&filter, room / 2), theme.key));
    }
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
    hit.tabs = render_tabs(app, i, form, Rect { height: 1, ..inner }, buf);
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
        (Tab::Sent, true) if pane.counts.pending > 0 && list.height > 4 => {
            // The summary wraps (under its ⟂) rather than being cut: it is the point.
            let text = rows::truth_summary(&pane.counts);
            let lines = text::hang(&text, usize::from(list.width), 2);
            let h = (lines.len() as u16).min(list.height / 2);
            for (k, line) in lines.into_iter().take(usize::from(h)).enumerate() {
                let at = Rect {
                    y: list.y + k as u16,
                    height: 1,
                    ..list
                };
                Line::styled(line, theme.xray).render(at, buf);
            }
            Rect {
                y: list.y + h,
                height: list.height - h,
                ..list
            }
        }
        _ => list,
    };
    hit.list = list;
    render_list(app, i, list, &mut hit, buf);
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

fn render_tabs(app: &App, i: usize, form: usize, area: Rect, buf: &mut Buffer) -> [(u16, u16); 7] {
    let theme = &app.theme;
    let (size, sep) = FORMS[form];
    let sep_width = text::width(sep) as u16;
    let mut spans = Vec::new();
    let mut ranges = [(0u16, 0u16); 7];
    let mut x = area.x;
    for t in Tab::ALL {
        let text = tab_label(app, i, t, size);
        let style = if app.panes[i].tab == t {
            theme.tab_active
        } else if changed_tab(app, i, t) {
            theme.changed_row
        } else {
            theme.dim
        };
        let w = text::width(&text) as u16;
        ranges[t.index()] = (x, x + w);
        spans.push(Span::styled(text, style));
        spans.push(Span::styled(sep, theme.dim));
        x += w + sep_width;
    }
    spans.pop();
    Line::from(spans).render(area, buf);
    ranges
}

/// The lines of the `k`th row shown on pane `i`'s tab.
fn build_row(app: &App, i: usize, k: usize, look: RowLook, changed: &[RowKey]) -> rows::Row {
    let pane = &app.panes[i];
    let (view, world, theme) = (&pane.view, &app.world, &app.theme);
    let r = pane.index(k);
    let mut look = look;
    match pane.tab {
        Tab::Invitations | Tab::Archive => {
            let archived = pane.tab == Tab::Archive;
            let row = if archived {
                &view.archive[r]
            } else {
                &view.invitations[r]
            };
            look.changed = changed.contains(&RowKey::Invitation(row.invitation));
            rows::inbox(world, row, archived, look, theme)
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
        Tab::Network | Tab::Account => {
            look.changed = changed.contains(&RowKey::Person(view.network[r]));
            rows::person(world, view.network[r], look, theme)
        }
    }
}

/// Lines the `k`th row shown takes (without building it).
fn row_height(app: &App, i: usize, k: usize) -> u16 {
    let pane = &app.panes[i];
    let (view, world) = (&pane.view, &app.world);
    let r = pane.index(k);
    let note = |inv| u16::from(world.invitation(inv).note.is_some());
    match pane.tab {
        Tab::Invitations => 1 + note(view.invitations[r].invitation),
        Tab::Archive => 1 + note(view.archive[r].invitation),
        Tab::Sent => 1 + note(view.sent[r].invitation) + u16::from(app.xray),
        _ => 1,
    }
}

/// Draws the visible window of rows, keeping the selection in view; records where
/// each row landed.
fn render_list(app: &App, i: usize, area: Rect, hit: &mut PaneHit, buf: &mut Buffer) {
    let pane = &app.panes[i];
    let theme = &app.theme;
    let n = pane.len();
    if n == 0 {
        let text = if pane.filter.is_empty() {
            empty_text(app, pane.tab)
        } else {
            format!(
                "Nothing matches /{}. / edits the filter; Esc in it clears it.",
                pane.filter
            )
        };
        Paragraph::new(Span::styled(text, theme.dim))
            .wrap(Wrap { trim: true })
            .render(area, buf);
        return;
    }
    let selected = pane.selected().min(n - 1);
    // Room for rows: the last line holds "3–9 of 40" when not all fit.
    let fits_from = |from: usize, room: u16| {
        let mut used = 0u16;
        let mut k = from;
        while k < n {
            let h = row_height(app, i, k);
            if used + h > room && k > from {
                break;
            }
            used += h;
            k += 1;
        }
        k - from
    };
    let all_fit = fits_from(0, area.height) == n;
    let room = area.height.saturating_sub(u16::from(!all_fit)).max(1);
    let mut offset = pane.offset.get().min(n - 1);
    if selected < offset {
        offset = selected;
    }
    // Below the window: the window ends at the selection, as many rows above it as fit.
    if selected >= offset + fits_from(offset, room) {
        let mut used = row_height(app, i, selected);
        offset = selected;
        while offset > 0 && used + row_height(app, i, offset - 1) <= room {
            offset -= 1;
            used += row_height(app, i, offset);
        }
    }
    pane.offset.set(offset);
    let changed = app
        .outcome
        .as_ref()
        .and_then(|o| o.diff_for(pane.person))
        .map_or(&[][..], |d| d.changed_rows(pane.tab));
    let focused = app.focus == i;
    let visible = fits_from(offset, room).min(MAX_ROWS);
    hit.offset = offset;
    hit.shown = visible;
    // Each line straight into its place: lines are already cut to the width, so a
    // paragraph's reflow would only cost time, and no padding is drawn.
    let bottom = area.y + room;
    let mut y = area.y;
    for (slot, k) in (offset..offset + visible).enumerate() {
        let look = RowLook {
            selected: k == selected,
            focused,
            changed: false,
            width: area.width as usize,
        };
        let row = build_row(app, i, k, look, changed);
        hit.starts[slot] = y - area.y;
        let height = (row.lines.len() as u16).min(bottom.saturating_sub(y));
        if let Some(fill) = row.fill {
            buf.set_style(Rect { y, height, ..area }, fill);
        }
        for (line_no, line) in row.lines.iter().enumerate().take(height as usize) {
            let at = Rect {
                y: y + line_no as u16,
                height: 1,
                ..area
            };
            line.render(at, buf);
            if let (0, Some(right)) = (line_no, &row.right) {
                right.render(at, buf);
            }
        }
        y += height;
    }
    if !all_fit {
        let more = format!(
            " {}–{} of {n} · PgDn ",
            offset + 1,
            (offset + visible).min(n)
        );
        let x = area.right().saturating_sub(text::width(&more) as u16);
        buf.set_string(x, area.bottom().saturating_sub(1), more, theme.dim);
    }
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
    let account = &app.panes[i].view.account;
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
