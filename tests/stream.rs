//! A history is replayed as it is read, each moment as soon as nothing earlier can still
//! come, and a big file streamed: replayed while the rest is parsed on a second thread
//! (`scenario::stream`). Both must give exactly what sorting every moment first gives — the same world, history and file, or the same diagnostics — for worlds in
//! order, out of order (where the replay starts over), broken, and written in another
//! field order.

use invitesim::model::Preset;
use invitesim::scenario::generate::{Spec, generate};
use invitesim::scenario::{Loaded, ScenarioError, Way, load_parsed};
use proptest::prelude::*;

fn world(people: usize, invitations: usize, seed: u64, preset: Preset) -> String {
    let spec = Spec {
        people,
        invitations,
        seed,
        days: 90,
        preset,
    };
    generate(&spec).expect("a valid spec")
}

/// What a load comes to, comparable: everything a loaded scenario is made of.
fn outcome(r: Result<Loaded, ScenarioError>) -> Result<Box<dyn std::fmt::Debug>, ScenarioError> {
    r.map(|l| {
        Box::new((l.scenario, l.setup.world, l.setup.history, l.setup.panes))
            as Box<dyn std::fmt::Debug>
    })
}

/// Every way of loading `text` comes to what sorting every moment first does.
fn assert_same(text: &str) {
    let sorted = outcome(load_parsed("w.ron", text, Way::Sorted));
    for way in [Way::Sequential, Way::Streamed] {
        let other = outcome(load_parsed("w.ron", text, way));
        match (&sorted, &other) {
            (Ok(a), Ok(b)) => assert_eq!(format!("{a:?}"), format!("{b:?}"), "{way:?}"),
            (Err(a), Err(b)) => assert_eq!(a, b, "{way:?}"),
            _ => panic!("{way:?}: one loaded and one did not:\n{sorted:?}\n{other:?}"),
        }
    }
}

/// The invitation lines of a generated file, by line number.
fn invitation_lines(lines: &[String]) -> Vec<usize> {
    (0..lines.len())
        .filter(|&i| lines[i].trim_start().starts_with("(from:"))
        .collect()
}

#[test]
fn a_generated_world_loads_the_same_streamed() {
    for preset in [Preset::Classic, Preset::Modern] {
        let text = world(300, 20_000, 7, preset);
        assert!(load_parsed("w.ron", &text, Way::Streamed).is_ok());
        assert_same(&text);
    }
}

#[test]
fn out_of_order_sends_start_the_replay_over_and_still_agree() {
    let text = world(200, 5_000, 3, Preset::Classic);
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    let inv = invitation_lines(&lines);
    // A late invitation moved to the front: every send after it is out of order.
    let last = lines.remove(inv[inv.len() - 1]);
    lines.insert(inv[0], last);
    let text = lines.join("\n");
    assert!(load_parsed("w.ron", &text, Way::Streamed).is_ok());
    assert_same(&text);
}

#[test]
fn a_head_after_the_history_loads_the_sequential_way() {
    let text = world(100, 2_000, 5, Preset::Modern);
    // `people:` moved after `invitations:`: nothing can be replayed before the end.
    let start = text.find("    people: [").expect("people");
    let end = start + text[start..].find("\n    ],\n").expect("end of people") + 8;
    let people = &text[start..end];
    let mut moved = text.replace(people, "");
    let close = moved.rfind(')').expect("the scenario's close");
    moved.insert_str(close, people);
    assert!(load_parsed("w.ron", &moved, Way::Streamed).is_ok());
    assert_same(&moved);
}

