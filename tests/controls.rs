//! A scenario written to attack the terminal: control characters and escape sequences
//! in every field. Every output path shows them as visible, harmless text.

use std::process::Command;

use invitesim::scenario;
use invitesim::tui::{App, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// ESC sequences (clear screen, alternate screen, OSC 52 clipboard write), BEL, BS, CR,
/// and C1 CSI, written with RON escapes so the file itself stays printable.
const ATTACK: &str = r#"Scenario(
    title: "Evil \u{1b}[?1049h title \u{1b}]52;c;SGVsbG8=\u{7}",
    summary: "Summary \u{9b}2J with C1 and a \r carriage return",
    start: "2026-03-02T09:00:00Z",
    panes: (left: "m\u{1b}[31maya", right: "sam"),
    people: [
        (id: "m\u{1b}[31maya", name: "Maya \u{1b}[2J\u{1b}[H Chen", headline: "OSC \u{1b}]0;pwned\u{7} title"),
        (id: "sam", name: "Sam \u{8}\u{8}\u{8}Ortiz", headline: "Bell \u{7}\u{7}"),
    ],
    script: [
        Say("Narration \u{1b}[?1049l leaves the alternate screen"),
        Send(from: "m\u{1b}[31maya", to: "sam", note: "Note \u{1b}]52;c;ZXZpbA==\u{7} clipboard"),
        Ignore(by: "sam", from: "m\u{1b}[31maya"),
        Expect(Unchanged(who: "m\u{1b}[31maya")),
        Quiz(question: "Question \u{1b}[5m blink", choices: ["A \u{1b}c reset", "B"], answer: 1, explain: "Explain \u{18}\u{1a}"),
    ],
)"#;

/// Bytes a terminal would act on: every C0 control but the newline, DEL, and C1.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| c.is_control() && c != '\n')
        .collect()
}

fn write_attack() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("invitesim-attack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("attack.ron");
    std::fs::write(&path, ATTACK).expect("write");
    path
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_invitesim"))
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn play_text_json_and_screens_print_no_raw_control_character() {
    let path = write_attack();
    let p = path.to_string_lossy().into_owned();
    for args in [
        vec!["play", &p],
        vec!["play", &p, "--format", "json"],
        vec!["play", &p, "--screens", "100x30"],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, Some(0), "{args:?}: {err}");
        assert_eq!(raw_controls(&out), Vec::<char>::new(), "{args:?}");
        assert_eq!(raw_controls(&err), Vec::<char>::new(), "{args:?}");
        assert!(
            out.contains("\\u{1b}") || out.contains("\\\\u{1b}"),
            "{args:?}: the escapes are shown"
        );
    }
    // Inside JSON strings too: the decoded text holds visible escapes, not controls.
    let (_, out, _) = run(&["play", &p, "--format", "json"]);
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        assert_eq!(raw_controls(&v.to_string()), Vec::<char>::new());
        fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) => out.push(s.clone()),
                serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
                serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
                _ => {}
            }
        }
        let mut all = Vec::new();
        strings(&v, &mut all);
        for s in all {
            assert_eq!(raw_controls(&s), Vec::<char>::new(), "{s:?}");
        }
    }
}

#[test]
fn check_messages_show_escapes() {
    let dir = std::env::temp_dir().join(format!("invitesim-attack-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("bad\u{1b}[2J.ron");
    std::fs::write(
        &path,
        "Scenario(title: \"t\", start: \"2026-03-02T09:00:00Z\", people: [(id: \"a\", name: \"A\")],\n  script: [Accept(by: \"a\", from: \"\u{1b}]52;c;eA==\u{7}\")], colour\u{1b}[31m: 1)",
    )
    .expect("write");
    let (code, out, err) = run(&["check", &path.to_string_lossy()]);
    assert_eq!(code, Some(2));
    assert_eq!(raw_controls(&out), Vec::<char>::new());
    assert_eq!(raw_controls(&err), Vec::<char>::new(), "{err:?}");
    assert!(err.contains("bad\\u{1b}[2J.ron"), "{err}");
}

#[test]
fn the_app_draws_escapes_as_text() {
    let loaded = scenario::load_source("attack.ron", ATTACK.as_bytes()).expect("loads");
    let mut app = App::new(loaded, Theme::plain());
    let mut terminal = Terminal::new(TestBackend::new(160, 40)).expect("terminal");
    let mut seen = String::new();
    for _ in 0..6 {
        app.script_step();
        if app.quiz_waiting() {
            app.answer_quiz(1);
        }
        terminal
            .draw(|f| f.render_widget(&app, f.area()))
            .expect("draw");
        for cell in terminal.backend().buffer().content() {
            assert_eq!(raw_controls(cell.symbol()), Vec::<char>::new());
            seen.push_str(cell.symbol());
        }
    }
    assert!(
        seen.contains("Evil \\u{1b}[?1049h title"),
        "the title is shown, escaped"
    );
    assert!(
        seen.contains("Maya \\u{1b}[2J\\u{1b}[H Chen"),
        "names are shown, escaped"
    );
}

#[test]
fn a_recording_carries_no_payload() {
    let loaded = scenario::load_source("attack.ron", ATTACK.as_bytes()).expect("loads");
    let mut out = Vec::new();
    let options = invitesim::export::CastOptions {
        width: 120,
        height: 36,
        step_delay: 1.0,
        end_hold: 3.0,
        version: 2,
    };
    invitesim::export::record(&loaded, options, &mut out).expect("records");
    let text = String::from_utf8(out).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    // The last event is the cast's own ending: the cursor put below the frame, shown.
    let (last, events) = lines[1..].split_last().expect("events");
    let end: serde_json::Value = serde_json::from_str(last).expect("json");
    assert_eq!(end[2], "\u{1b}[0m\u{1b}[36;1H\r\n\u{1b}[?25h");
    for line in events {
        let ev: serde_json::Value = serde_json::from_str(line).expect("json");
        let data = ev[2].as_str().expect("data");
        for payload in [
            "\u{1b}]",
            "\u{7}",
            "\u{1b}[?1049",
            "\u{9b}",
            "\u{8}",
            "\r",
            "\u{1b}c",
            "\u{1b}[2J\u{1b}[H Chen",
        ] {
            assert!(!data.contains(payload), "{payload:?} reached a cast event");
        }
    }
}
