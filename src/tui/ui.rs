//! The whole screen: header, two panes, the "what just happened" panel, the footer of
//! key hints, and any overlay; or a plain note when the terminal is too small.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::model::{format_offset, format_time};

use super::app::App;
use super::keymap::{Command, KEYMAP};
use super::text::{fit, width};
use super::{happened, pane, popup, script_panel};

/// Below this the layout cannot hold two readable panes.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            too_small(self, area, buf);
            return;
        }
        // A quiz and its answer need room; the panes give some up while one is open.
        let quiz_open = self.quiz_waiting()
            || self.course.as_ref().is_some_and(|c| c.quiz.is_some())
            || self.playback.as_ref().is_some_and(|p| p.quiz.is_some());
        let panel = match (area.height >= 30, quiz_open) {
            (true, _) => 10,
            (false, true) => 11.min(area.height / 2),
            (false, false) => 8,
        };
        let [header, body, what, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(6),
            Constraint::Length(panel),
            Constraint::Length(1),
        ])
        .areas(area);
        render_header(self, header, buf);
        let [left, right] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(body);
        let hits = [
            pane::render(self, 0, left, buf),
            pane::render(self, 1, right, buf),
        ];
        self.hits.set(hits);
        match &self.playback {
            Some(pb) if pb.following => {
                let script = (what.width * 2 / 5).clamp(24, 56);
                let [what, list] =
                    Layout::horizontal([Constraint::Min(20), Constraint::Length(script)])
                        .areas(what);
                happened::render(self, what, buf);
                script_panel::render(self, pb, list, buf);
            }
            _ => happened::render(self, what, buf),
        }
        render_footer(self, footer, buf);
        popup::render(self, area, buf);
    }
}

fn too_small(app: &App, area: Rect, buf: &mut Buffer) {
    let text = format!(
        "Terminal too small ({}×{}). invitesim needs at least {MIN_WIDTH}×{MIN_HEIGHT}: make the window bigger, or press q to quit.",
        area.width, area.height
    );
    Paragraph::new(Span::styled(text, app.theme.warn))
        .wrap(Wrap { trim: true })
        .render(area, buf);
}

fn render_header(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let rules = app.world.rules();
    let custom = if rules.is_customised() { "*" } else { "" };
    let right = format!(
        " {} {} │ rules: {}{custom} │ x-ray {} ",
        format_time(app.world.local(app.world.now())),
        format_offset(app.world.offset()),
        rules.preset.name(),
        if app.xray { "ON" } else { "off" }
    );
    let left = format!(
        " invitesim │ {}",
        app.loaded.scenario.title.replace(['\n', '\r'], " ")
    );
    let w = area.width as usize;
    let right = fit(&right, w);
    let left = fit(&left, w.saturating_sub(width(&right)));
    let pad = w.saturating_sub(width(&left) + width(&right));
    let line = Line::from(vec![
        Span::raw(left),
        Span::raw(" ".repeat(pad)),
        Span::raw(right),
    ]);
    Paragraph::new(line).style(theme.header).render(area, buf);
}

fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    // Help and quit always show, at the right; the others fill the room left of them.
    let scripted = app.playback.is_some();
    let hinted: Vec<_> = KEYMAP
        .iter()
        .filter(|b| scripted || !b.command.scripted())
        .filter(|b| app.course.is_some() || !b.command.lesson())
        .filter(|b| {
            b.command
                .tabs()
                .is_none_or(|t| t.contains(&app.focused().tab))
        })
        .filter_map(|b| Some((b.label, b.hint?, b.command)))
        .collect();
    // While a script is loaded its keys come first.
    let mut hinted = hinted;
    hinted.sort_by_key(|h| !(h.2.scripted() || h.2.lesson()));
    let essential = |c| matches!(c, Command::Help | Command::Quit);
    let cost = |label: &str, hint: &str| width(label) + width(hint) + 3;
    let reserved: usize = hinted
        .iter()
        .filter(|h| essential(h.2))
        .map(|h| cost(h.0, h.1))
        .sum();
    let mut used = reserved;
    let mut spans = Vec::new();
    let push = |spans: &mut Vec<Span<'static>>, label: &str, hint: &str| {
        spans.push(Span::styled(format!(" {label}"), theme.key));
        spans.push(Span::styled(format!(" {hint} "), theme.dim));
    };
    for &(label, hint, _) in hinted.iter().filter(|h| !essential(h.2)) {
        if used + cost(label, hint) > area.width as usize {
            break;
        }
        used += cost(label, hint);
        push(&mut spans, label, hint);
    }
    spans.push(Span::raw(
        " ".repeat((area.width as usize).saturating_sub(used)),
    ));
    for &(label, hint, _) in hinted.iter().filter(|h| essential(h.2)) {
        push(&mut spans, label, hint);
    }
    Line::from(spans).render(area, buf);
}
