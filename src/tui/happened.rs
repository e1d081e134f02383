//! The "what just happened" panel: the action, its effect, who could see it, and for
//! each screen whether it changed — saying plainly when a sender was not told.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::app::{App, Outcome};
use super::keymap::Command;
use super::text;

/// A panel line and the indent its wrapped lines hang at.
type Para = (Line<'static>, usize);

/// The panel's lines wrapped to `width` columns (inside its border): the layout sizes
/// the panel by them, then `render` draws them (wrapped once a frame).
pub fn wrapped(app: &App, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width.max(10));
    paragraphs(app)
        .iter()
        .flat_map(|(line, indent)| text::wrap_line(line, width, *indent))
        .collect()
}

fn paragraphs(app: &App) -> Vec<Para> {
    let mut lines = course_lines(app);
    lines.extend(script_lines(app));
    match &app.outcome {
        None if app.course.is_some() => {}
        None if lines.is_empty() || app.playback.as_ref().is_some_and(|p| p.position() == 0) => {
            lines.extend(intro(app));
        }
        None => {}
        Some(o) => lines.extend(outcome_lines(app, o)),
    }
    lines
        .into_iter()
        .map(|line| {
            let at = hang_at(&line);
            (line, at)
        })
        .collect()
}

pub fn render(app: &App, lines: Vec<Line<'static>>, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let title = match &app.course {
        Some(c) => format!(
            " Lesson {} of {} · {} done ",
            c.index + 1,
            c.total,
            c.progress.done.len()
        ),
        None => " What just happened ".to_owned(),
    };
    let mut block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(title, theme.title));
    if app.playback.as_ref().is_some_and(|p| !p.following) {
        let key = app.key_for(Command::Return);
        block = block.title(
            Line::styled(
                format!(" exploring on your own · {key} returns to the script "),
                theme.dim,
            )
            .right_aligned(),
        );
    }
    if app.panel_scroll > 0 {
        let key = app.key_for(Command::PanelUp);
        block = block.title(
            Line::styled(
                format!(" ↑ {} lines above · {key} ", app.panel_scroll),
                theme.dim,
            )
            .right_aligned(),
        );
    }
    let inner = block.inner(area);
    block.render(area, buf);
    let room = usize::from(inner.height);
    app.panel_fit.set((lines.len(), room));
    let mut lines: Vec<Line> = lines.into_iter().skip(app.panel_scroll).collect();
    if lines.len() > room && room > 0 {
        // What does not fit is counted, never silently cut.
        let more = lines.len() - (room - 1);
        lines.truncate(room - 1);
        lines.push(Line::styled(
            format!(
                "… +{more} more lines: {} shows them",
                app.key_for(Command::PanelDown)
            ),
            theme.dim,
        ));
    }
    Paragraph::new(lines).render(inner, buf);
}

/// Where a panel line's wrapped lines hang: under the text after its label (a first
/// span like "What Maya can infer: "), or after a bullet ("• ", "» ", "? ", "  ✓ b. ").
fn hang_at(line: &Line<'_>) -> usize {
    if line.spans.len() > 1 {
        let label = text::width(&line.spans[0].content);
        if label <= 40 {
            return label;
        }
    }
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let lead = text.len() - text.trim_start().len();
    let mut words = text.trim_start().split(' ');
    let mut at = lead;
    // A bullet or mark, then a choice letter ("a.").
    for word in words.by_ref().take(2) {
        if text::width(word) <= 2 && !word.is_empty() {
            at += text::width(word) + 1;
        } else {
            break;
        }
    }
    at
}

fn intro(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let s = &app.loaded.scenario;
    let mut lines = Vec::new();
    if !s.summary.is_empty() {
        lines.push(Line::styled(s.summary.clone(), theme.narration));
    }
    if app.recording {
        // A recording is watched, not driven: no keys to press.
    } else if app.playback.as_ref().is_some_and(|p| p.following) {
        lines.push(Line::raw(
            "Space plays the script and . steps through it; any action key explores on your own \
             (r returns). ? explains every key.",
        ));
    } else {
        lines.push(Line::raw(
            "Select an invitation and press a accept · i ignore · d don't know · s spam · o open. \
             n invites, t/T move the clock, x shows the hidden truth, ? explains every key.",
        ));
    }
    lines
}

