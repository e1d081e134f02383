//! The world's timer queue: reminders, expiry and restriction ends, fired in time order.

use std::collections::VecDeque;

use chrono::{DateTime, Utc};

use super::{InvitationId, PersonId};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TimerKind {
    Reminder { invitation: InvitationId, nth: u8 },
    Expire(InvitationId),
    RestrictionEnd(PersonId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Timer {
    pub(super) due: DateTime<Utc>,
    seq: u64,
    pub(super) kind: TimerKind,
}

/// The timer queue. Every timer of one kind is set a fixed delay after the moment it
/// is scheduled, and that moment never goes back, so each kind's timers come due in
/// the order they were set: one FIFO per kind, and the next timer is the earliest head.
/// O(1) per timer and sequential in memory, where a heap would chase pointers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Timers {
    /// One queue per reminder (the first, the second, …), then expiry, then restriction ends.
    queues: Vec<VecDeque<Timer>>,
    seq: u64,
    /// The earliest due time of any timer: most moments of a replayed history find
    /// nothing due, and this says so without looking at every queue.
    earliest: Option<DateTime<Utc>>,
}

impl Timers {
    pub(super) fn push(&mut self, queue: usize, due: DateTime<Utc>, kind: TimerKind) {
        if self.queues.len() <= queue {
            self.queues.resize_with(queue + 1, VecDeque::new);
        }
        self.seq += 1;
        let timer = Timer {
            due,
            seq: self.seq,
            kind,
        };
        self.earliest = Some(self.earliest.map_or(due, |e| e.min(due)));
        let q = &mut self.queues[queue];
        // In order by construction; a timer that is not (a clock set back while
        // building a world) still goes to its place rather than firing early or late.
        if q.back().is_none_or(|last| last.due <= due) {
            q.push_back(timer);
        } else {
            let at = q.partition_point(|t| (t.due, t.seq) <= (due, timer.seq));
            q.insert(at, timer);
        }
    }

    /// Removes and returns the earliest timer due at or before `until`.
    pub(super) fn pop_due(&mut self, until: DateTime<Utc>) -> Option<Timer> {
        if self.earliest.is_none_or(|e| e > until) {
            return None;
        }
        let (i, _) = self
            .queues
            .iter()
            .enumerate()
            .filter_map(|(i, q)| q.front().map(|t| (i, (t.due, t.seq))))
            .filter(|(_, (due, _))| *due <= until)
            .min_by_key(|&(_, key)| key)?;
        let timer = self.queues[i].pop_front();
        self.earliest = self
            .queues
            .iter()
            .filter_map(|q| q.front())
            .map(|t| t.due)
            .min();
        timer
    }
}
