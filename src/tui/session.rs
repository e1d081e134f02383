//! Saving the session (`Ctrl-S`) and quitting with unsaved exploring.

use super::app::{App, Download, Outcome};
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
    /// `NAME.saved.ron` beside it (or in the current folder for a built-in). On a page
    /// (`saves_as_downloads`), the session is handed over as a download instead.
    pub(super) fn open_save(&mut self) {
        if self.downloads {
            return self.save_as_download();
        }
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

    /// Ctrl-S hands the session over as a download (`take_download`) instead of
    /// asking for a path: a web page has no folders to write to.
    pub fn saves_as_downloads(mut self) -> App {
        self.downloads = true;
        self
    }

    /// The session saved by the last Ctrl-S, for the page to download.
    pub fn take_download(&mut self) -> Option<Download> {
        self.download.take()
    }

    fn save_as_download(&mut self) {
        let file = std::path::Path::new(&self.loaded.file);
        let stem = file.file_stem().unwrap_or_default().to_string_lossy();
        let stem = stem.strip_suffix(".saved").unwrap_or(&stem);
        let name = format!("{stem}.saved.ron");
        match self.session_text() {
            Ok(text) => {
                self.dirty = false;
                self.overlay = Overlay::None;
                self.outcome = Some(Outcome::note(format!(
                    "Downloaded {name}. Open it on this page again (the menu's \"Open a \
                     scenario file\", or drop it on the page), or in a terminal: \
                     invitesim open {name}"
                )));
                self.download = Some(Download { name, text });
            }
            Err(e) => {
                self.overlay = Overlay::None;
                self.outcome = Some(Outcome::note(format!("Could not save the session: {e}")));
            }
        }
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
