//! The load against its floor: `load_source` (what `check` and `open` do: parse,
//! validate, replay the history) against a bare `ron` parse of the same text into plain
//! serde structs (`common::plain`), at 100k and 1M invitations, alternating, medians.
//! Prints each median and the ratio. `cargo bench --bench load_floor` (the 1M world
//! takes a while to generate; `LOAD_FLOOR_SIZES=100000` runs one size).

mod common;

use std::hint::black_box;
use std::time::{Duration, Instant};

use invitesim::scenario;

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is ignored here.
    let sizes: Vec<usize> = std::env::var("LOAD_FLOOR_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![100_000, 1_000_000]);
    for n in sizes {
        let text = common::text(n);
        let runs = if n >= 1_000_000 { 5 } else { 11 };
        let (mut bare, mut load) = (Vec::new(), Vec::new());
        for _ in 0..runs {
            let t = Instant::now();
            black_box(common::plain::parse(&text));
            bare.push(t.elapsed());
            let t = Instant::now();
            let loaded = scenario::load_source("floor.ron", text.as_bytes());
            load.push(t.elapsed());
            assert!(loaded.is_ok(), "generated worlds load");
            drop(black_box(loaded));
        }
        let (bare, load) = (median(bare), median(load));
        println!(
            "load_floor/{n}: load {:.1} ms, bare parse {:.1} ms, ratio {:.2} (median of {runs}, {} MB)",
            load.as_secs_f64() * 1e3,
            bare.as_secs_f64() * 1e3,
            load.as_secs_f64() / bare.as_secs_f64(),
            text.len() / 1_000_000
        );
    }
}