/// The lesson's goal, hint, and once reached, its quiz and the way on.
fn course_lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let (Some(course), Some(lesson)) = (&app.course, app.lesson()) else {
        return Vec::new();
    };
    let total = course.total;
    let mut lines = Vec::new();
    if !course.reached {
        lines.push(Line::from(vec![
            Span::styled("Goal: ", theme.title),
            Span::raw(lesson.goal.clone()),
        ]));
        if course.show_hint {
            lines.push(Line::from(vec![
                Span::styled("Hint: ", theme.title),
                Span::raw(lesson.hint.clone()),
            ]));
        } else if app.outcome.is_none() {
            lines.push(Line::styled(
                format!(
                    "{} (h: a hint · S: watch the solution · u: undo)",
                    app.loaded.scenario.summary
                ),
                theme.narration,
            ));
        }
        return lines;
    }
    lines.push(Line::styled("✓ Goal reached.", theme.good));
    if let Some(err) = &course.save_error {
        lines.push(Line::styled(
            format!("(progress not saved: {err})"),
            theme.refusal,
        ));
    }
    let quiz = course
        .quiz
        .and_then(|q| match app.loaded.scenario.script.get(q.step) {
            Some(crate::scenario::Step::Quiz(quiz)) => Some((q, quiz)),
            _ => None,
        });
    if let Some((state, q)) = quiz {
        lines.extend(quiz_lines(app, q, state.chosen));
        if state.chosen.is_none() {
            return lines;
        }
    }
    let next = if course.index + 1 < total {
        "Enter: next lesson"
    } else {
        "Enter: finish the course"
    };
    lines.push(Line::styled(
        format!("{next} · or keep exploring"),
        theme.title,
    ));
    lines
}

/// A question, its numbered choices, and once answered the verdict and explanation.
fn quiz_lines(app: &App, q: &crate::scenario::Quiz, chosen: Option<usize>) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let mut lines = vec![Line::styled(format!("? {}", q.question), theme.warn)];
    for (i, c) in q.choices.iter().enumerate() {
        let mark = match chosen {
            Some(_) if i == q.answer => "✓",
            Some(n) if n == i => "✗",
            _ => " ",
        };
        let letter = app.key_for(Command::Answer(i as u8 + 1));
        let line = format!("  {mark} {letter}. {c}");
        lines.push(match chosen {
            Some(_) if i == q.answer => Line::styled(line, theme.good),
            _ => Line::raw(line),
        });
    }
    match chosen {
        None if app.recording => {}
        None => {
            let key = |n: usize| app.key_for(Command::Answer(n as u8));
            lines.push(Line::styled(
                format!(
                    "Press {}–{} to answer (the other keys still work: look first if you like).",
                    key(1),
                    key(q.choices.len())
                ),
                theme.dim,
            ));
        }
        Some(n) => {
            let verdict = if n == q.answer {
                "Right."
            } else {
                "Not quite."
            };
            lines.push(Line::from(vec![
                Span::styled(format!("{verdict} "), theme.title),
                Span::raw(q.explain.clone()),
            ]));
        }
    }
    lines
}

