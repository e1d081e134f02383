//! The command line as a user meets it: exit codes, messages, and FILE:LINE:COL errors.

use std::path::PathBuf;
use std::process::{Command, Output};

fn invitesim(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_invitesim"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}
fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A scratch directory of this test's own, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("invitesim-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

const OK_HEAD: &str = r#"Scenario(title: "t", start: "2026-03-02T09:00:00Z", people: [(id: "a", name: "A"), (id: "b", name: "B")]"#;

/// (file name, contents, expected `LINE:COL: ` and a fragment of the message)
fn malformed() -> Vec<(&'static str, Vec<u8>, &'static str, &'static str)> {
    vec![
        ("empty.ron", b"".to_vec(), "1:1", "empty file"),
        ("blank.ron", b"\n  \n".to_vec(), "1:1", "empty file"),
        ("utf8.ron", b"Scenario(\n  title: \"caf\xe9\",".to_vec(), "2:14", "invalid UTF-8"),
        ("unknown-field.ron", format!("{OK_HEAD},\n  colour: 3)").into_bytes(), "2:3", "unknown field `colour` in the scenario"),
        ("wrong-type.ron", b"Scenario(\n  title: 42,\n)".to_vec(), "2:10", "expected a string in quotes, found a number `42`"),
        ("missing-title.ron", b"Scenario(\n  start: \"2026-03-02T09:00:00Z\",\n  people: [],\n)".to_vec(), "4:1", "the scenario has no `title`"),
        ("unknown-step.ron", format!("{OK_HEAD},\n  script: [Dance(by: \"a\")])").into_bytes(), "2:12", "unknown step `Dance`"),
        ("step-typo.ron", format!("{OK_HEAD},\n  script: [Send(form: \"a\", to: \"b\")])").into_bytes(), "2:17", "unknown field `form` in `Send`"),
        ("unclosed.ron", format!("{OK_HEAD},\n  script: [Say(\"hi\")").into_bytes(), "2:11", "this `[` is never closed"),
        ("bad-date.ron", b"Scenario(\n  title: \"t\",\n  start: \"March 2nd\",\n  people: [(id: \"a\", name: \"A\")],\n)".to_vec(), "3:10", "RFC 3339"),
        ("unknown-person.ron", format!("{OK_HEAD},\n  script: [\n    Ignore(by: \"b\", from: \"zed\"),\n  ])").into_bytes(), "3:27", "unknown person id \"zed\""),
        ("duplicate-id.ron", b"Scenario(title: \"t\", start: \"2026-03-02T09:00:00Z\",\n  people: [(id: \"a\", name: \"A\"),\n    (id: \"a\", name: \"B\")])".to_vec(), "3:10", "duplicate person id \"a\""),
        ("self-invite.ron", format!("{OK_HEAD},\n  invitations: [(from: \"a\", to: \"a\", sent: \"2026-03-01T00:00:00Z\")])").into_bytes(), "2:24", "cannot invite themselves"),
        ("future-invite.ron", format!("{OK_HEAD},\n  invitations: [(from: \"a\", to: \"b\", sent: \"2027-01-01T00:00:00Z\")])").into_bytes(), "2:44", "after the scenario's start"),
        ("long-note.ron", format!("{OK_HEAD},\n  rules: (note_max_chars: 3),\n  invitations: [(from: \"a\", to: \"b\", sent: \"2026-03-01T00:00:00Z\", note: \"hello\")])").into_bytes(), "3:74", "the note has 5 characters"),
        ("duplicate-pending.ron", format!("{OK_HEAD},\n  invitations: [\n    (from: \"a\", to: \"b\", sent: \"2026-03-01T00:00:00Z\"),\n    (from: \"b\", to: \"a\", sent: \"2026-03-01T01:00:00Z\"),\n  ])").into_bytes(), "4:12", "already invited"),
        ("connected.ron", format!("{OK_HEAD},\n  connections: [(\"a\", \"b\")],\n  invitations: [(from: \"a\", to: \"b\", sent: \"2026-03-01T00:00:00Z\")])").into_bytes(), "3:24", "already connected"),
        ("bad-pane.ron", format!("{OK_HEAD},\n  panes: (left: \"a\", right: \"nobody\"))").into_bytes(), "2:29", "unknown person id \"nobody\""),
        ("quiz-answer.ron", format!("{OK_HEAD},\n  script: [Quiz(question: \"q\", choices: [\"x\", \"y\"], answer: 2)])").into_bytes(), "2:61", "out of range"),
        ("history-reinvite.ron", format!("{OK_HEAD},\n  invitations: [\n    (from: \"a\", to: \"b\", sent: \"2026-02-01T00:00:00Z\", state: Withdrawn, changed: \"2026-02-02T00:00:00Z\"),\n    (from: \"a\", to: \"b\", sent: \"2026-02-03T00:00:00Z\"),\n  ])").into_bytes(), "4:32", "can invite B again on Mon 23 Feb 2026"),
        ("history-weekly.ron", format!("{OK_HEAD}, (id: \"c\", name: \"C\")],\n  rules: (preset: Modern, weekly_limit: 1),\n  invitations: [\n    (from: \"a\", to: \"b\", sent: \"2026-03-01T00:00:00Z\"),\n    (from: \"a\", to: \"c\", sent: \"2026-03-01T00:02:00Z\"),\n  ])").replacen("]", "", 1).into_bytes(), "5:32", "has sent 1 invitation in the last 7 days, the weekly limit"),
        ("restrict-below-warn.ron", format!("{OK_HEAD},\n  rules: (flags_to_warn: 4, flags_to_restrict: 2))").into_bytes(), "2:48", "must be at least flags_to_warn (4)"),
        ("chance.ron", format!("{OK_HEAD},\n  rules: (reminder_chance: 1.5))").into_bytes(), "2:28", "between 0.0 and 1.0"),
        ("none-not-optional.ron", format!("{OK_HEAD},\n  rules: (flags_to_warn: None))").into_bytes(), "2:26", "expected a whole number, found the word `None`"),
        ("changed-without-state.ron", format!("{OK_HEAD},\n  invitations: [(from: \"a\", to: \"b\", sent: \"2026-03-01T00:00:00Z\", changed: \"2026-03-01T01:00:00Z\")])").into_bytes(), "2:", "needs a `state`"),
        ("quiz-one-choice.ron", format!("{OK_HEAD},\n  script: [Quiz(question: \"q\", choices: [\"x\"], answer: 0)])").into_bytes(), "2:", "2 to 9 choices"),
        ("deep.ron", format!("{OK_HEAD},\n  rules: (reminder_days: {}))", "[".repeat(5000)).into_bytes(), "2:", ""),
    ]
}

#[test]
fn malformed_files_fail_with_file_line_col_and_exit_2() {
    let dir = scratch("malformed");
    for (name, contents, at, fragment) in malformed() {
        let path = dir.join(name);
        std::fs::write(&path, &contents).expect("write");
        let path = path.to_string_lossy().into_owned();
        for cmd in [["check", path.as_str()], ["play", path.as_str()]] {
            let out = invitesim(&cmd);
            let err = stderr(&out);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{name}: {cmd:?} exit code; stderr:\n{err}"
            );
            let prefix = format!("{path}:{at}");
            assert!(
                err.starts_with(&prefix),
                "{name}: expected `{prefix}`, got:\n{err}"
            );
            assert!(
                err.contains(fragment),
                "{name}: expected `{fragment}` in:\n{err}"
            );
            assert!(!err.contains("panicked"), "{name} panicked:\n{err}");
        }
    }
}

