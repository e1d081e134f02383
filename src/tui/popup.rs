//! Drawing the overlays: help (from the keymap table), the person picker, the composer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::app::App;
use super::keymap::KEYMAP;
use super::overlay::{Compose, Overlay, PickFor, Picker, SaveAs};
use super::rows;
use super::text::fit;

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help(scroll) => help(app, *scroll, centered(area, 96, 34), buf),
        Overlay::Picker(p) => picker(app, p, centered(area, 64, 18), buf),
        Overlay::Compose(c) => compose(app, c, centered(area, 70, 14), buf),
        Overlay::Save(s) => save(app, s, centered(area, 76, 9), buf),
        Overlay::QuitConfirm => quit(app, centered(area, 60, 7), buf),
        Overlay::Discard(what) => discard(app, *what, centered(area, 64, 7), buf),
    }
}

/// A box of at most `w`×`h`, centred, never larger than `area`.
fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let (w, h) = (w.min(area.width), h.min(area.height));
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

fn frame<'a>(app: &App, title: &'a str, hint: &'a str) -> Block<'a> {
    Block::bordered()
        .border_style(app.theme.focus_border)
        .title(Span::styled(format!(" {title} "), app.theme.title))
        .title_bottom(Line::styled(format!(" {hint} "), app.theme.dim).right_aligned())
}

/// An upper bound on the help text's length, to stop scrolling past it.
pub const HELP_LINES: u16 = 60;

fn help(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut lines = vec![
        Line::styled(
            "Only Accept and Reply ever reach the sender. Ignore, I don't know, spam, silence and expiry never do.",
            theme.warn,
        ),
        Line::raw(""),
    ];
    for b in KEYMAP {
        lines.push(Line::from(vec![
            Span::styled(format!("{:>8}  ", b.label), theme.key),
            Span::raw(b.description),
        ]));
        if let Some(sees) = b.sender_sees {
            lines.push(Line::from(vec![
                Span::raw(" ".repeat(10)),
                Span::styled(
                    format!("sender sees: {}", sees(app.world.rules())),
                    theme.dim,
                ),
            ]));
        }
    }
    Clear.render(area, buf);
    Paragraph::new(lines)
        .block(frame(
            app,
            "Keys, and what the sender sees",
            "j/k scroll · Esc or ? to close",
        ))
        .wrap(Wrap { trim: false })
        .scroll((scroll, 0))
        .render(area, buf);
}

fn picker(app: &App, p: &Picker, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let me = app.focused_person();
    let title = match p.purpose {
        PickFor::Pane => format!(
            "Show whom in the {} pane?",
            if app.focus == 0 { "left" } else { "right" }
        ),
        PickFor::Invite => format!("{} invites whom?", app.world.person(me).name),
    };
    let block = frame(
        app,
        &title,
        "type to filter · ↑↓ · Enter choose · Esc cancel",
    );
    let inner = block.inner(area);
    Clear.render(area, buf);
    block.render(area, buf);
    if inner.height < 2 {
        return;
    }
    let width = inner.width as usize;
    buf.set_string(
        inner.x,
        inner.y,
        fit(&format!("filter: {}▏", p.filter), width),
        theme.title,
    );
    let candidates = p.candidates(&app.world, me);
    let visible = inner.height.saturating_sub(1) as usize;
    let offset = p.selected.saturating_sub(visible.saturating_sub(1));
    if candidates.is_empty() {
        buf.set_string(
            inner.x,
            inner.y + 1,
            fit("no one matches", width),
            theme.dim,
        );
    }
    for (row, &id) in candidates.iter().enumerate().skip(offset).take(visible) {
        // Only what the sender can see: never a hint of a hidden answer.
        let status = match p.purpose {
            PickFor::Invite => app
                .world
                .invite_block(me, id)
                .map_or_else(String::new, |r| format!("  ({})", block_label(&r))),
            PickFor::Pane => String::new(),
        };
        let marker = if row == p.selected { "▸" } else { " " };
        let text = format!("{marker} {}{status}", rows::who(&app.world, id));
        let style = if row == p.selected {
            theme.selected
        } else {
            ratatui::style::Style::new()
        };
        let y = inner.y + 1 + (row - offset) as u16;
        buf.set_string(inner.x, y, fit(&text, width), style);
    }
}

