//! Drawing the overlays: help (from the keymap table), the person picker, the composer.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::app::App;
use super::keymap::{Command, Layer};
use super::overlay::{Compose, Overlay, PickFor, Picker, SaveAs};
use super::rows;
use super::text::{fit, hang};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    match &app.overlay {
        Overlay::None => {}
        Overlay::Help(scroll) => help(app, *scroll, centered(area, 96, 34), buf),
        Overlay::Picker(p) => picker(app, p, centered(area, 64, 18), buf),
        Overlay::Compose(c) => compose(app, c, centered(area, 70, 14), buf),
        Overlay::Save(s) => save(app, s, centered(area, 76, 9), buf),
        Overlay::QuitConfirm => quit(app, centered(area, 60, 7), buf),
        Overlay::Discard(what) => discard(app, *what, centered(area, 64, 7), buf),
        // The filter is typed in the footer, so the list it filters stays in view.
        Overlay::Filter(_) => {}
        Overlay::Reader(mail, scroll) => reader(app, mail, *scroll, area, buf),
    }
}

/// "Enter send · Esc cancel": the layer's keys for these commands, as bound now.
pub fn keys(app: &App, layer: Layer, what: &[(Command, &str)]) -> String {
    what.iter()
        .filter_map(|&(c, verb)| Some(format!("{} {verb}", app.keymap.first(layer, c)?)))
        .collect::<Vec<_>>()
        .join(" · ")
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
pub const HELP_LINES: u16 = 120;

/// What the screen's marks mean.
const LEGEND: &[(&str, &str)] = &[
    (
        "▸",
        "the selected row (dimmer in the pane without the focus)",
    ),
    ("✱", "a row the last action changed (on screen)"),
    ("*", "after a tab's name: the last action changed that tab"),
    (
        "CHANGED / UNCHANGED",
        "whether the last action changed that person's screen",
    ),
    ("⟂", "x-ray: the hidden truth, never on the sender's screen"),
    (
        "rules: classic*",
        "the classic rules, with some values changed by the scenario",
    ),
    (
        "/text · 3 of 40",
        "the list is filtered: / edits the filter, Esc in it clears it",
    ),
];

fn help(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let inner = usize::from(area.width.saturating_sub(2));
    let label_w = 12;
    let mut lines = vec![
        Line::styled(
            "Only Accept and Reply ever reach the sender. Ignore, I don't know, spam, silence and expiry never do.",
            theme.warn,
        ),
        Line::raw(""),
    ];
    // Each entry's wrapped lines hang under its text, not under the keys.
    let entry = |lines: &mut Vec<Line<'static>>, label: String, text: String, style| {
        let wrapped = hang(&text, inner.saturating_sub(label_w), 0);
        for (k, l) in wrapped.into_iter().enumerate() {
            let left = if k == 0 {
                format!("{:>w$}  ", fit(&label, label_w - 2), w = label_w - 2)
            } else {
                " ".repeat(label_w)
            };
            lines.push(Line::from(vec![
                Span::styled(left, theme.key),
                Span::styled(l, style),
            ]));
        }
    };
    let mut layers = vec![Layer::Main];
    if app.playback.is_some() {
        layers.push(Layer::Playback);
    }
    if app.course.is_some() {
        layers.extend([Layer::Lesson, Layer::Quiz]);
    } else if app.playback.is_some() {
        layers.push(Layer::Quiz);
    }
    for layer in layers {
        let title = match layer {
            Layer::Playback => "The script",
            Layer::Lesson => "The lesson",
            Layer::Quiz => {
                "A quiz, while it waits for an answer (otherwise these keys act as above)"
            }
            _ => "Keys",
        };
        lines.push(Line::styled(title, theme.title));
        let commands = app.keymap.commands(layer);
        let mut answers = Vec::new();
        for c in commands {
            if let Command::Answer(_) = c {
                answers.push(app.keymap.label(layer, c));
                continue;
            }
            let label = app.keymap.label(layer, c);
            entry(
                &mut lines,
                label,
                c.describe(),
                ratatui::style::Style::new(),
            );
            if let Some(sees) = c.sender_sees(app.world.rules()) {
                entry(
                    &mut lines,
                    String::new(),
                    format!("sender sees: {sees}"),
                    theme.dim,
                );
            }
        }
        if let (Some(first), Some(last)) = (answers.first(), answers.last()) {
            entry(
                &mut lines,
                format!("{first}–{last}"),
                "Choose an answer (as many letters as the quiz has choices)".into(),
                ratatui::style::Style::new(),
            );
        }
        lines.push(Line::raw(""));
    }
    lines.push(Line::styled("What the marks mean", theme.title));
    for (mark, meaning) in LEGEND {
        entry(
            &mut lines,
            (*mark).into(),
            (*meaning).into(),
            ratatui::style::Style::new(),
        );
    }
    lines.push(Line::raw(""));
    entry(
        &mut lines,
        String::new(),
        "Your own keys and colours: `invitesim config` prints the defaults, as the keys.ron and theme.ron files that change them, and where those go.".into(),
        theme.dim,
    );
    let hint = keys(
        app,
        Layer::Help,
        &[(Command::Down, "scroll"), (Command::Close, "close")],
    );
    Clear.render(area, buf);
    Paragraph::new(lines)
        .block(frame(app, "Keys, and what the sender sees", &hint))
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
    let hint = format!(
        "type to filter · ↑↓ · {}",
        keys(
            app,
            Layer::Picker,
            &[(Command::Submit, "choose"), (Command::Close, "cancel")]
        )
    );
    let block = frame(app, &title, &hint);
    let inner = block.inner(area);
    Clear.render(area, buf);
    block.render(area, buf);
    if inner.height < 2 {
        return;
    }
    let width = inner.width as usize;
    let mut filter = vec![Span::styled("filter: ", theme.title)];
    let field = p.filter.lines(
        inner.width.saturating_sub(8),
        theme.title,
        Some(theme.cursor),
    );
    filter.extend(
        field
            .into_iter()
            .next()
            .map(|l| l.spans)
            .unwrap_or_default(),
    );
    Line::from(filter).render(Rect { height: 1, ..inner }, buf);
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
    let len = c.note.chars();
    let needs_email = app.needs_email() && !c.reply;
    let count_style = if len > max { theme.refusal } else { theme.dim };
    let (field, title, send) = if c.reply {
        ("Message ", "Reply without accepting", "send the reply")
    } else {
        ("Note (optional) ", "New invitation", "send")
    };
    let width = area.width.saturating_sub(2);
    let mut lines = vec![
        Line::raw(format!("From {from} to {} · {}", to.name, to.headline)),
        Line::raw(""),
        Line::from(vec![
            Span::styled(field, theme.title),
            Span::styled(format!("{len}/{max} characters"), count_style),
        ]),
    ];
    lines.extend(c.note.lines(
        width,
        ratatui::style::Style::new(),
        (!c.editing_email).then_some(theme.cursor),
    ));
    if needs_email {
        let switch = app
            .keymap
            .first(Layer::Compose, Command::NextField)
            .unwrap_or_default();
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!(
                "{}'s email — required: your account is restricted ({switch} to switch field)",
                to.first_name()
            ),
            theme.warn,
        ));
        lines.extend(c.email.lines(
            width,
            ratatui::style::Style::new(),
            c.editing_email.then_some(theme.cursor),
        ));
    }
    if let Some(error) = &c.error {
        lines.push(Line::raw(""));
        lines.push(Line::styled(error.clone(), theme.refusal));
    }
    let hint = keys(
        app,
        Layer::Compose,
        &[(Command::Submit, send), (Command::Close, "cancel")],
    );
    // The dialog grows with a long note, up to the screen.
    let rows = lines.len() as u16 + 2;
    let area = centered(buf.area, area.width, rows.max(area.height));
    dialog(
        app,
        title,
        &format!("Ctrl-W word · Ctrl-U line · {hint}"),
        lines,
        area,
        buf,
    );
}

