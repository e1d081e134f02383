//! The author's mistakes, one file each in `tests/malformed/`, with what `check` must say
//! in `tests/malformed/EXPECTED.tsv`: the exit code (2 cannot load, 1 loads but does not
//! play), the exact first line after `FILE:` and the `help:` line where one is wanted.
//! Both `check` and `play` are run on each (play exits 2 on the same load errors).

use std::process::Command;

#[test]
fn every_malformed_file_gets_its_exact_first_line_and_help() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/malformed");
    let table = std::fs::read_to_string(format!("{dir}/EXPECTED.tsv")).expect("EXPECTED.tsv");
    let mut checked = 0;
    for row in table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let cols: Vec<&str> = row.split('\t').collect();
        let [name, exit, first, help] = cols[..] else {
            panic!("bad row: {row}");
        };
        let path = format!("{dir}/{name}.ron");
        let out = Command::new(env!("CARGO_BIN_EXE_invitesim"))
            .args(["check", &path])
            .env("NO_COLOR", "1")
            .output()
            .expect("runs");
        let err = String::from_utf8_lossy(&out.stderr);
        let code = out.status.code().expect("exits");
        assert_eq!(code.to_string(), exit, "{name}: exit code; stderr:\n{err}");
        checked += 1;
        if exit == "0" {
            continue;
        }
        let line = err.lines().next().unwrap_or_default();
        assert_eq!(line, format!("{path}:{first}"), "{name}: first line");
        if help.is_empty() {
            assert!(!err.contains("help:"), "{name}: no help wanted:\n{err}");
        } else {
            let want = format!("= help: {help}");
            assert!(err.contains(&want), "{name}: wanted `{want}` in:\n{err}");
        }
        assert!(
            err.contains(" | "),
            "{name}: the source line is shown:\n{err}"
        );
        assert!(!err.contains("panicked"), "{name}:\n{err}");
        assert!(
            !err.contains("\u{1b}["),
            "{name}: no colour when piped:\n{err}"
        );
        if exit == "2" {
            let play = Command::new(env!("CARGO_BIN_EXE_invitesim"))
                .args(["play", &path])
                .output()
                .expect("runs");
            assert_eq!(play.status.code(), Some(2), "{name}: play exit");
        }
    }
    assert!(
        checked >= 40,
        "at least 40 malformed files, found {checked}"
    );
}
