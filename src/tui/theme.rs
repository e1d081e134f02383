//! The one set of named styles. With `NO_COLOR` set, every style keeps only its
//! modifiers (bold, reverse, italic), so selection stays visible without colour.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub header: Style,
    pub title: Style,
    pub dim: Style,
    pub focus_border: Style,
    pub border: Style,
    pub tab_active: Style,
    pub selected: Style,
    pub changed_row: Style,
    pub badge_changed: Style,
    pub badge_unchanged: Style,
    pub xray: Style,
    pub refusal: Style,
    pub good: Style,
    pub warn: Style,
    pub narration: Style,
    pub key: Style,
}

impl Theme {
    /// Colour unless the `NO_COLOR` convention asks for none.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color {
            Theme::plain()
        } else {
            Theme::colour()
        }
    }

    pub fn colour() -> Theme {
        let bold = Modifier::BOLD;
        Theme {
            header: Style::new().fg(Color::Black).bg(Color::Cyan),
            title: Style::new().add_modifier(bold),
            dim: Style::new().fg(Color::DarkGray),
            focus_border: Style::new().fg(Color::Cyan).add_modifier(bold),
            border: Style::new().fg(Color::Gray),
            tab_active: Style::new()
                .fg(Color::Cyan)
                .add_modifier(bold | Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED | bold),
            changed_row: Style::new().fg(Color::Yellow).add_modifier(bold),
            badge_changed: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(bold),
            badge_unchanged: Style::new()
                .fg(Color::Black)
                .bg(Color::Green)
                .add_modifier(bold),
            xray: Style::new()
                .fg(Color::Magenta)
                .add_modifier(Modifier::ITALIC),
            refusal: Style::new().fg(Color::Red).add_modifier(bold),
            good: Style::new().fg(Color::Green),
            warn: Style::new().fg(Color::Yellow).add_modifier(bold),
            narration: Style::new().fg(Color::Cyan).add_modifier(Modifier::ITALIC),
            key: Style::new().fg(Color::Cyan).add_modifier(bold),
        }
    }

    pub fn plain() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let none = Style::new();
        Theme {
            header: Style::new().add_modifier(Modifier::REVERSED),
            title: bold,
            dim: none,
            focus_border: bold,
            border: none,
            tab_active: bold.add_modifier(Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            changed_row: bold,
            badge_changed: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            badge_unchanged: bold,
            xray: Style::new().add_modifier(Modifier::ITALIC),
            refusal: bold,
            good: none,
            warn: bold,
            narration: Style::new().add_modifier(Modifier::ITALIC),
            key: bold,
        }
    }
}
