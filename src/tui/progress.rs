//! Which lessons a learner has finished, kept in a small RON file in the user's data
//! directory (XDG). Written atomically; a missing or corrupt file means a fresh start.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// Names of the lessons whose goal the learner reached.
    pub done: BTreeSet<String>,
}

impl Progress {
    /// `$INVITESIM_DATA_DIR`, else `$XDG_DATA_HOME/invitesim`, else
    /// `~/.local/share/invitesim`; `None` when there is no home to speak of.
    pub fn default_path() -> Option<PathBuf> {
        let env = |k| {
            std::env::var_os(k)
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        };
        let dir = env("INVITESIM_DATA_DIR")
            .or_else(|| env("XDG_DATA_HOME").map(|d| d.join("invitesim")))
            .or_else(|| env("HOME").map(|h| h.join(".local/share/invitesim")))?;
        Some(dir.join("progress.ron"))
    }

    /// The saved progress; anything unreadable starts fresh.
    pub fn load(path: &Path) -> Progress {
        fs::read_to_string(path)
            .ok()
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Writes to a temporary file beside `path`, syncs it, then renames it over `path`,
    /// so a crash leaves either the old file or the new one, never half of one.
    pub fn save(&self, path: &Path) -> io::Result<()> {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(io::Error::other)?;
        crate::files::write_atomically(path, |out| out.write_all(text.as_bytes()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d =
            std::env::temp_dir().join(format!("invitesim-progress-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&d);
        d
    }

    #[test]
    fn round_trips_and_creates_its_folder() {
        let path = dir("round").join("nested/progress.ron");
        let mut p = Progress::default();
        p.done.insert("lesson-01-never-told".into());
        p.save(&path).expect("save");
        assert_eq!(Progress::load(&path), p);
        let leftovers: Vec<_> = fs::read_dir(path.parent().expect("dir"))
            .expect("read")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn missing_or_corrupt_starts_fresh() {
        let d = dir("corrupt");
        assert_eq!(Progress::load(&d.join("none.ron")), Progress::default());
        fs::create_dir_all(&d).expect("mkdir");
        for junk in [&b"Progress(done: [1, 2"[..], b"\xff\xfe", b""] {
            fs::write(d.join("p.ron"), junk).expect("write");
            assert_eq!(Progress::load(&d.join("p.ron")), Progress::default());
        }
    }
}
