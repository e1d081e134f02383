//! The "what just happened" panel: the action, its effect, who could see it, and for
//! each screen whether it changed — saying plainly when a sender was not told.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::app::{App, Outcome};

pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let mut block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(" What just happened ", theme.title));
    if app.playback.as_ref().is_some_and(|p| !p.following) {
        block = block.title(
            Line::styled(
                " exploring on your own · r returns to the script ",
                theme.dim,
            )
            .right_aligned(),
        );
    }
    let mut lines = script_lines(app);
    match &app.outcome {
        None if lines.is_empty() || app.playback.as_ref().is_some_and(|p| p.position() == 0) => {
            lines.extend(intro(app));
        }
        None => {}
        Some(o) => lines.extend(outcome_lines(app, o)),
    }
    Paragraph::new(lines)
        .block(block)
        .wrap(Wrap { trim: false })
        .render(area, buf);
}

fn intro(app: &App) -> Vec<Line<'static>> {
    let theme = &app.theme;
    let s = &app.loaded.scenario;
    let mut lines = Vec::new();
    if !s.summary.is_empty() {
        lines.push(Line::styled(s.summary.clone(), theme.narration));
    }
    if app.playback.is_some() {
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
    if let Some(text) = &pb.narration {
        lines.push(Line::styled(format!("» {text}"), theme.narration));
    }
    if let Some(quiz) = pb.quiz
        && let Some(crate::scenario::Step::Quiz(q)) = pb.runner.steps().get(quiz.step)
    {
        lines.push(Line::styled(format!("? {}", q.question), theme.warn));
        for (i, c) in q.choices.iter().enumerate() {
            let mark = match quiz.chosen {
                Some(_) if i == q.answer => "✓",
                Some(n) if n == i => "✗",
                _ => " ",
            };
            lines.push(Line::raw(format!("  {mark} {}. {c}", i + 1)));
        }
        match quiz.chosen {
            None => lines.push(Line::styled(
                format!("Press 1–{} to answer.", q.choices.len()),
                theme.dim,
            )),
            Some(n) => {
                let verdict = if n == q.answer {
                    "Right."
                } else {
                    "Not quite."
                };
                lines.push(Line::from(vec![
                    Span::styled(format!("{verdict} "), theme.title),
                    Span::raw(format!("{} (. or Space goes on)", q.explain)),
                ]));
            }
        }
        return lines;
    }
    if pb.is_done() {
        let (held, judged) = pb.held();
        lines.push(Line::styled(
            format!(
                "End of the script: {held} of {judged} checks held · quizzes {} of {} right. r replays it; action keys explore from here.",
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
    let mut lines = vec![Line::styled(format!("{}.", o.headline), theme.title)];
    if let Some(reason) = &o.refusal {
        lines.push(Line::from(vec![
            Span::styled("Refused: ", theme.refusal),
            Span::raw(format!("{reason}. Nothing changed.")),
        ]));
    }
    if o.refusal.is_some() {
        return lines;
    }
    // Who saw it comes before the detail of each event: it is the point of the app.
    let panes = [app.panes[0].person, app.panes[1].person];
    for (p, diff) in &o.screens {
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
                Span::raw(format!(" — {}{tail}", diff.summary())),
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
