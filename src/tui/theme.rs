//! The one set of named styles. With `NO_COLOR` set, every style keeps only its
//! modifiers (bold, reverse, italic), so selection stays visible without colour.

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Serialize};

/// The theme's styles, each named once: the struct, the partial file of overrides and
/// applying one to the other all come from this list.
macro_rules! styles {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
        pub struct Theme {
            $($(#[$doc])* pub $name: Style,)*
        }

        /// A theme file: any of the styles; those left out keep the default.
        #[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct ThemeFile {
            $(#[serde(default)] pub $name: Option<Style>,)*
        }

        impl Theme {
            /// This theme with a file's styles laid over it.
            pub fn with(mut self, file: &ThemeFile) -> Theme {
                $(if let Some(style) = file.$name {
                    self.$name = style;
                })*
                self
            }
        }
    };
}

styles! {
    header,
    title,
    dim,
    focus_border,
    border,
    tab_active,
    /// The selected row of the focused pane.
    selected,
    /// The selected row of the other pane.
    selected_unfocused,
    changed_row,
    badge_changed,
    badge_unchanged,
    xray,
    refusal,
    good,
    warn,
    narration,
    key,
    /// The footer's one-line answer to the last key.
    status,
    /// The text cursor in a field being typed into.
    cursor,
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
            selected_unfocused: Style::new().fg(Color::White).bg(Color::DarkGray),
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
            status: Style::new().fg(Color::Yellow),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
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
            selected_unfocused: Style::new().add_modifier(Modifier::UNDERLINED),
            changed_row: bold,
            badge_changed: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            badge_unchanged: bold,
            xray: Style::new().add_modifier(Modifier::ITALIC),
            refusal: bold,
            good: none,
            warn: bold,
            narration: Style::new().add_modifier(Modifier::ITALIC),
            key: bold,
            status: bold,
            cursor: Style::new().add_modifier(Modifier::REVERSED),
        }
    }
}
