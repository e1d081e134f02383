//! The script panel: the scenario's steps, the next one marked, expectations ✓/✗ live.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::app::App;
use super::playback::Playback;
use super::text::fit;

pub fn render(app: &App, pb: &Playback, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let steps = pb.runner.steps();
    let at = pb.position();
    let state = if app.recording {
        if pb.is_done() { "done" } else { "playing" }
    } else if !pb.following {
        "you took over · r returns"
    } else if pb.is_done() {
        "done · r replays"
    } else if pb.playing {
        "playing"
    } else {
        "paused · Space plays"
    };
    let title = format!(" Script {}/{} · {state} ", at.min(steps.len()), steps.len());
    let block = Block::bordered()
        .border_style(theme.border)
        .title(Span::styled(
            fit(&title, area.width.saturating_sub(2) as usize),
            theme.title,
        ));
    let inner = block.inner(area);
    block.render(area, buf);
    let visible = inner.height as usize;
    if visible == 0 {
        return;
    }
    // Keep the next step in view, with a little of what came before.
    let first = at
        .saturating_sub(visible / 3)
        .min(steps.len().saturating_sub(visible));
    let width = inner.width as usize;
    let lines: Vec<Line> = steps
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(i, step)| {
            let mark = match pb.marks.get(i) {
                Some(Some(true)) => "✓",
                Some(Some(false)) => "✗",
                Some(None) => "·",
                None if i == at && pb.following => "▸",
                None => " ",
            };
            let style = match pb.marks.get(i) {
                Some(Some(false)) => theme.refusal,
                Some(_) => theme.dim,
                None if i == at => theme.selected,
                None => Style::new(),
            };
            let text = format!("{mark} {}", step.one_line());
            Line::from(Span::styled(fit(&text, width), style))
        })
        .collect();
    Paragraph::new(lines).render(inner, buf);
}
