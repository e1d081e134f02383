//! A menu of things to start: the lessons `invitesim learn` opens on (each with a ✓ when
//! done, the first not yet done selected), and in the browser the page's menus (every
//! scenario and lesson, the end of a session, a file that would not open). Enter starts
//! the selected item, the digits 1–9 one of the first nine, q leaves where leaving is
//! possible.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::Theme;
use super::key::Input;
use super::keymap::{Command, Keymap, Layer};

/// The menu's state: what it says, its items, and the selection.
pub struct Menu {
    /// The border's title.
    pub title: String,
    /// Lines above the items (wrapped to the width).
    pub intro: Vec<Line<'static>>,
    pub items: Vec<Item>,
    pub selected: usize,
    pub theme: Theme,
    /// q and Esc leave the menu (the terminal); a page has nowhere to leave to.
    pub leave: bool,
}

/// One thing the menu can start.
pub struct Item {
    /// A heading shown above this item, starting a group.
    pub heading: Option<String>,
    pub title: String,
    /// `Some` for things that can be done (lessons): ✓ when done.
    pub done: Option<bool>,
}

impl Item {
    pub fn new(title: impl Into<String>) -> Item {
        Item {
            heading: None,
            title: title.into(),
            done: None,
        }
    }

    pub fn under(mut self, heading: impl Into<String>) -> Item {
        self.heading = Some(heading.into());
        self
    }

    pub fn done(mut self, done: bool) -> Item {
        self.done = Some(done);
        self
    }
}

/// What a key did to the menu.
pub enum Choice {
    Stay,
    Start(usize),
    Leave,
}

impl Menu {
    /// The lesson menu of `invitesim learn`.
    pub fn lessons(titles: Vec<String>, done: &[bool], selected: usize, theme: Theme) -> Menu {
        let done_count = done.iter().filter(|d| **d).count();
        Menu {
            title: format!(" invitesim learn · {done_count} of {} done ", titles.len()),
            intro: vec![Line::raw(
                "Each lesson is a small world with a goal you reach with the app's keys, then a question.",
            )],
            items: titles
                .into_iter()
                .zip(done)
                .map(|(t, &d)| Item::new(t).done(d))
                .collect(),
            selected,
            theme,
            leave: true,
        }
    }

    /// A key in the menu, through the keymap's `Menu` layer; the digits 1–9 start
    /// that item at once.
    pub fn input(&mut self, input: &Input, keymap: &Keymap) -> Choice {
        let Input::Key(key) = input else {
            return Choice::Stay;
        };
        let last = self.items.len().saturating_sub(1);
        match keymap.command(Layer::Menu, *key) {
            Some(Command::Down) => self.selected = (self.selected + 1).min(last),
            Some(Command::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Command::Top) => self.selected = 0,
            Some(Command::Bottom) => self.selected = last,
            Some(Command::Submit) => return Choice::Start(self.selected),
            Some(Command::Close | Command::Quit) if self.leave => return Choice::Leave,
            _ => match key.typed() {
                Some(c @ '1'..='9') if (c as usize - '1' as usize) <= last => {
                    return Choice::Start(c as usize - '1' as usize);
                }
                _ => {}
            },
        }
        Choice::Stay
    }

    /// The menu's lines, the intro wrapped to `width`, and the index of the selected
    /// item's line among them.
    fn lines(&self, width: u16) -> (Vec<Line<'static>>, usize) {
        let theme = &self.theme;
        let mut lines: Vec<Line<'static>> = (self.intro.iter())
            .flat_map(|l| super::text::wrap_line(l, usize::from(width), 0))
            .collect();
        let mut at = 0;
        for (i, item) in self.items.iter().enumerate() {
            if let Some(heading) = &item.heading {
                lines.push(Line::raw(""));
                lines.push(Line::styled(heading.clone(), theme.title));
            } else if i == 0 {
                lines.push(Line::raw(""));
            }
            // The digits' number, and a ✓ column for things that can be done; items
            // past the ninth keep their titles in line with the numbered ones.
            let tick = |done: bool| if done { "✓" } else { " " };
            let lead = match ((i < 9).then_some(i + 1), item.done) {
                (Some(n), Some(done)) => format!("{} {n}. ", tick(done)),
                (Some(n), None) => format!("{n}. "),
                (None, Some(done)) => format!(" {} ", tick(done)),
                (None, None) => "   ".into(),
            };
            let style = if i == self.selected {
                theme.selected
            } else {
                Style::default()
            };
            if i == self.selected {
                at = lines.len();
            }
            lines.push(Line::styled(format!(" {lead}{} ", item.title), style));
        }
        (lines, at)
    }
}

impl Widget for &Menu {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.theme;
        let block = Block::bordered()
            .border_style(theme.border)
            .title(Span::styled(self.title.clone(), theme.title));
        let [list, footer] =
            Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
        let inner = block.inner(list);
        let (lines, at) = self.lines(inner.width);
        // Scroll so the selected item shows, with the line after it when there is one.
        let below = lines.len().saturating_sub(at + 1).min(1);
        let scroll = (at + 1 + below).saturating_sub(usize::from(inner.height));
        Paragraph::new(lines)
            .block(block)
            .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0))
            .render(list, buf);
        let mut keys = vec![
            Span::styled(" ↑↓ j k", theme.key),
            Span::styled(" choose ", theme.dim),
            Span::styled(" Enter 1–9", theme.key),
            Span::styled(" start ", theme.dim),
        ];
        if self.leave {
            keys.push(Span::styled(" q Esc", theme.key));
            keys.push(Span::styled(" leave ", theme.dim));
        }
        Line::from(keys).render(footer, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::super::key::{Code, Key};
    use super::*;

    fn menu() -> Menu {
        Menu::lessons(
            vec!["One".into(), "Two".into(), "Three".into()],
            &[true, false, false],
            1,
            Theme::plain(),
        )
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
