//! Headless screens and recordings: deterministic, and a cast replays to the app's
//! own last screen in a VT parser.

use std::process::Command;

use invitesim::export::{self, CastOptions};
use invitesim::scenario;

fn invitesim(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_invitesim"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn play_screens_is_deterministic_and_shows_every_step() {
    let a = invitesim(&["play", "tour", "--screens", "100x30"]);
    let b = invitesim(&["play", "tour", "--screens", "100x30"]);
    assert_eq!(
        a.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&a.stderr)
    );
    assert_eq!(a.stdout, b.stdout);
    let text = String::from_utf8(a.stdout).expect("utf-8");
    let loaded = scenario::resolve("tour").expect("tour");
    // Every step once, a quiz answered (the start has its own header).
    assert_eq!(
        text.matches("\n── step ").count(),
        loaded.scenario.script.len()
    );
    // Plain text marks the active tab, and says nothing about keys to press.
    assert!(text.contains("││[Inv 1] Arch Sent"), "{text}");
    assert!(!text.contains("Press "), "{text}");
    assert!(!text.contains("Space plays"), "{text}");
    assert!(text.starts_with("── start · tour.ron ──"));
    assert!(text.contains("── step 11/46 · Ignore(sam, from maya) ──"));
    assert!(text.contains("UNCHANGED · not told"));
    let frame_lines = text.split("\n── ").nth(1).expect("a frame").lines().count();
    assert_eq!(frame_lines, 31, "a header line and 30 screen lines");
}

#[test]
fn play_screens_rejects_a_bad_size() {
    let out = invitesim(&["play", "tour", "--screens", "big"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not a size like 120x36"));
}

fn cast(name: &str, width: u16, height: u16) -> (Vec<u8>, usize) {
    let loaded = scenario::resolve(name).expect("built-in");
    let mut out = Vec::new();
    let options = CastOptions {
        width,
        height,
        step_delay: 1.5,
        end_hold: 3.0,
        version: 2,
    };
    let failures = export::record(&loaded, options, &mut out).expect("in memory");
    (out, failures)
}

#[test]
fn a_cast_is_asciicast_v2_with_markers_and_a_steady_clock() {
    let (bytes, failures) = cast("tour", 120, 36);
    assert_eq!(failures, 0);
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    let mut lines = text.lines();
    let header: serde_json::Value =
        serde_json::from_str(lines.next().expect("header")).expect("json");
    assert_eq!(header["version"], 2);
    assert_eq!(
        (header["width"].as_u64(), header["height"].as_u64()),
        (Some(120), Some(36))
    );
    assert!(header["title"].as_str().expect("title").contains("A tour"));
    let mut last = 0.0;
    let (mut outputs, mut markers) = (0, 0);
    for line in lines {
        let ev: serde_json::Value = serde_json::from_str(line).expect("event json");
        let t = ev[0].as_f64().expect("time");
        assert!(t >= last, "time goes forward");
        last = t;
        match ev[1].as_str() {
            Some("o") => outputs += 1,
            Some("m") => markers += 1,
            other => panic!("unexpected event type {other:?}"),
        }
    }
    let steps = scenario::resolve("tour")
        .expect("tour")
        .scenario
        .script
        .len();
    assert_eq!(markers, steps);
    assert!(outputs > steps);
    assert_eq!(cast("tour", 120, 36).0, bytes, "same input, same bytes");
}

#[test]
fn a_cast_replays_to_the_last_screen_of_the_app() {
    for (name, w, h) in [("tour", 120, 36), ("modern-rules", 80, 24)] {
        let (bytes, _) = cast(name, w, h);
        let text = String::from_utf8(bytes).expect("utf-8");
        let size = |n: u16| std::num::NonZero::new(n).expect("non-zero size");
        // A terminal a row taller than the cast, as a viewer's usually is.
        let mut parser = vt100::Parser::new(size(h + 1), size(w), 0);
        for line in text.lines().skip(1) {
            let ev: serde_json::Value = serde_json::from_str(line).expect("json");
            if ev[1] == "o" {
                parser.process(ev[2].as_str().expect("data").as_bytes());
            }
        }
        let replayed: Vec<String> = parser
            .screen()
            .rows(0, w)
            .take(usize::from(h))
            .map(|r| r.trim_end().to_owned())
            .collect();
        // The cast leaves the terminal as a shell wants it: the cursor shown, on the
        // line below the frame.
        assert!(
            !parser.screen().hide_cursor(),
            "{name}: the cursor stays hidden"
        );
        assert_eq!(parser.screen().cursor_position(), (h, 0), "{name}");
        let mut screens = Vec::new();
        let loaded = scenario::resolve(name).expect("built-in");
        export::screens(&loaded, (w, h), &mut screens).expect("in memory");
        let screens = String::from_utf8(screens).expect("utf-8");
        let last_header = screens.rfind("\n── step ").expect("a last frame");
        let last: Vec<&str> = screens[last_header + 1..]
            .lines()
            .skip(1)
            .take(h as usize)
            .collect();
        assert_eq!(
            replayed, last,
            "{name}: the cast's final screen differs from the app's"
        );
    }
}

#[test]
fn record_writes_the_file_and_exits_like_play() {
    let dir = std::env::temp_dir().join(format!("invitesim-record-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let out = dir.join("tour.cast");
    let o = invitesim(&[
        "record",
        "tour",
        "-o",
        &out.to_string_lossy(),
        "--size",
        "90x30",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.starts_with("{\"height\":30,"));
    let failing = dir.join("fail.ron");
    std::fs::write(
        &failing,
        r#"Scenario(title: "t", start: "2026-03-02T09:00:00Z",
  people: [(id: "a", name: "A"), (id: "b", name: "B")],
  script: [Send(from: "a", to: "b"), Expect(Notified(who: "a", count: 1))])"#,
    )
    .expect("write");
    let cast = dir.join("fail.cast");
    let o = invitesim(&[
        "record",
        &failing.to_string_lossy(),
        "-o",
        &cast.to_string_lossy(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(cast.exists(), "a failed expectation still writes the cast");
    let o = invitesim(&["record", "tour", "-o", "/nonexistent-dir/x.cast"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("cannot write /nonexistent-dir/x.cast"));
}

#[test]
fn the_readme_demo_cast_is_current() {
    let (bytes, _) = cast("tour", 120, 36);
    let shipped = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/tour.cast"))
        .expect("assets/tour.cast");
    assert!(
        bytes == shipped,
        "assets/tour.cast is stale: re-record it with `cargo run --release -- record tour -o assets/tour.cast --size 120x36`"
    );
}
