//! A big file's history replayed while the rest of it is still being parsed: the parse
//! runs on a second thread and hands the replay its head (start, seed, rules, people,
//! network) as soon as it has read them, then the invitations in chunks. The load then
//! costs about the longer of the two rather than their sum (issue 14).
//!
//! The result is exactly the sequential one (`validate`): the same `Replay`, fed the same
//! invitations in the same order, and the same checks of the rest of the file once the
//! parse is done. A file whose head does not come before its `invitations:` (hand-
//! written, fields in another order) is simply loaded the sequential way.

use std::cell::RefCell;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use rustc_hash::FxHashMap as HashMap;

use crate::model::PersonId;

use super::error::ScenarioError;
use super::history::{Entry, Judge, Read, Replay};
use super::validate::{Head, Problem, Setup, begin, finish, validate};
use super::{InvitationSpec, PersonSpec, RulesSpec, Scenario};

/// What the parse hands over while it goes.
enum Piece {
    /// The head, and where to send back the world's handles (and what else judging an
    /// invitation needs) once it is built.
    Head(OwnedHead, SyncSender<Handles>),
    /// Judged, or at least with their times read and their people looked up (`Entry`).
    Invitations(Vec<Entry>),
}

/// The head, as parsed (a copy: the parsed `Scenario` keeps its own).
#[derive(Default)]
pub(super) struct OwnedHead {
    pub start: String,
    pub seed: Option<u64>,
    pub rules: RulesSpec,
    pub people: Vec<PersonSpec>,
    pub connections: Vec<(String, String)>,
}

impl OwnedHead {
    fn head(&self) -> Head<'_> {
        Head {
            start: &self.start,
            seed: self.seed,
            rules: &self.rules,
            people: &self.people,
            connections: &self.connections,
        }
    }
}

/// Which head fields the parse has read so far.
#[derive(Default)]
struct Seen {
    start: Option<String>,
    seed: Option<Option<u64>>,
    rules: Option<RulesSpec>,
    people: Option<Vec<PersonSpec>>,
    connections: Option<Vec<(String, String)>>,
}

struct Sink {
    to: SyncSender<Piece>,
    seen: Seen,
    /// The world's handles, once the replay has built it from the head: invitations
    /// are handed over judged, their people looked up.
    handles: Handles,
    /// Invitations handed over so far.
    handed: usize,
}

enum Handles {
    Coming(Receiver<Handles>),
    Here(HashMap<String, PersonId>, Judge),
    /// The replay is gone (it failed): nothing to look up.
    Gone,
}

thread_local! {
    /// Set on the parsing thread of a streamed load only: elsewhere every hook is one
    /// thread-local check.
    static SINK: RefCell<Option<Sink>> = const { RefCell::new(None) };
}

/// Invitations per chunk handed over.
pub(super) const CHUNK: usize = 1024;

/// Files at least this big are loaded streamed (where there are threads).
pub const STREAM_FROM: usize = 1 << 20;

/// The parse noting a head field (`format`'s field hooks).
pub(super) fn saw(note: impl FnOnce(&mut SeenFields)) {
    SINK.with(|s| {
        if let Some(sink) = s.borrow_mut().as_mut() {
            note(&mut SeenFields(&mut sink.seen));
        }
    });
}

/// A head field being noted; the fields themselves stay private to this module.
pub(super) struct SeenFields<'a>(&'a mut Seen);

impl SeenFields<'_> {
    pub fn start(&mut self, v: &str) {
        self.0.start = Some(v.to_owned());
    }
    pub fn seed(&mut self, v: Option<u64>) {
        self.0.seed = Some(v);
    }
    pub fn rules(&mut self, v: &RulesSpec) {
        self.0.rules = Some(v.clone());
    }
    pub fn people(&mut self, v: &[PersonSpec]) {
        self.0.people = Some(v.to_vec());
    }
    pub fn connections(&mut self, v: &[(String, String)]) {
        self.0.connections = Some(v.to_vec());
    }
}

