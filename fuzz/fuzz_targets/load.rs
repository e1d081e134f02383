//! Arbitrary bytes into the scenario loader: it never panics, and every error carries
//! a position (a file name and, for anything read from the file, a line and column).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