#[test]
fn every_semantic_error_of_a_file_is_reported() {
    let dir = scratch("many");
    let path = dir.join("many.ron");
    let src = "Scenario(\n  title: \"t\",\n  start: \"2026-03-02T09:00:00Z\",\n  people: [(id: \"a\", name: \"A\")],\n  connections: [(\"a\", \"x\")],\n  script: [Send(from: \"a\", to: \"y\"), Expect(Notified(who: \"z\", count: 0))],\n)";
    std::fs::write(&path, src).expect("write");
    let out = invitesim(&["check", &path.to_string_lossy()]);
    let err = stderr(&out);
    // Each diagnostic's first line names the file; the snippets and help under them do not.
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("many.ron:")).collect();
    assert_eq!(lines.len(), 3, "{err}");
    assert!(lines[0].contains(":5:23: unknown person id \"x\""), "{err}");
    assert!(lines[1].contains(":6:32: unknown person id \"y\""), "{err}");
    assert!(lines[2].contains(":6:59: unknown person id \"z\""), "{err}");
}

#[test]
fn missing_files_and_directories_are_named() {
    let dir = scratch("missing");
    let missing = dir.join("nope.ron").to_string_lossy().into_owned();
    let out = invitesim(&["check", &missing]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&format!("{missing}: no such file")));
    let d = dir.to_string_lossy().into_owned();
    let out = invitesim(&["play", &d]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains(&format!("{d}: is a directory")));
}