/// At the start of `invitations:`: hands the head over if the whole of it came first,
/// and says whether the invitations are to be handed over too.
pub(super) fn begin_invitations() -> bool {
    SINK.with(|s| {
        let mut s = s.borrow_mut();
        let Some(sink) = s.as_mut() else {
            return false;
        };
        let seen = std::mem::take(&mut sink.seen);
        let (Some(start), Some(seed), Some(rules), Some(people), Some(connections)) = (
            seen.start,
            seen.seed,
            seen.rules,
            seen.people,
            seen.connections,
        ) else {
            *s = None;
            return false;
        };
        let head = OwnedHead {
            start,
            seed,
            rules,
            people,
            connections,
        };
        let (back, handles) = sync_channel(1);
        sink.handles = Handles::Coming(handles);
        if sink.to.send(Piece::Head(head, back)).is_err() {
            *s = None;
            return false;
        }
        true
    })
}

/// Hands a chunk of invitations over, judged: their times read, their people looked up.
pub(super) fn hand_over(chunk: Vec<InvitationSpec>) {
    SINK.with(|s| {
        let mut s = s.borrow_mut();
        let Some(sink) = s.as_mut() else {
            return;
        };
        // The first time, the world is built by now, or nearly: its handles come back.
        if let Handles::Coming(from) = &sink.handles {
            sink.handles = from.recv().unwrap_or(Handles::Gone);
        }
        let first = sink.handed;
        sink.handed += chunk.len();
        let entries = chunk.into_iter().zip(first..);
        let entries = match &sink.handles {
            Handles::Here(map, judge) => entries
                .map(|(spec, i)| {
                    let read = Read::of(&spec, |h| map.get(h).copied());
                    judge.entry(read, spec, i)
                })
                .collect(),
            _ => entries
                .map(|(spec, _)| Entry::read(Read::of(&spec, |_| None), spec))
                .collect(),
        };
        let _ = sink.to.send(Piece::Invitations(entries));
    });
}

/// Parses `source` on a second thread while this one builds the world and replays the
/// history as it arrives. What `parse` + `sanitize` + `validate` return, the same.
pub(super) fn load(
    file: &str,
    source: &str,
) -> Result<(Scenario, Result<Setup, Vec<Problem>>), ScenarioError> {
    let counters = super::progress::current();
    let (to, from) = sync_channel(16);
    std::thread::scope(|scope| {
        let parser = scope.spawn(move || {
            let parse = || {
                SINK.with(|s| {
                    *s.borrow_mut() = Some(Sink {
                        to,
                        seen: Seen::default(),
                        handles: Handles::Gone,
                        handed: 0,
                    });
                });
                let parsed = super::parse(file, source);
                // Hanging up tells the replay the parse is over.
                SINK.with(|s| s.borrow_mut().take());
                parsed
            };
            match counters {
                Some(c) => super::progress::counting(c, parse),
                None => parse(),
            }
        });
        // `from` goes into the replay: should it panic, the parse is not left blocked.
        let replayed = replay(from, lines(source));
        let parsed = parser
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        let mut scenario = parsed?;
        scenario.sanitize();
        let setup = match replayed {
            Some((replay, problems)) => finish(&scenario, replay, problems),
            None => validate(&mut scenario, false),
        };
        Ok((scenario, setup))
    })
}

/// Builds the world from the head and replays every invitation handed over, until the
/// parse hangs up. `None` if no head came (the sequential way, then).
fn replay(from: Receiver<Piece>, lines: usize) -> Option<(Replay, Vec<Problem>)> {
    let mut started: Option<(Replay, Vec<Problem>)> = None;
    while let Ok(piece) = from.recv() {
        match piece {
            Piece::Head(mut head, back) => {
                head.sanitize();
                let (mut replay, problems) = begin(&head.head());
                let _ = back.send(Handles::Here(replay.world().handles(), replay.judge()));
                // Room for about as many invitations as the file has lines, at once,
                // rather than growing (and copying) the world a chunk at a time.
                replay.reserve(lines);
                started = Some((replay, problems));
            }
            Piece::Invitations(chunk) => {
                if let Some((replay, _)) = started.as_mut() {
                    for entry in chunk {
                        replay.push(entry);
                    }
                }
            }
        }
    }
    started
}

/// About how many invitations `source` holds, for reserving room: its lines (a little
/// more than a generated file's invitations), but no more than the shortest invitation
/// (`(from: "a", to: "b", sent: "…Z"),`, 40-odd bytes) could fill.
fn lines(source: &str) -> usize {
    let lines = source.bytes().filter(|&b| b == b'\n').count();
    lines.min(source.len() / 40)
}
