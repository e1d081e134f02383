//! Saving the session (`Ctrl-S`) and quitting with unsaved exploring.

use super::app::{App, Outcome};
use super::overlay::Overlay;

impl App {
    /// Quits, unless the person acted since the last save: then it asks, once.
    pub fn ask_to_quit(&mut self) {
        if self.dirty && !matches!(self.overlay, Overlay::QuitConfirm) {
            self.overlay = Overlay::QuitConfirm;
        } else {
            self.quit = true;
        }
    }

    /// The save prompt, with a path that never overwrites the opened file unasked:
    /// `NAME.saved.ron` beside it (or in the current folder for a built-in).
    pub(super) fn open_save(&mut self) {
        let path = match &self.loaded.path {
            Some(p) if p.to_string_lossy().ends_with(".saved.ron") => p.clone(),
            Some(p) => {
                let stem = p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                p.with_file_name(format!("{stem}.saved.ron"))
            }
            None => {
                let stem = self.loaded.file.trim_end_matches(".ron");
                std::path::PathBuf::from(format!("{stem}.saved.ron"))
            }
        };
        self.overlay = Overlay::save(&path.to_string_lossy());
    }

    /// The session as a scenario file: the author's text with `actions:` set, or for a
    /// world loaded without its text, the whole scenario written out.
    pub fn session_text(&self) -> Result<String, String> {
        let handle = |i: usize| self.world.person(self.panes[i].person).handle.as_str();
        let all = self.actions_since_start();
        let kept = self
            .loaded
            .source
            .as_deref()
            .and_then(|source| crate::scenario::save::splice_actions(source, &all));
        match kept {
            Some(text) => Ok(text),
            None => crate::scenario::save::to_ron(
                &self.loaded,
                &self.world,
                (handle(0), handle(1)),
                &all,
            ),
        }
    }

    /// Writes the session to `path`. On failure the prompt stays open with the reason,
    /// and nothing in memory is lost.
    pub fn save_to(&mut self, path: &str) {
        let text = self.session_text();
        let result = text.map_err(std::io::Error::other).and_then(|text| {
            crate::files::write_atomically(std::path::Path::new(path), |out| {
                out.write_all(text.as_bytes())
            })
        });
        match result {
            Ok(()) => {
                self.dirty = false;
                self.overlay = Overlay::None;
                let shown = crate::scenario::visible(path).into_owned();
                self.outcome = Some(Outcome::note(format!(
                    "Saved to {shown}. Resume it with: invitesim open {shown}"
                )));
            }
            Err(e) => {
                if let Overlay::Save(s) = &mut self.overlay {
                    s.confirm = false;
                    s.error = Some(e.to_string());
                }
            }
        }
    }
}
