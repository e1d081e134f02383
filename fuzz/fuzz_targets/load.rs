//! Arbitrary bytes into the scenario loader: it never panics, every error carries a
//! position (a file name and, for anything read from the file, a line and column), and
//! every way of loading (`Way`: replaying as read, streamed from a second thread, and
//! sorting every moment first) comes to the same world or the same diagnostics.
#![no_main]

use invitesim::scenario::{Loaded, ScenarioError, Way, load_parsed};
use libfuzzer_sys::fuzz_target;

fn same(a: &Result<Loaded, ScenarioError>, b: &Result<Loaded, ScenarioError>) -> bool {
    match (a, b) {
        (Ok(a), Ok(b)) => {
            a.scenario == b.scenario
                && a.setup.world == b.setup.world
                && a.setup.history == b.setup.history
                && a.setup.panes == b.setup.panes
        }
        (Err(a), Err(b)) => a == b,
        _ => false,
    }
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let sorted = load_parsed("fuzz.ron", text, Way::Sorted);
        for way in [Way::Sequential, Way::Streamed] {
            let other = load_parsed("fuzz.ron", text, way);
            assert!(same(&sorted, &other), "{way:?} differs:\n{sorted:?}\n{other:?}");
        }
    }
    if let Err(e) = invitesim::scenario::load_source("fuzz.ron", data) {
        assert!(!e.diagnostics.is_empty(), "an error with nothing to say");
        for d in &e.diagnostics {
            let pos = d.pos.expect("every error read from a file has a position");
            assert!(pos.line >= 1 && pos.col >= 1, "positions count from 1: {d}");
        }
        // Printing never panics either, and never lets a control character through.
        let text = e.to_string();
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "raw control text: {text:?}"
        );
    }
});