fn save(app: &App, s: &SaveAs, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut lines = vec![
        Line::raw("Save this session as a scenario file: open it later to resume."),
        Line::raw(""),
    ];
    let mut file = vec![Span::styled("File: ", theme.title)];
    let field = s.path.lines(
        area.width.saturating_sub(9),
        ratatui::style::Style::new(),
        (!s.confirm).then_some(theme.cursor),
    );
    file.extend(
        field
            .into_iter()
            .next()
            .map(|l| l.spans)
            .unwrap_or_default(),
    );
    lines.push(Line::from(file));
    if s.confirm {
        let answer = keys(
            app,
            Layer::Overwrite,
            &[
                (Command::Confirm, "overwrites"),
                (Command::Close, "edits the name"),
            ],
        );
        lines.push(Line::styled(
            format!("It exists. Overwrite it? {answer}"),
            theme.warn,
        ));
    }
    if let Some(err) = &s.error {
        lines.push(Line::styled(
            format!("Could not save: {err}. Nothing was lost."),
            theme.refusal,
        ));
    }
    let hint = keys(
        app,
        Layer::Save,
        &[(Command::Submit, "save"), (Command::Close, "cancel")],
    );
    dialog(app, "Save", &hint, lines, area, buf);
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
        Line::raw(keys(
            app,
            Layer::Discard,
            &[
                (Command::Confirm, "goes back"),
                (Command::Close, "keeps exploring"),
            ],
        )),
    ];
    let hint = keys(
        app,
        Layer::Discard,
        &[(Command::Confirm, "yes"), (Command::Close, "no")],
    );
    dialog(app, "Discard your exploration?", &hint, lines, area, buf);
}

fn quit(app: &App, area: Rect, buf: &mut Buffer) {
    let answer = keys(
        app,
        Layer::Quit,
        &[
            (Command::Confirm, "quits anyway"),
            (Command::Save, "saves first"),
            (Command::Close, "stays"),
        ],
    );
    let lines = vec![
        Line::raw("You acted since the last save."),
        Line::raw(""),
        Line::raw(answer),
    ];
    let hint = keys(
        app,
        Layer::Quit,
        &[(Command::Confirm, "quit"), (Command::Close, "stay")],
    );
    dialog(app, "Quit without saving?", &hint, lines, area, buf);
}

/// One email or notification, in full: what the person received, nothing more.
fn reader(app: &App, mail: &crate::model::Mail, scroll: u16, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let area = centered(area, 76, 16);
    let width = usize::from(area.width.saturating_sub(2));
    let mut lines = vec![
        Line::styled(mail.subject(&app.world), theme.title),
        Line::styled(
            crate::model::format_time(app.world.local(mail.at)),
            theme.dim,
        ),
        Line::raw(""),
    ];
    for paragraph in mail.body(&app.world).split('\n') {
        lines.extend(hang(paragraph, width, 0).into_iter().map(Line::raw));
    }
    let hint = keys(
        app,
        Layer::Reader,
        &[(Command::Down, "scroll"), (Command::Close, "close")],
    );
    Clear.render(area, buf);
    Paragraph::new(lines)
        .block(frame(app, "Message", &hint))
        .scroll((scroll, 0))
        .render(area, buf);
}