/// Narration, the open quiz, the end-of-script summary, or the take-over note.
fn script_lines(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let Some(pb) = &app.playback else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if !pb.following {
        return lines;
    }
    // A quiz needs the room more than the narration (its question carries the context);
    // a recording carries the narration in its caption.
    if let Some(text) = (pb.narration.as_ref()).filter(|_| pb.quiz.is_none() && !app.recording) {
        lines.push(Line::styled(format!("» {text}"), theme.narration));
    }
    if let Some(quiz) = pb.quiz
        && let Some(crate::scenario::Step::Quiz(q)) = pb.runner.steps().get(quiz.step)
    {
        lines.extend(quiz_lines(app, q, quiz.chosen));
        if quiz.chosen.is_some() && !app.recording {
            lines.push(Line::styled("(. or Space goes on)", theme.dim));
        }
        return lines;
    }
    if pb.is_done() {
        let (held, judged) = pb.held();
        let next = if app.recording {
            ""
        } else {
            " r replays it; action keys explore from here."
        };
        lines.push(Line::styled(
            format!(
                "End of the script: {held} of {judged} checks held · quizzes {} of {} right.{next}",
                pb.right, pb.asked
            ),
            theme.title,
        ));
    }
    lines
}

fn outcome_lines(app: &App, o: &Outcome) -> Vec<Line<'static>> {
    let theme = &app.theme;
    if let Some(note) = &o.note {
        return vec![Line::raw(note.clone())];
    }
    if o.refusal.is_some() {
        // Told as an attempt, never first as if it happened.
        let mut lines = vec![Line::styled(o.headline.clone(), theme.refusal)];
        lines.extend(tell_lines(app, o));
        return lines;
    }
    let mut lines = vec![Line::styled(format!("{}.", o.headline), theme.title)];
    // What the sender can infer comes first: it is what the app teaches.
    lines.extend(tell_lines(app, o));
    // Who saw it comes before the detail of each event: it is the point of the app.
    let panes = [app.panes[0].person, app.panes[1].person];
    for ((p, diff), change) in o.screens.iter().zip(&o.changes) {
        let person = app.world.person(*p);
        let shown = if panes.contains(p) {
            ""
        } else {
            " (not in a pane)"
        };
        let line = if diff.is_empty() {
            let mut spans = vec![
                Span::raw(format!("{}'s screen{shown}: ", person.name)),
                Span::styled("unchanged", theme.badge_unchanged),
            ];
            if o.answered_sender == Some(*p) {
                spans.push(Span::raw(format!(
                    " — {} is not told.",
                    person.first_name()
                )));
            }
            Line::from(spans)
        } else {
            let only_account = diff
                .tabs
                .iter()
                .all(|t| t.tab == crate::model::Tab::Account);
            let tail = if only_account && o.answered_sender == Some(*p) {
                " — only the anonymous account standing moved; it never says who or which invitation."
            } else {
                ""
            };
            Line::from(vec![
                Span::raw(format!("{}'s screen{shown}: ", person.name)),
                Span::styled("changed", theme.badge_changed),
                Span::raw(format!(" — {change}{tail}")),
            ])
        };
        lines.push(line);
    }
    for (text, seen_by) in &o.events {
        lines.push(Line::from(vec![
            Span::raw(format!("• {text} — ")),
            Span::styled(format!("seen by: {seen_by}"), theme.dim),
        ]));
    }
    if o.more_events > 0 {
        lines.push(Line::styled(
            format!("• … and {} more events", o.more_events),
            theme.dim,
        ));
    }
    lines
}

/// "What Maya can infer: nothing new." for the sender the action is about, then a
/// line for anyone else on screen who learned something.
fn tell_lines(app: &App, o: &Outcome) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let panes = [app.panes[0].person, app.panes[1].person];
    let mut lines = Vec::new();
    for (p, tells) in &o.tells {
        let first = o.subject == Some(*p);
        if !first && (tells.is_empty() || !panes.contains(p)) {
            continue;
        }
        let name = app.world.person(*p).first_name().to_owned();
        let label = Span::styled(format!("What {name} can infer: "), theme.title);
        if tells.is_empty() {
            lines.push(Line::from(vec![label.clone(), Span::raw("nothing new.")]));
        }
        for t in tells {
            lines.push(Line::from(vec![
                label.clone(),
                Span::styled(t.describe(&app.world), theme.good),
            ]));
        }
    }
    lines
}
