//! One text field, used by every dialog that takes text (the note and reply composer,
//! the email address, the save path, the filters): ratatui-textarea's editor, kept to
//! one paragraph, with readline keys. Enter and Esc never reach it: the dialog's
//! keymap layer takes them first.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui_textarea::{CursorMove, TextArea};
use unicode_width::UnicodeWidthChar;

use super::key::{Code, Key};

#[derive(Debug, Clone)]
pub struct Field {
    area: TextArea<'static>,
    /// Longest text the field takes (typing or pasting stops there).
    cap: usize,
}

impl Field {
    pub fn new(text: &str, cap: usize) -> Field {
        let mut area = TextArea::new(vec![text.to_owned()]);
        area.move_cursor(CursorMove::End);
        Field { area, cap }
    }

    pub fn text(&self) -> String {
        self.area.lines().join(" ")
    }

    pub fn chars(&self) -> usize {
        self.area.lines().iter().map(|l| l.chars().count()).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.area.is_empty()
    }

    /// Edits with a key: characters, arrows, Home/End, Backspace/Delete, Ctrl-W (a word
    /// back), Ctrl-U (to the start), Ctrl-K (to the end), Alt-B/F (words), Ctrl-Z undo.
    /// True when the text changed.
    pub fn key(&mut self, key: Key) -> bool {
        if key.typed().is_some() && self.chars() >= self.cap {
            return false;
        }
        match (key.code, key.ctrl) {
            (Code::Char('u'), true) => self.area.delete_line_by_head(),
            (Code::Char('z'), true) => self.area.undo(),
            // One paragraph: no newlines, no tabs.
            (Code::Enter | Code::Tab | Code::BackTab, _) | (Code::Char('m' | 'j'), true) => false,
            _ => self.area.input(key),
        }
    }

    /// Pasted text goes in whole, as one line, cut at the field's cap.
    pub fn paste(&mut self, text: &str) -> bool {
        let room = self.cap.saturating_sub(self.chars());
        let flat: String = text
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .take(room)
            .collect();
        !flat.is_empty() && self.area.insert_str(flat)
    }

    /// The text as lines of at most `width` columns, with the cursor drawn in the
    /// `cursor` style when there is one (the field has the focus).
    pub fn lines(&self, width: u16, style: Style, cursor: Option<Style>) -> Vec<Line<'static>> {
        let width = usize::from(width.max(2));
        let cursor_at = self.area.cursor().1;
        let focused = cursor.is_some();
        let cursor = style.patch(cursor.unwrap_or_default());
        let text = self.text();
        let mut lines = Vec::new();
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut run = String::new();
        let mut used = 0;
        let cells = text.chars().map(Some).chain(std::iter::once(None));
        for (k, c) in cells.enumerate() {
            if c.is_none() && !(focused && k == cursor_at) {
                break;
            }
            let shown = c.unwrap_or(' ');
            let w = shown.width().unwrap_or(0).max(1);
            if used + w > width {
                spans.push(Span::styled(std::mem::take(&mut run), style));
                lines.push(Line::from(std::mem::take(&mut spans)));
                used = 0;
            }
            if focused && k == cursor_at {
                spans.push(Span::styled(std::mem::take(&mut run), style));
                spans.push(Span::styled(shown.to_string(), cursor));
            } else if c.is_some() {
                run.push(shown);
            }
            used += w;
        }
        spans.push(Span::styled(run, style));
        lines.push(Line::from(spans));
        lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::Theme;
    use ratatui::style::Modifier;

    fn typed(f: &mut Field, s: &str) {
        for c in s.chars() {
            f.key(Key::char(c));
        }
    }

    #[test]
    fn readline_keys_edit_instead_of_typing_letters() {
        let mut f = Field::new("", 100);
        typed(&mut f, "hello big world");
        f.key(Key::ctrl('w'));
        assert_eq!(f.text(), "hello big ");
        f.key(Key::new(Code::Home));
        typed(&mut f, "> ");
        assert_eq!(f.text(), "> hello big ");
        f.key(Key::new(Code::End));
        f.key(Key::ctrl('u'));
        assert_eq!(f.text(), "");
        f.key(Key::ctrl('z'));
        assert_eq!(f.text(), "> hello big ");
        f.key(Key::new(Code::Left));
        f.key(Key::new(Code::Backspace));
        assert_eq!(f.text(), "> hello bi ");
    }

    #[test]
    fn lines_wrap_and_show_the_cursor() {
        let mut f = Field::new("abcdef", 10);
        f.key(Key::new(Code::Left));
        let text = |lines: Vec<Line>| {
            lines
                .iter()
                .map(|l| {
                    l.spans
                        .iter()
                        .map(|s| s.content.as_ref())
                        .collect::<String>()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            text(f.lines(4, Style::new(), Some(Theme::plain().cursor))),
            vec!["abcd", "ef"]
        );
        let cursor: Vec<_> = f.lines(4, Style::new(), Some(Theme::plain().cursor))[1]
            .spans
            .iter()
            .filter(|s| s.style.add_modifier.contains(Modifier::REVERSED))
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(cursor, vec!["f"]);
        assert_eq!(text(f.lines(4, Style::new(), None)), vec!["abcd", "ef"]);
    }

    #[test]
    fn paste_is_one_line_and_capped() {
        let mut f = Field::new("ab", 6);
        assert!(f.paste("c\nd\tefgh"));
        assert_eq!(f.text(), "abc d ");
        typed(&mut f, "z");
        assert_eq!(f.text(), "abc d ", "full");
    }
}
