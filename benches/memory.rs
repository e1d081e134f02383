//! Memory of a loaded world, counted by dhat's heap profiler (live and peak bytes), each
//! size loaded from its file in a fresh process. Run with `cargo bench --bench memory`
//! (sizes default to 100k and 1M invitations; pass counts to choose:
//! `cargo bench --bench memory -- 100000`).

mod common;

use invitesim::model::Action;
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

/// One load, measured in a process of its own: dhat's peak is a high-water mark for
/// the whole process, so a world generated in the same process (the generator holds
/// more than a load does) would hide the load's own peak.
fn measure(path: &str, n: usize) {
    let _profiler = dhat::Profiler::builder().testing().build();
    let text = std::fs::read_to_string(path).expect("the world reads");
    let file = text.len();
    // The peak is measured from here: the file in memory, then the load.
    let base = live() - file;
    let loaded = scenario::load_source("bench.ron", text.as_bytes()).expect("loads");
    let load_peak = peak() - base;
    drop(text);
    let world_only = {
        let before = live();
        let w = invitesim::model::World::clone(&loaded.setup.world);
        let bytes = live() - before;
        drop(w);
        bytes
    };
    let before_app = live();
    let mut app = App::new(loaded, Theme::plain());
    // The app shares the loaded world until its first change (`tui::LiveWorld`), its
    // own copy being made meanwhile on another thread: measured once it holds it.
    app.act(Action::wait_days(1));
    let app_bytes = live() - before_app + world_only;
    drop(app);
    println!(
        "| {n} | {:.1} MiB | {:.1} MiB | {:.1} MiB | {} B | {} B | {} B |",
        file as f64 / MIB,
        load_peak as f64 / MIB,
        world_only as f64 / MIB,
        world_only / n,
        load_peak.saturating_sub(file) / n,
        app_bytes / n
    );
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--measure") {
        let n = args[i + 2].parse().expect("a count");
        return measure(&args[i + 1], n);
    }
    let sizes: Vec<usize> = args.iter().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() {
        vec![100_000, 1_000_000]
    } else {
        sizes
    };
    println!(
        "| invitations | file | peak during load | steady (world) | steady per invitation | peak over file, per invitation | app after its first action (two worlds) per invitation |"
    );
    println!("|---|---|---|---|---|---|---|");
    let me = std::env::current_exe().expect("this bench's own path");
    let dir = tempfile::tempdir().expect("a temporary folder");
    for n in sizes {
        let path = dir.path().join(format!("memory-{n}.ron"));
        std::fs::write(&path, common::text(n)).expect("the world is written");
        let path = path.to_str().expect("a UTF-8 path");
        let status = std::process::Command::new(&me)
            .args(["--measure", path, &n.to_string()])
            .status()
            .expect("the measuring process runs");
        assert!(status.success(), "measuring {n} failed");
    }
}
