//! Small text helpers for fixed-width cells: truncation by display width.

use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthChar;

/// `s` cut to at most `width` columns, with `…` when something was cut.
pub fn fit(s: &str, width: usize) -> String {
    let total: usize = s.chars().map(|c| c.width().unwrap_or(0)).sum();
    if total <= width {
        return s.to_owned();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// Display width of `s`.
pub fn width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// `left` and `right` cut to share one line of `width` columns with a space between,
/// `left` giving way. The caller puts `right` at the right edge: no padding is drawn.
pub fn spread(left: &str, right: &str, width: usize) -> (String, String) {
    let right = fit(right, width);
    let room = width.saturating_sub(self::width(&right) + 1);
    (fit(left, room), right)
}

/// `s` wrapped at word boundaries to `width` columns, the lines after the first
/// indented by `indent` so they hang under the text, not under its label.
pub fn hang(s: &str, width: usize, indent: usize) -> Vec<String> {
    let width = width.max(indent + 8);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in s.split(' ') {
        let room = if lines.is_empty() {
            width
        } else {
            width - indent
        };
        if !line.is_empty() && self::width(&line) + 1 + self::width(word) > room {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    lines.push(line);
    let pad = " ".repeat(indent);
    lines
        .into_iter()
        .enumerate()
        .map(|(k, l)| {
            let room = if k == 0 { width } else { width - indent };
            let l = fit(&l, room);
            if k == 0 { l } else { format!("{pad}{l}") }
        })
        .collect()
}

/// A styled line wrapped at word boundaries to `width` columns, keeping each word's
/// style; the lines after the first start `indent` columns in (a hanging indent, so
/// wrapped text sits under the text and not under its bullet or label).
pub fn wrap_line(line: &Line<'_>, width: usize, indent: usize) -> Vec<Line<'static>> {
    let width = width.max(indent + 8);
    let mut out: Vec<Line<'static>> = Vec::new();
    let mut cur: Vec<Span<'static>> = Vec::new();
    let mut used = 0;
    for span in &line.spans {
        // Words with the space before them, so spaces inside a span are kept.
        for word in span.content.split_inclusive(' ') {
            let w = self::width(word);
            let trimmed = self::width(word.trim_end());
            if used > 0 && used + trimmed > width {
                out.push(Line::from(std::mem::take(&mut cur)));
                cur.push(Span::raw(" ".repeat(indent)));
                used = indent;
            }
            let word = if used + w > width && trimmed > width - used {
                // A word longer than a whole line: cut it.
                fit(word, width - used)
            } else {
                word.to_owned()
            };
            used += self::width(&word);
            cur.push(Span::styled(word, span.style));
        }
    }
    out.push(Line::from(cur));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_by_display_width() {
        assert_eq!(fit("hello", 5), "hello");
        assert_eq!(fit("hello", 4), "hel…");
        assert_eq!(fit("日本語", 4), "日…");
        assert_eq!(fit("x", 0), "");
        assert_eq!(
            spread("Maya Chen", "Pending", 20),
            ("Maya Chen".into(), "Pending".into())
        );
        assert_eq!(
            spread("Maya Chen Ortiz", "Pending", 16),
            ("Maya Ch…".into(), "Pending".into())
        );
    }

    #[test]
    fn styled_lines_wrap_with_a_hanging_indent() {
        let line = Line::from(vec![
            Span::raw("• Maya sent an invitation — "),
            Span::styled(
                "seen by: Sam Ortiz only",
                ratatui::style::Style::new().bold(),
            ),
        ]);
        let text: Vec<String> = wrap_line(&line, 24, 2)
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect();
        assert_eq!(
            text,
            vec![
                "• Maya sent an ",
                "  invitation — seen by: ",
                "  Sam Ortiz only"
            ]
        );
    }

    #[test]
    fn hanging_lines_wrap_under_the_text() {
        assert_eq!(
            hang("⟂ of the 415 pending: 102 ignored · 3 never opened", 24, 2),
            vec![
                "⟂ of the 415 pending:",
                "  102 ignored · 3 never",
                "  opened"
            ]
        );
        assert_eq!(hang("short", 40, 4), vec!["short"]);
    }
}