/// Moments were keyed with their seconds in 31 bits: a history spanning more than 68
/// years wrapped, and an answer played before its invitation was sent. Found by the
/// `load` fuzz target (its input is `tests/fixtures/fuzz-wide-history.ron`).
#[test]
fn a_history_spanning_a_century_plays_in_order() {
    let text = r#"Scenario(
    title: "Long ago",
    start: "2026-03-02T09:00:00Z",
    people: [(id: "maya", name: "Maya Chen"), (id: "ana", name: "Ana Silva")],
    invitations: [
        (from: "maya", to: "ana", sent: "1950-01-01T09:00:00Z", state: Seen, changed: "2026-03-01T10:00:00Z"),
    ],
)"#;
    let loaded = load_parsed("w.ron", text, Way::Sorted).expect("a valid history");
    let inv = &loaded.setup.world.invitations()[0];
    assert_eq!(
        inv.state,
        invitesim::model::InvitationState::Pending { seen: true }
    );
    assert_same(text);
    let found = include_str!("fixtures/fuzz-wide-history.ron");
    assert_same(found);
}

/// The in-order replay keeps a waiting answer's second in 32 bits (136 years): an
/// answer given later than that after the first send is played the sorted way, in the
/// same order as every other.
#[test]
fn an_answer_two_centuries_after_the_first_send_plays_in_order() {
    let text = r#"Scenario(
    title: "Very long ago",
    start: "2026-03-02T09:00:00Z",
    people: [(id: "maya", name: "Maya Chen"), (id: "ana", name: "Ana Silva"), (id: "sam", name: "Sam Lee")],
    invitations: [
        (from: "maya", to: "ana", sent: "1800-01-01T09:00:00Z", state: Ignored, changed: "1800-01-02T10:00:00Z"),
        (from: "sam", to: "ana", sent: "1801-01-01T09:00:00Z", state: Accepted, changed: "2026-03-01T10:00:00Z"),
        (from: "sam", to: "maya", sent: "2026-03-01T09:00:00Z", state: Seen, changed: "2026-03-01T11:00:00Z"),
    ],
)"#;
    let loaded = load_parsed("w.ron", text, Way::Sorted).expect("a valid history");
    let states: Vec<_> = loaded
        .setup
        .world
        .invitations()
        .iter()
        .map(|i| i.state)
        .collect();
    use invitesim::model::InvitationState as S;
    assert_eq!(states, [S::Ignored, S::Accepted, S::Pending { seen: true }]);
    assert_same(text);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Random worlds, randomly damaged: lines swapped (out of order), states changed
    /// (histories that cannot happen), a person unknown, a time broken, the file cut
    /// short, a note too long, a `changed` left without its state. Whatever comes of
    /// it, both ways agree (a streamed load judges invitations on its parsing thread and
    /// hands the replay those it finds anything wrong with, to say what).
    #[test]
    fn streamed_and_sequential_agree(
        seed in 0u64..1000,
        modern in any::<bool>(),
        edits in proptest::collection::vec((0u8..8, any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..4),
    ) {
        let preset = if modern { Preset::Modern } else { Preset::Classic };
        let text = world(60, 600, seed, preset);
        let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
        for (kind, a, b) in edits {
            let inv = invitation_lines(&lines);
            let (a, b) = (inv[a.index(inv.len())], inv[b.index(inv.len())]);
            match kind {
                0 => lines.swap(a, b),
                1 => lines[a] = lines[a].replace("state: Seen", "state: Accepted"),
                2 => lines[a] = lines[a].replace("state: Accepted", "state: Withdrawn"),
                3 => lines[a] = lines[a].replacen("to: \"p", "to: \"nobody", 1),
                4 => lines[a] = lines[a].replacen("T", "x", 1),
                5 => lines[a] = lines[a].replacen("sent: ", &format!("note: \"{}\", sent: ", "n".repeat(301)), 1),
                6 => {
                    let unstated = ["Seen", "Ignored", "DontKnow", "Spam", "Accepted", "Withdrawn"]
                        .iter()
                        .fold(lines[a].clone(), |l, s| l.replace(&format!("state: {s}, "), ""));
                    lines[a] = unstated;
                }
                _ => lines.truncate(a),
            }
        }
        assert_same(&lines.join("\n"));
    }
}