#[test]
fn check_accepts_the_contract_example_and_every_builtin() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/contract.ron");
    let out = invitesim(&["check", fixture, "tour", "modern-rules"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out).lines().count(), 3);
    let out = invitesim(&["play", fixture]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("PASS"));
}

#[test]
fn check_fails_if_any_file_fails_but_reports_all() {
    let dir = scratch("mixed");
    let bad = dir.join("bad.ron");
    std::fs::write(&bad, "").expect("write");
    let out = invitesim(&["check", "tour", &bad.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).contains("tour.ron: ok"));
    assert!(stderr(&out).contains("bad.ron:1:1"));
}

#[test]
fn a_failed_expectation_exits_1_and_says_what_differed() {
    let dir = scratch("fail");
    let path = dir.join("fail.ron");
    let src = r#"Scenario(title: "t", start: "2026-03-02T09:00:00Z",
  people: [(id: "a", name: "A"), (id: "b", name: "B")],
  script: [
    Send(from: "a", to: "b"),
    Ignore(by: "b", from: "a"),
    Expect(Notified(who: "a", count: 1)),
  ])"#;
    std::fs::write(&path, src).expect("write");
    let out = invitesim(&["play", &path.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("✗ Notified(a): 1"), "{text}");
    assert!(text.contains("expected 1, got 0"), "{text}");
    assert!(text.contains("FAIL"), "{text}");
}

