//! Hostile scenario files: each gives a clear message, exit 2 (or 0 when the file is
//! simply large and valid), no panic, and bounded memory (every run here is capped at
//! 1 GiB of address space). The large files are made by the test, not committed.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("invitesim-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// `invitesim ARGS` under a 1 GiB address-space limit.
fn capped(args: &[&str]) -> Output {
    let bin = env!("CARGO_BIN_EXE_invitesim");
    let quoted: Vec<String> = args.iter().map(|a| format!("'{a}'")).collect();
    Command::new("sh")
        .args([
            "-c",
            &format!("ulimit -v 1048576; exec '{bin}' {}", quoted.join(" ")),
        ])
        .output()
        .expect("runs")
}

fn check(path: &Path) -> (Option<i32>, String) {
    let out = capped(&["check", &path.to_string_lossy()]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("panicked"), "{path:?} panicked:\n{err}");
    (out.status.code(), err)
}

const HEAD: &str = r#"Scenario(title: "t", start: "2026-03-02T09:00:00Z", people: [(id: "a", name: "A"), (id: "b", name: "B")]"#;

#[test]
fn missing_directory_and_unreadable_files() {
    let dir = scratch("unreadable");
    let (code, err) = check(&dir.join("missing.ron"));
    assert_eq!(code, Some(2));
    assert!(err.contains("missing.ron: no such file"), "{err}");
    let (code, err) = check(&dir);
    assert_eq!(code, Some(2));
    assert!(err.contains(": is a directory"), "{err}");

    let locked = dir.join("locked.ron");
    std::fs::write(&locked, format!("{HEAD})")).expect("write");
    use std::os::unix::fs::PermissionsExt;
    // Root reads anything: drop to nobody to meet a real permission error. The binary
    // is copied beside the file, since the build folder may not be open to nobody.
    let bin = dir.join("invitesim");
    std::fs::copy(env!("CARGO_BIN_EXE_invitesim"), &bin).expect("copy the binary");
    std::fs::set_permissions(&bin, PermissionsExt::from_mode(0o755)).expect("chmod bin");
    let root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0"));
    let mut cmd = if root {
        let mut c = Command::new("setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin);
        c
    } else {
        Command::new(&bin)
    };
    std::fs::set_permissions(&dir, PermissionsExt::from_mode(0o755)).expect("chmod dir");
    std::fs::set_permissions(&locked, PermissionsExt::from_mode(0o000)).expect("chmod");
    let out = cmd
        .args(["check", &locked.to_string_lossy()])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("locked.ron: permission denied"), "{err}");
}

#[test]
fn invalid_utf8_and_empty_files() {
    let dir = scratch("bytes");
    let bad = dir.join("bad.ron");
    std::fs::write(&bad, b"Scenario(\n  title: \"\xff\xfe\",\n)").expect("write");
    let (code, err) = check(&bad);
    assert_eq!(code, Some(2));
    assert!(err.contains("bad.ron:2:11: invalid UTF-8"), "{err}");
    let empty = dir.join("empty.ron");
    std::fs::write(&empty, b"").expect("write");
    let (code, err) = check(&empty);
    assert_eq!(code, Some(2));
    assert!(err.contains("empty.ron:1:1: empty file"), "{err}");
}

#[test]
fn sixty_megabytes_of_valid_ron_load_within_bounds() {
    let dir = scratch("big");
    let path = dir.join("big.ron");
    let mut text = String::with_capacity(61 << 20);
    let line = format!("// {}\n", "x".repeat(1020));
    while text.len() < 60 << 20 {
        text.push_str(&line);
    }
    text.push_str(&format!("{HEAD}, summary: \"{}\")", "y".repeat(1 << 20)));
    std::fs::write(&path, &text).expect("write");
    let (code, err) = check(&path);
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn deep_nesting_is_an_error_with_a_position() {
    let dir = scratch("deep");
    for (name, text) in [
        (
            "brackets.ron",
            format!(
                "{HEAD}, connections: {}{})",
                "[".repeat(100_000),
                "]".repeat(100_000)
            ),
        ),
        (
            "parens.ron",
            format!("Scenario(title: {}", "(".repeat(100_000)),
        ),
        (
            "options.ron",
            format!(
                "{HEAD}, seed: {}7{})",
                "Some(".repeat(100_000),
                ")".repeat(100_000)
            ),
        ),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, text).expect("write");
        let (code, err) = check(&path);
        assert_eq!(code, Some(2), "{name}: {err}");
        let prefix = format!("{}:1:", path.display());
        assert!(err.starts_with(&prefix), "{name}: {err}");
    }
    // Nested block comments are fine, however deep.
    let comments = dir.join("comments.ron");
    std::fs::write(
        &comments,
        format!("{}{}\n{HEAD})", "/*".repeat(100_000), "*/".repeat(100_000)),
    )
    .expect("write");
    assert_eq!(check(&comments).0, Some(0));
}

#[test]
fn a_megabyte_note_is_refused_without_being_printed() {
    let dir = scratch("note");
    let path = dir.join("note.ron");
    let text = format!(
        "{HEAD}, invitations: [(from: \"a\", to: \"b\", sent: \"2026-03-01T00:00:00Z\", note: \"{}\")])",
        "n".repeat(1 << 20)
    );
    std::fs::write(&path, text).expect("write");
    let (code, err) = check(&path);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("the note has 1048576 characters; the limit is 300"),
        "{err}"
    );
    assert!(err.len() < 1000, "the note itself is not echoed");
}

#[test]
fn a_hundred_thousand_people_with_one_id() {
    let dir = scratch("dupes");
    let path = dir.join("dupes.ron");
    let mut text =
        String::from("Scenario(title: \"t\", start: \"2026-03-02T09:00:00Z\", people: [\n");
    for _ in 0..100_000 {
        text.push_str("    (id: \"same\", name: \"Same\"),\n");
    }
    text.push_str("])");
    std::fs::write(&path, text).expect("write");
    let (code, err) = check(&path);
    assert_eq!(code, Some(2));
    // Each error's first line names the file; its snippet and help follow it.
    let lines: Vec<&str> = err.lines().filter(|l| l.contains("dupes.ron")).collect();
    assert_eq!(lines.len(), 101, "a hundred errors, then a count");
    assert!(
        lines[0].ends_with(":3:10: duplicate person id \"same\""),
        "{}",
        lines[0]
    );
    assert!(err.contains("= help: ids must be unique; it is first used on line 2"));
    assert!(
        lines[100].ends_with("… and 99899 more errors"),
        "{}",
        lines[100]
    );
}
