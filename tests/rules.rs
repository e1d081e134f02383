//! The rules reference: every rule field documented with its sources, docs/RULES.md
//! current, and `invitesim rules` printing the rules in force.

use std::process::Command;

use invitesim::export::rules::{RULES, markdown, sources_complete};
use invitesim::model::Rules;

fn invitesim(args: &[&str]) -> (i32, String) {
    let o = Command::new(env!("CARGO_BIN_EXE_invitesim"))
        .args(args)
        .output()
        .expect("runs");
    (
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout).into_owned(),
    )
}

#[test]
fn every_rules_field_is_documented_and_every_source_is_listed() {
    let serde_json::Value::Object(fields) = serde_json::to_value(Rules::classic()).expect("json")
    else {
        panic!("Rules serializes as a map");
    };
    for field in fields.keys().filter(|f| *f != "preset") {
        assert!(
            RULES.iter().any(|r| r.field == Some(field.as_str())),
            "rules field {field} has no entry in the reference"
        );
    }
    assert!(
        sources_complete(),
        "a rule or tell cites a key not in SOURCES"
    );
}

#[test]
fn docs_rules_md_is_current() {
    let shipped = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/RULES.md"))
        .expect("docs/RULES.md");
    assert!(
        shipped == markdown(),
        "docs/RULES.md is stale: regenerate it with `cargo run --release -- rules --markdown > docs/RULES.md`"
    );
}

#[test]
fn the_rules_command_prints_the_rules_in_force() {
    let (code, out) = invitesim(&["rules", "--preset", "modern"]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("Rules in force: modern preset (--preset modern)"),
        "{out}"
    );
    assert!(out.contains("expiry_days = 183  — Expiry"), "{out}");
    assert!(out.contains("withdraw_needs_no_answer = false"), "{out}");
    let (code, out) = invitesim(&["rules", "tells"]);
    assert_eq!(code, 0);
    assert!(out.contains("classic preset, customised"), "{out}");
    assert!(out.contains("expiry_days = 183"), "{out}");
    assert!(out.contains("  KEN   kennected.io"), "{out}");
    let (code, _) = invitesim(&["rules", "no-such-scenario"]);
    assert_eq!(code, 2);
}