/// A picker mark for someone the sender cannot invite now.
fn block_label(r: &crate::model::Refusal) -> String {
    use crate::model::Refusal as R;
    match r {
        R::AlreadyConnected { .. } => "connected".into(),
        R::AlreadyPending { .. } => "invitation pending".into(),
        R::InvitedYouFirst { .. } => "invited you: accept theirs".into(),
        R::WithdrawWait { again, .. } => {
            format!("withdrawn: again {}", crate::model::format_short(*again))
        }
        other => other.to_string(),
    }
}

fn compose(app: &App, c: &Compose, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let from = &app.world.person(app.focused_person()).name;
    let to = app.world.person(c.to);
    let max = app.world.rules().note_max_chars as usize;
    let len = c.note.chars().count();
    let needs_email = app.needs_email() && !c.reply;
    let count_style = if len > max { theme.refusal } else { theme.dim };
    let cursor = |on: bool| if on { "▏" } else { "" };
    let (field, title) = if c.reply {
        ("Message ", "Reply without accepting")
    } else {
        ("Note (optional) ", "New invitation")
    };
    let mut lines = vec![
        Line::raw(format!("From {from} to {} · {}", to.name, to.headline)),
        Line::raw(""),
        Line::from(vec![
            Span::styled(field, theme.title),
            Span::styled(format!("{len}/{max} characters"), count_style),
        ]),
        Line::raw(format!("{}{}", c.note, cursor(!c.editing_email))),
    ];
    if needs_email {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "{}'s email — required: your account is restricted (Tab to switch field)",
                to.first_name()
            ),
            theme.warn,
        ));
        lines.push(Line::raw(format!("{}{}", c.email, cursor(c.editing_email))));
    }
    if let Some(error) = &c.error {
        lines.push(Line::raw(""));
        lines.push(Line::styled(error.clone(), theme.refusal));
    }
    dialog(app, title, "Enter send · Esc cancel", lines, area, buf);
}

fn save(app: &App, s: &SaveAs, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut lines = vec![
        Line::raw("Save this session as a scenario file: open it later to resume."),
        Line::raw(""),
        Line::from(vec![
            Span::styled("File: ", theme.title),
            Span::raw(format!("{}▏", crate::scenario::visible(&s.path))),
        ]),
    ];
    if s.confirm {
        lines.push(Line::styled(
            "It exists. Overwrite it? y / Enter overwrites, n edits",
            theme.warn,
        ));
    }
    if let Some(err) = &s.error {
        lines.push(Line::styled(
            format!("Could not save: {err}. Nothing was lost."),
            theme.refusal,
        ));
    }
    dialog(app, "Save", "Enter save · Esc cancel", lines, area, buf);
}

/// A dialog box over the screen: a frame with its title and keys, and the lines.
fn dialog(app: &App, title: &str, keys: &str, lines: Vec<Line>, area: Rect, buf: &mut Buffer) {
    Clear.render(area, buf);
    Paragraph::new(lines)
        .block(frame(app, title, keys))
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

fn discard(app: &App, what: super::overlay::Discard, area: Rect, buf: &mut Buffer) {
    let to = match what {
        super::overlay::Discard::Return(0) => "the start of the script".to_owned(),
        super::overlay::Discard::Return(done) => {
            format!("the script where you left it, after step {done}")
        }
        super::overlay::Discard::Restart => "the first step of the script".to_owned(),
    };
    let lines = vec![
        Line::raw(format!(
            "Going back to {to} discards what you did while exploring."
        )),
        Line::raw(""),
        Line::raw("y / Enter goes back · Esc keeps exploring (Ctrl-S saves it first)"),
    ];
    dialog(
        app,
        "Discard your exploration?",
        "y · Esc",
        lines,
        area,
        buf,
    );
}

fn quit(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = vec![
        Line::raw("You acted since the last save."),
        Line::raw(""),
        Line::raw("q quits anyway · Ctrl-S saves first · Esc stays"),
    ];
    dialog(
        app,
        "Quit without saving?",
        "q · Ctrl-S · Esc",
        lines,
        area,
        buf,
    );
}
