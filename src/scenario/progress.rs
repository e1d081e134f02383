//! How far a load has got, for a loading screen or a progress line: the loader counts
//! invitations parsed and moments of history replayed into `Counters` that another
//! thread reads. Counting is off (one thread-local check) unless a caller asked for it
//! with `counting`.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A load's progress, readable from any thread while the load runs.
#[derive(Debug, Default)]
pub struct Counters {
    /// Invitations parsed so far.
    pub parsed: AtomicUsize,
    /// Moments of history (sends and answers) replayed so far, of `moments`.
    pub replayed: AtomicUsize,
    /// Moments to replay; 0 until the parse is done.
    pub moments: AtomicUsize,
}

/// Where a load is, as read from its counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// A streamed load replays the history while it is parsed (`stream`).
    Parsing {
        invitations: usize,
        replayed: usize,
    },
    Replaying {
        done: usize,
        of: usize,
    },
}

impl Counters {
    pub fn stage(&self) -> Stage {
        match self.moments.load(Ordering::Relaxed) {
            0 => Stage::Parsing {
                invitations: self.parsed.load(Ordering::Relaxed),
                replayed: self.replayed.load(Ordering::Relaxed),
            },
            of => Stage::Replaying {
                done: self.replayed.load(Ordering::Relaxed).min(of),
                of,
            },
        }
    }
}

thread_local! {
    static COUNTERS: RefCell<Option<Arc<Counters>>> = const { RefCell::new(None) };
}

/// Runs `f` (a load, on this thread) counting into `counters`.
pub fn counting<T>(counters: Arc<Counters>, f: impl FnOnce() -> T) -> T {
    COUNTERS.with(|c| *c.borrow_mut() = Some(counters));
    let value = f();
    COUNTERS.with(|c| *c.borrow_mut() = None);
    value
}

/// The counters this thread's load counts into, to count into them from another thread.
pub(crate) fn current() -> Option<Arc<Counters>> {
    COUNTERS.with(|c| c.borrow().clone())
}

fn with(f: impl FnOnce(&Counters)) {
    COUNTERS.with(|c| {
        if let Some(counters) = c.borrow().as_deref() {
            f(counters);
        }
    });
}

/// How often the loader reports: every this many items.
pub(crate) const EVERY: usize = 4096;

pub(crate) fn parsed(n: usize) {
    with(|c| c.parsed.store(n, Ordering::Relaxed));
}

pub(crate) fn replaying(done: usize, of: usize) {
    with(|c| {
        c.moments.store(of.max(1), Ordering::Relaxed);
        c.replayed.store(done, Ordering::Relaxed);
    });
}

/// Moments replayed so far, while the total is not known yet (the parse still going).
pub(crate) fn replayed(done: usize) {
    with(|c| c.replayed.store(done, Ordering::Relaxed));
}
