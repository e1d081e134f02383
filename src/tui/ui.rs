//! The whole screen: header, two panes, the "what just happened" panel, the footer of
//! key hints, and any overlay; or a plain note when the terminal is too small.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::model::{format_offset, format_time};

use super::app::App;
use super::key::Key;
use super::keymap::{Command, Layer};
use super::overlay::Overlay;
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
        // The panel takes the room its lines need (a quiz, a long list of events), up
        // to half the screen; the panes take the rest and never drop below 8 rows.
        let script = match &self.playback {
            Some(pb) if pb.following => (area.width * 2 / 5).clamp(24, 56),
            _ => 0,
        };
        let text_width = area.width.saturating_sub(script).saturating_sub(2);
        let lines = happened::wrapped(self, text_width);
        let wanted = lines.len() as u16 + 2;
        let most = (area.height / 2).max(6).min(area.height.saturating_sub(10));
        // While the script plays, its step list wants room too: a third of the screen.
        let least = if script > 0 {
            (area.height / 3).max(6)
        } else {
            6
        };
        let panel = wanted.clamp(least.min(most.max(6)), most.max(6));
        // A recording's footer is its caption: the narration, on up to three lines.
        let caption = self.recording.then(|| caption_lines(self, area.width));
        let footer_height = caption.as_ref().map_or(1, |c| c.len().clamp(1, 3) as u16);
        let [header, body, what, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Min(6),
            Constraint::Length(panel),
            Constraint::Length(footer_height),
        ])
        .areas(area);
        render_header(self, header, buf);
        let [left, right] = Layout::horizontal([Constraint::Ratio(1, 2); 2]).areas(body);
        let form = pane::tab_form(self, left.width.min(right.width).saturating_sub(2));
        let hits = [
            pane::render(self, 0, left, form, buf),
            pane::render(self, 1, right, form, buf),
        ];
        self.hits.set(hits);
        match &self.playback {
            Some(pb) if pb.following => {
                let [what, list] =
                    Layout::horizontal([Constraint::Min(20), Constraint::Length(script)])
                        .areas(what);
                happened::render(self, lines, what, buf);
                script_panel::render(self, pb, list, buf);
            }
            _ => happened::render(self, lines, what, buf),
        }
        match caption {
            Some(lines) => Paragraph::new(lines)
                .style(self.theme.narration)
                .render(footer, buf),
            None => render_footer(self, footer, buf),
        }
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

/// A recording's caption: the step's narration wrapped to the width, at most three
/// lines (the last cut with …).
fn caption_lines(app: &App, width: u16) -> Vec<Line<'static>> {
    let Some(text) = app.caption() else {
        return Vec::new();
    };
    let width = usize::from(width.saturating_sub(2)).max(1);
    let mut lines = super::text::hang(text, width, 0);
    if lines.len() > 3 {
        lines.truncate(3);
        lines[2] = fit(&format!("{}…", lines[2]), width);
    }
    lines
        .into_iter()
        .map(|l| Line::raw(format!(" {l}")))
        .collect()
}

/// The footer: the filter being typed, or the answer to the last key, or the keys
/// live now in the current layers and tab (help and quit always, at the right).
fn render_footer(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let w = area.width as usize;
    if let Overlay::Filter(field) = &app.overlay {
        let hint = popup::keys(
            app,
            Layer::Filter,
            &[(Command::Submit, "keep"), (Command::Close, "clear")],
        );
        let room = area.width.saturating_sub(width(&hint) as u16 + 4);
        let mut spans = vec![Span::styled(" /", theme.key)];
        let typed = field.lines(room, ratatui::style::Style::new(), Some(theme.cursor));
        spans.extend(
            typed
                .into_iter()
                .next()
                .map(|l| l.spans)
                .unwrap_or_default(),
        );
        let used: usize = spans.iter().map(|s| width(&s.content)).sum();
        spans.push(Span::raw(
            " ".repeat(w.saturating_sub(used + width(&hint) + 1)),
        ));
        spans.push(Span::styled(hint, theme.dim));
        Line::from(spans).render(area, buf);
        return;
    }
    if let Some(status) = &app.status {
        Line::styled(fit(&format!(" {status}"), w), theme.status).render(area, buf);
        return;
    }
    let hinted = app.footer_keys();
    let essential = |c| matches!(c, Command::Help | Command::Quit);
    let cost = |label: &str, hint: &str| width(label) + width(hint) + 3;
    let reserved: usize = hinted
        .iter()
        .filter(|h| essential(h.2))
        .map(|h| cost(&h.0, h.1))
        .sum();
    let mut used = reserved;
    let mut spans = Vec::new();
    let push = |spans: &mut Vec<Span<'static>>, label: &str, hint: &str| {
        spans.push(Span::styled(format!(" {label}"), theme.key));
        spans.push(Span::styled(format!(" {hint} "), theme.dim));
    };
    for (label, hint, ..) in hinted.iter().filter(|h| !essential(h.2)) {
        if used + cost(label, hint) > w {
            break;
        }
        used += cost(label, hint);
        push(&mut spans, label, hint);
    }
    spans.push(Span::raw(" ".repeat(w.saturating_sub(used))));
    for (label, hint, ..) in hinted.iter().filter(|h| essential(h.2)) {
        push(&mut spans, label, hint);
    }
    Line::from(spans).render(area, buf);
}

impl App {
    /// The keys the footer offers now: (key as written, word, command, the key) for
    /// each command with a footer word that does something here, top layer first,
    /// each command once; a quiz's letters as one "a–c answer".
    pub fn footer_keys(&self) -> Vec<(String, &'static str, Command, Key)> {
        let app = self;
        let mut out: Vec<(String, &'static str, Command, Key)> = Vec::new();
        let choices = app.quiz_choices().unwrap_or(0);
        for layer in app.layers() {
            let mut answers = Vec::new();
            for command in app.keymap.commands(layer) {
                let Some(hint) = command.hint_in(layer) else {
                    continue;
                };
                let Some(&key) = app.keymap.keys(layer, command).first() else {
                    continue;
                };
                if let Command::Answer(n) = command {
                    if usize::from(n) <= choices {
                        answers.push(key);
                    }
                    continue;
                }
                let live = if app.overlay.is_open() {
                    app.dialog_live(command)
                } else {
                    app.idle_reason(command).is_none() && app.lookup_first(layer, command)
                };
                if !live || out.iter().any(|o| o.2 == command) {
                    continue;
                }
                out.push((super::key::label(key), hint, command, key));
            }
            if let (Some(&first), Some(&last)) = (answers.first(), answers.last()) {
                let label = format!("{}–{}", super::key::label(first), super::key::label(last));
                out.push((label, "answer", Command::Answer(1), first));
            }
        }
        out
    }
}
