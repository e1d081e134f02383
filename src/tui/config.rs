//! A person's own keys and colours: `keys.ron` and `theme.ron` in
//! `$XDG_CONFIG_HOME/invitesim/` (or `~/.config/invitesim/`). Both are partial, like
//! gitui's `key_bindings.ron`: what a file names replaces the default, the rest stays.
//! A bad file is a positioned error before the terminal is touched, never a crash.
//! `invitesim config` prints the defaults in the files' own format.

use std::path::{Path, PathBuf};

use crate::scenario::{ScenarioError, parse_ron};

use super::keymap::{Keymap, Layer, Overrides};
use super::theme::{Theme, ThemeFile};

/// The keymap and theme the app runs with.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub keymap: Keymap,
    pub theme: Theme,
}

/// The two files' names in the config folder.
pub const KEYS_FILE: &str = "keys.ron";
pub const THEME_FILE: &str = "theme.ron";

impl Config {
    /// The defaults: every key as the help screen lists it, colours unless `NO_COLOR`.
    pub fn defaults(theme: Theme) -> Config {
        Config {
            keymap: Keymap::default(),
            theme,
        }
    }

    /// The folder the files are read from: `$XDG_CONFIG_HOME/invitesim`, else
    /// `$HOME/.config/invitesim`; `INVITESIM_CONFIG_DIR` overrides both (tests, and
    /// a class's shared setup).
    pub fn dir() -> Option<PathBuf> {
        let env = |k| std::env::var_os(k).filter(|v| !v.is_empty());
        if let Some(dir) = env("INVITESIM_CONFIG_DIR") {
            return Some(PathBuf::from(dir));
        }
        let base = env("XDG_CONFIG_HOME")
            .map(PathBuf::from)
            .or_else(|| env("HOME").map(|h| PathBuf::from(h).join(".config")))?;
        Some(base.join("invitesim"))
    }

    /// Reads the files in `dir` (those that exist) over `theme`.
    pub fn load(dir: Option<&Path>, theme: Theme) -> Result<Config, ScenarioError> {
        let mut config = Config::defaults(theme);
        let Some(dir) = dir else {
            return Ok(config);
        };
        if let Some(overrides) = read::<Overrides>(&dir.join(KEYS_FILE))? {
            config.keymap = Keymap::with(&overrides);
        }
        if let Some(file) = read::<ThemeFile>(&dir.join(THEME_FILE))? {
            config.theme = config.theme.with(&file);
        }
        Ok(config)
    }

    /// The default keys as a `keys.ron` a person can copy and trim: every layer in
    /// help's order, each key with what it does.
    pub fn keys_text() -> String {
        let map = Keymap::default();
        let mut body = String::from("{\n");
        for layer in Layer::ALL {
            let layer_name = ron::to_string(&layer).expect("a layer serializes");
            body.push_str(&format!("    {layer_name}: {{\n"));
            for (key, command) in map.bindings(layer) {
                let key = ron::to_string(&key.to_string()).expect("a key serializes");
                let command_text = ron::to_string(command).expect("a command serializes");
                let entry = format!("        {key}: {command_text},");
                body.push_str(&format!("{entry:<40}// {}\n", command.describe()));
            }
            body.push_str("    },\n");
        }
        body.push('}');
        format!(
            "// invitesim keys: copy to {KEYS_FILE} in the config folder and keep only what you change.\n\
             // Each layer maps a key to a command; a key you name replaces its default in that\n\
             // layer, and `Nothing` removes it. Keys: \"a\", \"A\", \"ctrl-s\", \"alt-b\", \"enter\",\n\
             // \"esc\", \"tab\", \"shift-tab\", \"space\", \"up\", \"pgdn\", \"f1\"…\n{body}\n"
        )
    }

    /// The default theme as a `theme.ron`.
    pub fn theme_text(theme: &Theme) -> String {
        let body = ron::ser::to_string_pretty(theme, ron::ser::PrettyConfig::default())
            .expect("the theme serializes");
        format!(
            "// invitesim theme: copy to {THEME_FILE} in the config folder and keep only what you change.\n\
             // Colours: names (\"Cyan\", \"LightRed\"), \"#rrggbb\" or an index (\"208\");\n\
             // add_modifier: (\"BOLD | ITALIC | UNDERLINED | REVERSED | DIM\").\n{body}\n"
        )
    }
}

/// A config file's contents, or None when it does not exist.
fn read<T: serde::de::DeserializeOwned>(path: &Path) -> Result<Option<T>, ScenarioError> {
    let name = path.to_string_lossy();
    match std::fs::read_to_string(path) {
        Ok(text) => parse_ron(&name, &text).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(ScenarioError::one(
            &name,
            None,
            format!("cannot read it: {e}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::key::Key;
    use crate::tui::keymap::Command;

    #[test]
    fn printed_defaults_read_back_as_the_defaults() {
        let keys: Overrides = parse_ron("keys.ron", &Config::keys_text()).expect("test input");
        assert_eq!(Keymap::with(&keys), Keymap::default());
        let theme: ThemeFile =
            parse_ron("theme.ron", &Config::theme_text(&Theme::colour())).expect("test input");
        assert_eq!(Theme::plain().with(&theme), Theme::colour());
    }

    #[test]
    fn partial_files_change_only_what_they_name() {
        let keys: Overrides = parse_ron("keys.ron", r#"{ Main: { "A": Accept, "a": Nothing } }"#)
            .expect("test input");
        let map = Keymap::with(&keys);
        assert_eq!(
            map.command(Layer::Main, Key::char('A')),
            Some(Command::Accept)
        );
        assert_eq!(map.command(Layer::Main, Key::char('a')), None);
        assert_eq!(
            map.command(Layer::Main, Key::char('i')),
            Some(Command::Ignore)
        );
        let theme: ThemeFile = parse_ron("theme.ron", r#"(selected: (fg: "Black", bg: "Yellow"))"#)
            .expect("test input");
        let t = Theme::colour().with(&theme);
        assert_eq!(t.selected.bg, Some(ratatui::style::Color::Yellow));
        assert_eq!(t.key, Theme::colour().key);
        // Modifiers as the comment in the printed file says to write them.
        let theme: ThemeFile = parse_ron(
            "theme.ron",
            r##"(title: (fg: "#ff8800", add_modifier: ("BOLD | ITALIC")))"##,
        )
        .expect("test input");
        let title = Theme::plain().with(&theme).title;
        assert_eq!(title.fg, Some(ratatui::style::Color::Rgb(255, 136, 0)));
        assert!(
            title
                .add_modifier
                .contains(ratatui::style::Modifier::ITALIC)
        );
    }

    #[test]
    fn bad_files_are_positioned_errors() {
        let e = parse_ron::<Overrides>("keys.ron", "{\n  Main: { \"pagedown\": Down },\n}")
            .expect_err("an error")
            .to_string();
        assert!(e.starts_with("keys.ron:2:"), "{e}");
        assert!(
            e.contains("`pagedown` is not a key") && e.contains("pgdn"),
            "{e}"
        );
        let e = parse_ron::<Overrides>("keys.ron", "{ Main: { \"a\": Acept } }")
            .expect_err("an error")
            .to_string();
        assert!(e.starts_with("keys.ron:1:"), "{e}");
        assert!(
            e.contains("unknown command `Acept`") && e.contains("Accept"),
            "{e}"
        );
        let e = parse_ron::<ThemeFile>("theme.ron", "(selectd: (fg: \"Red\"))")
            .expect_err("an error")
            .to_string();
        assert!(
            e.contains("unknown field `selectd`") && e.contains("selected"),
            "{e}"
        );
    }
}
