//! Memory of a loaded world, counted by dhat's heap profiler (live and peak bytes). Run with `cargo bench --bench memory` (sizes default to 100k and 1M
//! invitations; pass counts to choose: `cargo bench --bench memory -- 100000`).

mod common;

use invitesim::scenario;
use invitesim::tui::{App, Theme};

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

fn live() -> usize {
    dhat::HeapStats::get().curr_bytes
}

fn peak() -> usize {
    dhat::HeapStats::get().max_bytes
}

const MIB: f64 = 1024.0 * 1024.0;

fn main() {
    let _profiler = dhat::Profiler::builder().testing().build();
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let sizes = if sizes.is_empty() {
        vec![100_000, 1_000_000]
    } else {
        sizes
    };
    println!(
        "| invitations | file | peak during load | steady (world) | steady per invitation | peak over file, per invitation | app (two worlds) per invitation |"
    );
    println!("|---|---|---|---|---|---|---|");
    for n in sizes {
        let text = common::text(n);
        let file = text.len();
        // The peak is measured from here: the file in memory, then the load.
        let base = live() - file;
        let high_before = peak();
        let loaded = scenario::load_source("bench.ron", text.as_bytes()).expect("loads");
        let load_peak = peak().max(high_before) - base;
        drop(text);
        let world_only = {
            let before = live();
            let w = loaded.setup.world.clone();
            let bytes = live() - before;
            drop(w);
            bytes
        };
        let before_app = live();
        let app = App::new(loaded, Theme::plain());
        let app_bytes = live() - before_app + world_only;
        drop(app);
        let peak = load_peak;
        println!(
            "| {n} | {:.1} MiB | {:.1} MiB | {:.1} MiB | {} B | {} B | {} B |",
            file as f64 / MIB,
            peak as f64 / MIB,
            world_only as f64 / MIB,
            world_only / n,
            peak.saturating_sub(file) / n,
            app_bytes / n
        );
    }
}
