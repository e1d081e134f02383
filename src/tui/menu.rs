//! The lesson menu `invitesim learn` opens on: every lesson with a ✓ when done, the
//! first not yet done selected; Enter starts one, q leaves.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{Event, KeyCode, KeyEventKind};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::Theme;

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
    pub fn key(&mut self, event: &Event) -> Choice {
        let Event::Key(key) = event else {
            return Choice::Stay;
        };
        if key.kind != KeyEventKind::Press {
            return Choice::Stay;
        }
        let last = self.titles.len().saturating_sub(1);
        match key.code {
            KeyCode::Down | KeyCode::Char('j') => self.selected = (self.selected + 1).min(last),
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Home | KeyCode::Char('g') => self.selected = 0,
            KeyCode::End | KeyCode::Char('G') => self.selected = last,
            KeyCode::Char(c @ '1'..='9') => {
                let n = c as usize - '1' as usize;
                if n <= last {
                    return Choice::Start(n);
                }
            }
            KeyCode::Enter => return Choice::Start(self.selected),
            KeyCode::Char('q') | KeyCode::Esc => return Choice::Leave,
            KeyCode::Char('c')
                if key
                    .modifiers
                    .contains(ratatui::crossterm::event::KeyModifiers::CONTROL) =>
            {
                return Choice::Leave;
            }
            _ => {}
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
    use ratatui::crossterm::event::KeyEvent;

    use super::*;

    fn menu() -> Menu {
        Menu {
            titles: vec!["One".into(), "Two".into(), "Three".into()],
            done: vec![true, false, false],
            selected: 1,
            theme: Theme::plain(),
        }
    }

    fn press(m: &mut Menu, code: KeyCode) -> Choice {
        m.key(&Event::Key(KeyEvent::from(code)))
    }

    #[test]
    fn keys_move_pick_and_leave() {
        let mut m = menu();
        assert!(matches!(press(&mut m, KeyCode::Char('j')), Choice::Stay));
        assert_eq!(m.selected, 2);
        assert!(matches!(press(&mut m, KeyCode::Down), Choice::Stay));
        assert_eq!(m.selected, 2, "stays on the last");
        assert!(matches!(press(&mut m, KeyCode::Enter), Choice::Start(2)));
        assert!(matches!(
            press(&mut m, KeyCode::Char('1')),
            Choice::Start(0)
        ));
        assert!(matches!(press(&mut m, KeyCode::Char('9')), Choice::Stay));
        assert!(matches!(press(&mut m, KeyCode::Esc), Choice::Leave));
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