#[test]
fn refused_outside_refused_and_allowed_inside_both_fail() {
    let dir = scratch("refused");
    for (name, step) in [
        ("refused.ron", r#"Accept(by: "b", from: "a")"#),
        ("allowed.ron", r#"Refused(Send(from: "a", to: "b"))"#),
    ] {
        let path = dir.join(name);
        let src = format!("{OK_HEAD},\n  script: [{step}])");
        std::fs::write(&path, src).expect("write");
        let out = invitesim(&["play", &path.to_string_lossy()]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", stdout(&out));
        assert!(stdout(&out).contains('✗'), "{name}");
    }
}

#[test]
fn play_json_is_one_object_per_step() {
    let out = invitesim(&["play", "ignore-is-silent", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    let first: serde_json::Value =
        serde_json::from_str(text.lines().next().expect("a line")).expect("json");
    assert_eq!(first["step"], 1);
    assert_eq!(first["kind"], "say");
    let ignore = text
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .find(|v| v["text"] == "Ignore(sam, from maya)")
        .expect("the ignore step");
    assert_eq!(ignore["panes"][0]["who"], "maya");
    assert_eq!(ignore["panes"][0]["changed"], false);
    assert_eq!(ignore["events"][0]["seen_by"], serde_json::json!(["sam"]));
}

#[test]
fn list_and_show() {
    let out = invitesim(&["list"]);
    assert_eq!(out.status.code(), Some(0));
    let list = stdout(&out);
    assert!(list.lines().next().expect("a line").starts_with("tour "));
    assert!(list.contains("modern-rules"));
    let out = invitesim(&["show", "reminders"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("Scenario("));
    let out = invitesim(&["show", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no built-in scenario \"nope\""));
}

#[test]
fn unknown_arguments_exit_2() {
    let out = invitesim(&["play"]);
    assert_eq!(out.status.code(), Some(2));
    let out = invitesim(&["frobnicate"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_watch_runs_again_when_the_file_is_saved_and_survives_errors() {
    use std::io::Read;
    let dir = scratch("watch");
    let path = dir.join("w.ron");
    let good = format!("{OK_HEAD})");
    std::fs::write(&path, &good).expect("write");
    let mut child = Command::new(env!("CARGO_BIN_EXE_invitesim"))
        .args(["check", "--watch", &path.to_string_lossy()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawns");
    let pause = || std::thread::sleep(std::time::Duration::from_millis(600));
    pause();
    std::fs::write(&path, format!("{OK_HEAD}, colour: 3)")).expect("write");
    pause();
    std::fs::write(&path, &good).expect("write");
    pause();
    child.kill().expect("stops");
    let _ = child.wait();
    let mut out = String::new();
    let mut err = String::new();
    child
        .stdout
        .take()
        .expect("out")
        .read_to_string(&mut out)
        .expect("reads");
    child
        .stderr
        .take()
        .expect("err")
        .read_to_string(&mut err)
        .expect("reads");
    assert_eq!(
        out.matches(": ok (").count(),
        2,
        "ok, then ok again:\n{out}\n{err}"
    );
    assert!(err.contains("unknown field `colour`"), "{err}");
    assert_eq!(err.matches("[watching ").count(), 3, "{err}");
    let o = invitesim(&["check", "--watch", "tour"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--watch needs scenario files"));
}

#[test]
fn times_are_shown_in_the_offset_of_the_start() {
    let dir = scratch("offset");
    let path = dir.join("offset.ron");
    let src = r#"Scenario(title: "t", start: "2026-03-02T18:00:00+02:00",
  people: [(id: "a", name: "A"), (id: "b", name: "B")],
  script: [Send(from: "a", to: "b"), Withdraw(by: "a", to: "b"), Refused(Send(from: "a", to: "b"))])"#;
    std::fs::write(&path, src).expect("write");
    let out = invitesim(&["play", &path.to_string_lossy()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("start: Mon 2 Mar 2026, 18:00 UTC+02:00"),
        "{text}"
    );
    assert!(text.contains("[Mon 2 Mar 2026, 18:00]"), "{text}");
    assert!(
        text.contains("can invite B again on Mon 23 Mar 2026, 18:00"),
        "{text}"
    );
    let out = invitesim(&["play", &path.to_string_lossy(), "--format", "json"]);
    let json = String::from_utf8_lossy(&out.stdout);
    assert!(
        json.contains(r#""time":"2026-03-02T18:00:00+02:00""#),
        "{json}"
    );
}

#[test]
fn learn_takes_lesson_files_and_refuses_what_is_not_a_lesson() {
    let o = invitesim(&["learn", "tour"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("tour.ron has no `lesson:`, so it is not a lesson"));
    assert!(stderr(&o).contains("= help: add `lesson:"));
    let o = invitesim(&["learn", "lesson-07-tells", "--from", "2"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("there is no lesson 2; the course has lessons 1 to 1"));
}

/// A bad keymap or theme file stops `open` before the terminal is touched: the file,
/// line and column, what is wrong and how to fix it, exit 2 (never a crash).
#[test]
fn a_bad_config_file_is_a_positioned_error_at_start() {
    let dir = scratch("config");
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_invitesim"))
            .args(args)
            .env("INVITESIM_CONFIG_DIR", &dir)
            .output()
            .expect("runs")
    };
    std::fs::write(
        dir.join("keys.ron"),
        "{\n    Main: { \"A\": Accept, \"x\": Acept },\n}\n",
    )
    .expect("write");
    let o = run(&["open", "tour"]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("keys.ron:2:31: unknown command `Acept`") && err.contains("Accept"),
        "{err}"
    );
    assert!(err.contains("invitesim config"), "{err}");
    assert!(
        !stdout(&o).contains("\x1b[?1049h"),
        "the terminal was not touched"
    );
    std::fs::write(dir.join("keys.ron"), "{ Main: { \"pagedown\": Down } }").expect("write");
    let err = stderr(&run(&["learn"]));
    assert!(
        err.contains("keys.ron:1:") && err.contains("`pagedown` is not a key"),
        "{err}"
    );
    std::fs::remove_file(dir.join("keys.ron")).expect("rm");
    std::fs::write(dir.join("theme.ron"), "(selected: (fg: \"Blurple\"))").expect("write");
    let err = stderr(&run(&["open", "tour"]));
    assert!(err.contains("theme.ron:1:"), "{err}");
}

/// `invitesim config` prints files that read back: every default key in every layer.
#[test]
fn config_prints_the_defaults_as_files_that_load() {
    let dir = scratch("config-defaults");
    let keys = stdout(&invitesim(&["config", "--keys"]));
    let theme = stdout(&invitesim(&["config", "--theme"]));
    assert!(
        keys.contains("\"a\": Accept,") && keys.contains("Quiz: {"),
        "{keys}"
    );
    assert!(theme.contains("selected:"), "{theme}");
    std::fs::write(dir.join("keys.ron"), &keys).expect("write");
    std::fs::write(dir.join("theme.ron"), &theme).expect("write");
    // `check` does not read the config; `open` does, and must get past it: with no
    // terminal it fails later, at the terminal, not at the files.
    let o = Command::new(env!("CARGO_BIN_EXE_invitesim"))
        .args(["open", "tour"])
        .env("INVITESIM_CONFIG_DIR", &dir)
        .stdin(std::process::Stdio::null())
        .output()
        .expect("runs");
    assert!(!stderr(&o).contains(".ron:"), "{}", stderr(&o));
}
