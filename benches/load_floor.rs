//! The load against its floor, whole processes, the same file for both: `invitesim check
//! FILE` (parse, validate, replay the history: what `open` does before its first frame)
//! against this binary re-run as `--bare FILE`, which reads the file and parses it with
//! `ron` into plain serde structs (`common::plain`) and nothing else. Then the first
//! frame: `invitesim open FILE` in a pseudo-terminal (util-linux `script`, 120×36), from
//! exec to the app's header on the screen. Alternating runs, medians, at 100k and 1M
//! invitations; prints each median and its ratio to the bare parse.
//!
//! `cargo bench --bench load_floor` (the 1M world takes a while to generate;
//! `LOAD_FLOOR_SIZES=100000` runs one size).

mod common;

use std::hint::black_box;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

/// Runs `program args…` to completion and returns how long it took.
fn timed(program: &Path, args: &[&str]) -> Duration {
    let t = Instant::now();
    let status = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .status()
        .expect("the program runs");
    let took = t.elapsed();
    assert!(status.success(), "{} {args:?} failed", program.display());
    took
}

/// From exec to the first frame of the app (its header, "rules:") of `open path`.
fn first_frame(app: &Path, path: &str) -> Duration {
    let line = format!("stty cols 120 rows 36; exec {} open {path}", app.display());
    let t = Instant::now();
    let mut child = Command::new("script")
        .args(["-qefc", &line, "/dev/null"])
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("util-linux `script` runs the app in a pty");
    let mut out = child.stdout.take().expect("piped");
    let (mut seen, mut buf) = (Vec::new(), [0u8; 65536]);
    let took = loop {
        let n = out.read(&mut buf).expect("the pty reads");
        assert!(n > 0, "the app ended before its first frame");
        seen.extend_from_slice(&buf[..n]);
        if seen.windows(6).any(|w| w == b"rules:") {
            break t.elapsed();
        }
    };
    let mut keys = child.stdin.take().expect("piped");
    keys.write_all(b"q").expect("a key");
    drop(keys);
    // Drain what is left so the app can finish writing and exit.
    while out.read(&mut buf).is_ok_and(|n| n > 0) {}
    child.wait().expect("the app exits");
    took
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--bare") {
        let text = std::fs::read_to_string(&args[i + 1]).expect("the file reads");
        black_box(common::plain::parse(&text));
        return;
    }
    let app = Path::new(env!("CARGO_BIN_EXE_invitesim"));
    let me = std::env::current_exe().expect("this bench's own path");
    // `cargo bench` passes `--bench`; a filter argument is ignored here.
    let sizes: Vec<usize> = std::env::var("LOAD_FLOOR_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000, 1_000_000]);
    let dir = tempfile::tempdir().expect("a temporary folder");
    for n in sizes {
        let file = dir.path().join(format!("floor-{n}.ron"));
        std::fs::write(&file, common::text(n)).expect("the world is written");
        let path = file.to_str().expect("a UTF-8 path");
        let bytes = std::fs::metadata(&file).map_or(0, |m| m.len());
        let runs = if n >= 1_000_000 { 7 } else { 15 };
        // One of each first: the file in the page cache, the binaries loaded.
        timed(&me, &["--bare", path]);
        timed(app, &["check", path]);
        let (mut bare, mut check, mut frame) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..runs {
            bare.push(timed(&me, &["--bare", path]));
            check.push(timed(app, &["check", path]));
            frame.push(first_frame(app, path));
        }
        let (bare, check, frame) = (median(bare), median(check), median(frame));
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!(
            "load_floor/{n}: check {:.1} ms, bare parse {:.1} ms, ratio {:.2}; first frame of open {:.1} ms, ratio {:.2} (whole processes, median of {runs}, {} MB)",
            ms(check),
            ms(bare),
            ms(check) / ms(bare),
            ms(frame),
            ms(frame) / ms(bare),
            bytes / 1_000_000
        );
    }
}
