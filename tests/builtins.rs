//! Every built-in scenario loads, plays green, and plays the same way twice; every
//! file in `scenarios/` is embedded.

use invitesim::export::{self, Format};
use invitesim::model::World;
use invitesim::scenario::{self, builtin};

#[test]
fn every_builtin_plays_green_and_deterministically() {
    for b in builtin::all() {
        let loaded = scenario::load_source(b.name, b.source.as_bytes())
            .unwrap_or_else(|e| panic!("{} does not load:\n{e}", b.name));
        assert!(
            !loaded.scenario.script.is_empty(),
            "{} has no script",
            b.name
        );
        let run = |format| {
            let mut out = Vec::new();
            let summary = export::play(&loaded, format, &mut out).expect("in-memory write");
            (summary, String::from_utf8(out).expect("utf-8 transcript"))
        };
        let (summary, text) = run(Format::Text);
        assert!(summary.passed(), "{} fails:\n{text}", b.name);
        assert!(summary.expectations > 0, "{} checks nothing", b.name);
        assert_eq!(run(Format::Text).1, text, "{} is not deterministic", b.name);
        let (_, json) = run(Format::Json);
        let lines: Vec<&str> = json.lines().collect();
        assert_eq!(
            lines.len(),
            loaded.scenario.script.len() + 1,
            "steps, then a summary"
        );
        let (last, steps) = lines.split_last().expect("a summary");
        for line in steps {
            let v: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
            for field in [
                "step", "line", "time", "kind", "text", "ok", "detail", "events", "panes", "tells",
            ] {
                assert!(v.get(field).is_some(), "{field} missing in {line}");
            }
            assert!(
                v["line"].as_u64().is_some(),
                "a built-in's steps have lines: {line}"
            );
        }
        let v: serde_json::Value = serde_json::from_str(last).expect("the summary is JSON");
        assert_eq!(v["summary"]["ok"], true, "{last}");
        assert_eq!(
            v["summary"]["steps"],
            loaded.scenario.script.len(),
            "{last}"
        );
    }
}

#[test]
fn every_scenario_file_is_embedded() {
    let names = |dir: &str| {
        let dir = format!("{}/scenarios/{dir}", env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<String> = std::fs::read_dir(dir)
            .expect("the folder exists")
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .filter_map(|n| n.strip_suffix(".ron").map(str::to_owned))
            .collect();
        files.sort();
        files
    };
    let mut embedded: Vec<String> = builtin::SCENARIOS
        .iter()
        .map(|b| b.name.to_owned())
        .collect();
    embedded.sort();
    assert_eq!(names(""), embedded);
    let lessons: Vec<String> = builtin::LESSONS.iter().map(|b| b.name.to_owned()).collect();
    assert_eq!(
        names("lessons"),
        lessons,
        "lessons are embedded in file-name order"
    );
}

#[test]
fn the_tour_uses_every_action_and_step_kind() {
    let tour = builtin::find("tour").expect("a tour");
    for word in [
        "Say(",
        "Send(",
        "Wait(",
        "Open(",
        "Ignore(",
        "Accept(",
        "DontKnow(",
        "ReportSpam(",
        "Withdraw(",
        "Expect(",
        "Quiz(",
        "Refused(",
    ] {
        assert!(tour.source.contains(word), "the tour never uses {word}");
    }
}

#[test]
fn every_lesson_has_a_goal_its_solution_reaches_and_a_quiz() {
    use invitesim::scenario::Step;
    use invitesim::script::Runner;
    assert!(builtin::LESSONS.len() >= 5);
    for b in builtin::LESSONS {
        let loaded = scenario::load_source(b.name, b.source.as_bytes()).expect("loads");
        let lesson = loaded
            .scenario
            .lesson
            .as_ref()
            .unwrap_or_else(|| panic!("{} has no lesson block", b.name));
        let mut world = World::clone(&loaded.setup.world);
        let mut runner = Runner::new(&loaded.scenario.script, &world, loaded.setup.panes);
        let reached_at_start = lesson.check.iter().all(|e| runner.check(&world, e));
        assert!(
            !reached_at_start,
            "{}: the goal holds before the learner does anything",
            b.name
        );
        while let Some(report) = runner.step(&mut world) {
            assert!(
                report.ok,
                "{}: step {} fails: {:?}",
                b.name, report.number, report.detail
            );
        }
        for e in &lesson.check {
            assert!(
                runner.check(&world, e),
                "{}: the solution does not reach {e:?}",
                b.name
            );
        }
        assert!(
            loaded
                .scenario
                .script
                .iter()
                .any(|s| matches!(s, Step::Quiz(_))),
            "{} asks no question",
            b.name
        );
    }
}
