//! `--watch`: run a command again each time its files are saved, until Ctrl-C. The
//! screen is cleared between runs on a terminal; an error never ends the watch.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

/// Runs `run` now and after every change to one of `files`. Returns only when the
/// files cannot be watched (a built-in name, a missing folder).
pub fn watch(files: &[String], mut run: impl FnMut()) -> io::Result<()> {
    let paths: Vec<PathBuf> = files.iter().map(PathBuf::from).collect();
    if let Some(missing) = paths.iter().find(|p| !p.is_file()) {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!(
                "--watch needs scenario files; {} is not one (built-ins never change)",
                missing.display()
            ),
        ));
    }
    let (tx, rx) = mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| e.kind.is_modify() || e.kind.is_create()) {
            let _ = tx.send(());
        }
    })
    .map_err(io::Error::other)?;
    // Editors save by writing a new file and renaming it over the old one, so the
    // folder is watched, not the file.
    for dir in paths.iter().map(|p| folder(p)) {
        watcher
            .watch(&dir, RecursiveMode::NonRecursive)
            .map_err(io::Error::other)?;
    }
    let stamps = || {
        paths
            .iter()
            .map(|p| std::fs::metadata(p).and_then(|m| m.modified()).ok())
            .collect::<Vec<_>>()
    };
    let mut seen = stamps();
    loop {
        clear();
        run();
        eprintln!(
            "\n[watching {}: save to run again, Ctrl-C to stop]",
            files.join(", ")
        );
        loop {
            if rx.recv().is_err() {
                return Ok(());
            }
            // Let the editor finish writing, and take the burst of events as one.
            std::thread::sleep(Duration::from_millis(100));
            while rx.try_recv().is_ok() {}
            let now = stamps();
            if now != seen {
                seen = now;
                break;
            }
        }
    }
}

fn folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

fn clear() {
    let mut out = io::stdout();
    if out.is_terminal() {
        let _ = out.write_all(b"\x1b[2J\x1b[H");
        let _ = out.flush();
    }
}
