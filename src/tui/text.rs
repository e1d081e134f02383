//! Small text helpers for fixed-width cells: truncation by display width.

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
}
