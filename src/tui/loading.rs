//! The loading screen `open` shows while a big world loads: the file, its size, how
//! far the parse and the replay of its history have got, a bar, and how to cancel.
//! Also the one-line form `check` and `generate` print on a terminal's stderr.

use std::time::Duration;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use super::Theme;
use crate::scenario::progress::Stage;

/// What the loading screen shows.
pub struct Loading<'a> {
    pub file: &'a str,
    pub bytes: u64,
    pub stage: Stage,
    pub elapsed: Duration,
    pub theme: Theme,
}

/// "1,234,567".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// "11.0 MB".
pub fn size(bytes: u64) -> String {
    match bytes {
        b if b >= 1_000_000 => format!("{:.1} MB", b as f64 / 1e6),
        b if b >= 1_000 => format!("{:.0} kB", b as f64 / 1e3),
        b => format!("{b} bytes"),
    }
}

/// The stage in words, and the bar's fill (0–1) when the total is known.
pub fn describe(stage: Stage) -> (String, Option<f64>) {
    match stage {
        Stage::Parsing {
            invitations,
            replayed: 0,
        } => (
            format!("parsing · {} invitations read", thousands(invitations)),
            None,
        ),
        Stage::Parsing {
            invitations,
            replayed,
        } => (
            format!(
                "parsing · {} invitations read · {} moments replayed",
                thousands(invitations),
                thousands(replayed)
            ),
            None,
        ),
        Stage::Replaying { done, of } => (
            format!(
                "replaying the history · {} of {} moments",
                thousands(done),
                thousands(of)
            ),
            Some(done as f64 / of.max(1) as f64),
        ),
    }
}

/// The stage in as few words as still say it, for a line too narrow for `describe`'s.
fn terse(stage: Stage) -> String {
    match stage {
        Stage::Parsing {
            invitations,
            replayed: 0,
        } => format!("parsing · {} read", thousands(invitations)),
        Stage::Parsing {
            invitations,
            replayed,
        } => format!(
            "parsing · {} read · {} replayed",
            thousands(invitations),
            thousands(replayed)
        ),
        Stage::Replaying { done, of } => {
            format!("replaying · {} of {}", thousands(done), thousands(of))
        }
    }
}

/// A bar of `width` cells, `fill` of it full.
pub fn bar(fill: f64, width: usize) -> String {
    let full = ((fill.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(full), "░".repeat(width - full))
}

/// The one-line form, at most `width` columns (a wrapped line could not be redrawn in
/// place): `big.ron (111.0 MB): replaying … ████░░ 62%` (no size for a file still
/// being made).
pub fn line(file: &str, bytes: Option<u64>, stage: Stage, width: usize) -> String {
    let (what, fill) = describe(stage);
    let size = bytes.map_or(String::new(), |b| format!(" ({})", size(b)));
    let mut text = format!("{file}{size}: {what}");
    // Room for the words and, when there is one, a short bar and the percentage.
    let needs = if fill.is_some() { 12 } else { 0 };
    if super::text::width(&text) + needs > width {
        text = format!("{file}{size}: {}", terse(stage));
    }
    let Some(f) = fill else {
        return super::text::fit(&text, width);
    };
    let percent = format!(" {:>3.0}%", f * 100.0);
    let room = width.saturating_sub(super::text::width(&text) + percent.len() + 1);
    if room >= 5 {
        format!("{text} {}{percent}", bar(f, room.min(30)))
    } else {
        super::text::fit(&format!("{text}{percent}"), width)
    }
}

impl Widget for &Loading<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let theme = &self.theme;
        let width = area.width.clamp(20, 72);
        let [_, middle, _] = Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(width),
            Constraint::Fill(1),
        ])
        .areas(area);
        let [_, boxed, _] = Layout::vertical([
            Constraint::Fill(1),
            Constraint::Length(7),
            Constraint::Fill(1),
        ])
        .areas(middle);
        let block = Block::bordered()
            .border_style(theme.focus_border)
            .title(Line::styled(" invitesim · loading ", theme.title));
        let inner = block.inner(boxed);
        block.render(boxed, buf);
        let (what, fill) = describe(self.stage);
        let room = usize::from(inner.width.saturating_sub(7)).max(4);
        let bar_line = match fill {
            Some(f) => format!("{} {:>3.0}%", bar(f, room), f * 100.0),
            None => "·".repeat(room.min(3)),
        };
        let lines = vec![
            Line::styled(format!("{} ({})", self.file, size(self.bytes)), theme.title),
            Line::raw(what),
            Line::styled(bar_line, theme.key),
            Line::raw(""),
            Line::styled(
                format!("{:.1} s · q cancels", self.elapsed.as_secs_f64()),
                theme.dim,
            ),
        ];
        Paragraph::new(lines).render(inner, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_lines_read_well() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1234567), "1,234,567");
        assert_eq!(thousands(100), "100");
        assert_eq!(size(111_018_153), "111.0 MB");
        assert_eq!(bar(0.5, 4), "██░░");
        assert_eq!(
            line(
                "big.ron",
                Some(11_000_000),
                Stage::Replaying { done: 50, of: 200 },
                100
            ),
            "big.ron (11.0 MB): replaying the history · 50 of 200 moments ████████░░░░░░░░░░░░░░░░░░░░░░  25%"
        );
        assert_eq!(
            line(
                "big.ron",
                Some(11_000_000),
                Stage::Parsing {
                    invitations: 4096,
                    replayed: 0
                },
                100
            ),
            "big.ron (11.0 MB): parsing · 4,096 invitations read"
        );
        assert_eq!(
            line(
                "big.ron",
                Some(11_000_000),
                Stage::Parsing {
                    invitations: 8192,
                    replayed: 4096
                },
                100
            ),
            "big.ron (11.0 MB): parsing · 8,192 invitations read · 4,096 moments replayed"
        );
        let narrow = line(
            "big.ron",
            Some(11_000_000),
            Stage::Replaying { done: 50, of: 200 },
            40,
        );
        assert!(super::super::text::width(&narrow) <= 40, "{narrow}");
        // At 80 columns a big load's line says all of it, in fewer words.
        assert_eq!(
            line(
                "/tmp/w1m.ron",
                Some(113_413_400),
                Stage::Parsing {
                    invitations: 663_552,
                    replayed: 1_077_248
                },
                80
            ),
            "/tmp/w1m.ron (113.4 MB): parsing · 663,552 read · 1,077,248 replayed"
        );
        assert_eq!(
            line(
                "/tmp/w1m.ron",
                Some(113_413_400),
                Stage::Replaying {
                    done: 1_077_248,
                    of: 1_700_000
                },
                80
            ),
            "/tmp/w1m.ron (113.4 MB): replaying · 1,077,248 of 1,700,000 ██████████░░░░░  63%"
        );
    }
}
