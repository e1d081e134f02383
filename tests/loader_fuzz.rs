//! The bounded, in-`cargo test` version of `fuzz/fuzz_targets/load.rs`: arbitrary bytes
//! and mutated real scenarios into the loader. It never panics, and every error has a
//! position and prints without control characters. (The coverage-guided fuzzers run
//! apart; see the README.)

use invitesim::scenario::{self, builtin};
use proptest::prelude::*;

fn judge(bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Err(e) = scenario::load_source("fuzz.ron", bytes) {
        prop_assert!(!e.diagnostics.is_empty());
        for d in &e.diagnostics {
            let pos = d
                .pos
                .ok_or_else(|| TestCaseError::fail(format!("no position: {d}")))?;
            prop_assert!(pos.line >= 1 && pos.col >= 1);
        }
        let text = e.to_string();
        prop_assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "{text:?}"
        );
    }
    Ok(())
}

/// A built-in's text with a few bytes replaced, inserted or deleted.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let sources: Vec<&'static str> = builtin::all().map(|b| b.source).collect();
    (
        prop::sample::select(sources),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0u8..3), 1..8),
    )
        .prop_map(|(src, edits)| {
            let mut bytes = src.as_bytes().to_vec();
            for (at, byte, kind) in edits {
                if bytes.is_empty() {
                    break;
                }
                let i = at.index(bytes.len());
                match kind {
                    0 => bytes[i] = byte,
                    1 => bytes.insert(i, byte),
                    _ => {
                        bytes.remove(i);
                    }
                }
            }
            bytes
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        judge(&bytes)?;
    }

    #[test]
    fn mutated_scenarios_never_panic(bytes in mutated()) {
        judge(&bytes)?;
    }
}
