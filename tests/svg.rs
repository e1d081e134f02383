//! The SVG outputs: `record NAME -o X.svg` (animated) and `play --screens WxH --format
//! svg -o DIR` (one still per step). Each parses as XML, has a frame per step, and its
//! text, read back by column, equals `play --screens` for the same step.

use std::collections::HashMap;
use std::process::Command;

use invitesim::export::svg::{CELL_H, CELL_W};
use unicode_width::UnicodeWidthChar;

fn invitesim(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_invitesim"))
        .args(args)
        .output()
        .expect("runs")
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("invitesim-svg-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("tmp dir");
    dir
}

/// `record tour -o X.svg --size SIZE`, in a folder of its own: the SVG's bytes.
fn record_svg(folder: &str, size: &str) -> Vec<u8> {
    let path = tmp(folder).join("tour.svg");
    let out = invitesim(&[
        "record",
        "tour",
        "-o",
        path.to_str().expect("utf-8"),
        "--size",
        size,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::read(&path).expect("written")
}

/// `play --screens` output as (heading, screen lines) blocks.
fn screens(name: &str, size: &str) -> Vec<(String, Vec<String>)> {
    let out = invitesim(&["play", name, "--screens", size]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let mut blocks: Vec<(String, Vec<String>)> = Vec::new();
    let mut blank = true;
    for line in text.lines() {
        match line.strip_prefix("── ").and_then(|l| l.strip_suffix(" ──")) {
            Some(head) if blank => blocks.push((head.to_owned(), Vec::new())),
            _ => blocks
                .last_mut()
                .expect("a heading first")
                .1
                .push(line.to_owned()),
        }
        blank = line.is_empty();
    }
    for (_, lines) in &mut blocks {
        // Each screen is followed by one blank line.
        lines.pop();
    }
    blocks
}

/// An SVG's frames, each as its text rows (trailing blanks trimmed), read back from
/// the rows each frame uses: every `<tspan>` placed at the column its `x` names.
fn frames(svg: &str, rows: usize) -> Vec<(String, Vec<String>)> {
    let doc = roxmltree::Document::parse(svg).expect("the SVG parses as XML");
    let defs: HashMap<&str, roxmltree::Node> = doc
        .descendants()
        .filter(|n| n.has_tag_name("g"))
        .filter_map(|n| Some((n.attribute("id")?, n)))
        .collect();
    let height = rows as f64 * CELL_H;
    let mut frames = Vec::new();
    let frame_nodes: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("class") == Some("frame"))
        .collect();
    // A still: its rows are drawn in place, each a `g.row` with its number.
    if frame_nodes.is_empty() {
        let mut lines = vec![String::new(); rows];
        for row in doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("row"))
        {
            let k: usize = row
                .attribute("data-row")
                .expect("data-row")
                .parse()
                .expect("n");
            lines[k] = row_text(row);
        }
        return vec![("0".into(), lines)];
    }
    for (k, frame) in frame_nodes.iter().enumerate() {
        let top = k as f64 * height;
        let mut lines = vec![String::new(); rows];
        for u in frame.descendants().filter(|n| n.has_tag_name("use")) {
            let id = u.attribute("href").expect("href").trim_start_matches('#');
            let y: f64 = u.attribute("y").expect("y").parse().expect("a number");
            let row = ((y - top) / CELL_H).round() as usize;
            lines[row] = row_text(defs[id]);
        }
        let step = frame.attribute("data-step").unwrap_or("0").to_owned();
        frames.push((step, lines));
    }
    frames
}

/// A row's text: each `<tspan>`'s characters from the column its `x` names.
fn row_text(row: roxmltree::Node) -> String {
    let mut cells: Vec<char> = Vec::new();
    for span in row.descendants().filter(|n| n.has_tag_name("tspan")) {
        let x: f64 = span.attribute("x").expect("x").parse().expect("a number");
        let mut col = (x / CELL_W).round() as usize;
        for c in span.text().unwrap_or_default().chars() {
            let w = c.width().unwrap_or(1).max(1);
            if cells.len() < col + w {
                cells.resize(col + w, ' ');
            }
            cells[col] = c;
            for hidden in 1..w {
                cells[col + hidden] = '\0';
            }
            col += w;
        }
    }
    let text: String = cells.into_iter().filter(|&c| c != '\0').collect();
    text.trim_end().to_owned()
}

#[test]
fn the_animated_svg_shows_every_step_as_play_screens_does() {
    let svg = String::from_utf8(record_svg("animated", "100x30")).expect("utf-8");
    assert!(svg.contains("@keyframes film"), "animated");
    let frames = frames(&svg, 30);
    let screens = screens("tour", "100x30");
    let steps = invitesim::scenario::resolve("tour")
        .expect("tour")
        .scenario
        .script
        .len();
    assert_eq!(screens.len(), steps + 1, "the start and every step");
    // One frame per step, and the quiz's question before its answer.
    let quizzes = frames.len() - screens.len();
    assert_eq!(quizzes, 1, "the tour has one quiz");
    // The last frame of each step is the screen `--screens` prints for it.
    for (k, (head, lines)) in screens.iter().enumerate() {
        let (_, frame) = frames
            .iter()
            .rev()
            .find(|(step, _)| step.parse::<usize>().expect("a step") == k)
            .unwrap_or_else(|| panic!("no frame for {head}"));
        assert_eq!(frame, lines, "{head}");
    }
}

#[test]
fn play_screens_writes_one_still_svg_per_step() {
    let dir = tmp("stills");
    let out = invitesim(&[
        "play",
        "tour",
        "--screens",
        "80x24",
        "--format",
        "svg",
        "-o",
        dir.to_str().expect("utf-8"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let screens = screens("tour", "80x24");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the folder")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert_eq!(files.len(), screens.len());
    for (file, (head, lines)) in files.iter().zip(&screens) {
        let svg = std::fs::read_to_string(file).expect("read");
        assert!(!svg.contains("@keyframes"), "a still");
        let frames = frames(&svg, 24);
        assert_eq!(frames.len(), 1);
        assert_eq!(&frames[0].1, lines, "{} ({head})", file.display());
    }
}

#[test]
fn svg_needs_screens_and_a_folder() {
    let out = invitesim(&["play", "tour", "--format", "svg"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--screens WxH and -o DIR"), "{err}");
}

#[test]
fn svg_bytes_are_deterministic() {
    let dir = tmp("same");
    let (a, b) = (dir.join("a.svg"), dir.join("b.svg"));
    for p in [&a, &b] {
        let out = invitesim(&["record", "modern-rules", "-o", p.to_str().expect("utf-8")]);
        assert_eq!(out.status.code(), Some(0));
    }
    assert_eq!(std::fs::read(a).expect("a"), std::fs::read(b).expect("b"));
}

#[test]
fn the_readme_svg_is_current() {
    let fresh = record_svg("readme", "120x36");
    let committed = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/tour.svg"))
        .expect("assets/tour.svg");
    assert!(
        fresh == committed,
        "assets/tour.svg is stale: re-record it with `cargo run --release -- record tour -o assets/tour.svg --size 120x36`"
    );
}
