//! The lesson menu `invitesim learn` opens on: every lesson with a ✓ when done, the
//! first not yet done selected; Enter starts one, q leaves.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::Theme;
use super::key::Input;
use super::keymap::{Command, Keymap, Layer};

/// The menu's state: the lessons' titles, which are done, and the selection.
pub struct Menu {
    pub titles: Vec<String>,
    pub done: Vec<bool>,
    pub selected: usize,
    pub theme: Theme,
}

/// What a key did to the menu.
pub enum Choice {
    Stay,
    Start(usize),
    Leave,
}

impl Menu {
    /// A key in the menu, through the keymap's `Menu` layer; the digits 1–9 start
    /// that lesson at once.
    pub fn input(&mut self, input: &Input, keymap: &Keymap) -> Choice {
        let Input::Key(key) = input else {
            return Choice::Stay;
        };
        let last = self.titles.len().saturating_sub(1);
        match keymap.command(Layer::Menu, *key) {
            Some(Command::Down) => self.selected = (self.selected + 1).min(last),
            Some(Command::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Command::Top) => self.selected = 0,
            Some(Command::Bottom) => self.selected = last,
            Some(Command::Submit) => return Choice::Start(self.selected),
            Some(Command::Close | Command::Quit) => return Choice::Leave,
            _ => match key.typed() {
                Some(c @ '1'..='9') if (c as usize - '1' as usize) <= last => {
                    return Choice::Start(c as usize - '1' as usize);
                }
                _ => {}
            },
        }
        Choice::Stay
    }
}

impl Widget for &Menu {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.theme;
        let done = self.done.iter().filter(|d| **d).count();
        let block = Block::bordered()
            .border_style(theme.border)
            .title(Span::styled(
                format!(" invitesim learn · {done} of {} done ", self.titles.len()),
                theme.title,
            ));
        let [list, footer] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
        let mut lines = vec![
            Line::raw(
                "Each lesson is a small world with a goal you reach with the app's keys, then a question.",
            ),
            Line::raw(""),
        ];
        for (i, title) in self.titles.iter().enumerate() {
            let mark = if self.done[i] { "✓" } else { " " };
            let text = format!(" {mark} {}. {title} ", i + 1);
            let style = if i == self.selected {
                theme.selected
            } else {
                ratatui::style::Style::default()
            };
            lines.push(Line::styled(text, style));
        }
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false })
            .render(list, buf);
        Line::from(vec![
            Span::styled(" ↑↓ j k", theme.key),
            Span::styled(" choose ", theme.dim),
            Span::styled(" Enter 1–9", theme.key),
            Span::styled(" start ", theme.dim),
            Span::styled(" q Esc", theme.key),
            Span::styled(" leave ", theme.dim),
        ])
        .render(footer, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::super::key::{Code, Key};
    use super::*;

    fn menu() -> Menu {
        Menu {
            titles: vec!["One".into(), "Two".into(), "Three".into()],
            done: vec![true, false, false],
            selected: 1,
            theme: Theme::plain(),
        }
    }

    fn press(m: &mut Menu, key: impl Into<Key>) -> Choice {
        m.input(&Input::Key(key.into()), &Keymap::default())
    }

    #[test]
    fn keys_move_pick_and_leave() {
        let mut m = menu();
        assert!(matches!(press(&mut m, 'j'), Choice::Stay));
        assert_eq!(m.selected, 2);
        assert!(matches!(press(&mut m, Code::Down), Choice::Stay));
        assert_eq!(m.selected, 2, "stays on the last");
        assert!(matches!(press(&mut m, Code::Enter), Choice::Start(2)));
        assert!(matches!(press(&mut m, '1'), Choice::Start(0)));
        assert!(matches!(press(&mut m, '9'), Choice::Stay));
        assert!(matches!(press(&mut m, Code::Esc), Choice::Leave));
    }

    #[test]
    fn done_lessons_are_marked() {
        let m = menu();
        let area = Rect::new(0, 0, 60, 10);
        let mut buf = Buffer::empty(area);
        (&m).render(area, &mut buf);
        let text: String = (0..area.height)
            .map(|y| {
                (0..area.width)
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>()
                    + "\n"
            })
            .collect();
        assert!(text.contains("1 of 3 done"), "{text}");
        assert!(text.contains("✓ 1. One"), "{text}");
        assert!(text.contains("  2. Two"), "{text}");
    }
}
