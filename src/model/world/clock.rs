//! The simulated clock: waiting, and the timers that fire on the way.

use chrono::{DateTime, Duration, Utc};

use super::{World, days};
use crate::model::timers::{Timer, TimerKind};
use crate::model::{EventKind, InvitationState, MailKind, Refusal, Standing};

impl World {
    pub(super) fn wait(&mut self, by: Duration) -> Result<(), Refusal> {
        let target = self
            .now
            .checked_add_signed(by)
            .ok_or(Refusal::ClockOverflow)?;
        self.run_timers_until(target);
        self.now = target;
        self.push_event(target, EventKind::ClockAdvanced, &[]);
        Ok(())
    }

    pub(super) fn run_timers_until(&mut self, until: DateTime<Utc>) {
        while let Some(timer) = self.timers.pop_due(until) {
            self.now = timer.due;
            self.fire(timer);
        }
    }

    pub(super) fn fire(&mut self, timer: Timer) {
        let at = timer.due;
        match timer.kind {
            TimerKind::Reminder { invitation, nth } => {
                let inv = self.invitation(invitation);
                // H3882: reminders stop once the recipient answered or replied.
                if !matches!(inv.state, InvitationState::Pending { .. }) || inv.reply.is_some() {
                    return;
                }
                let (to, sent) = (inv.to, inv.sent);
                // SEED: reminders "aren't always" sent.
                let chance = self.rules.reminder_chance;
                let purpose = super::dice::Purpose::Reminder;
                if self.dice(purpose, invitation.0, u32::from(nth), chance) {
                    self.mail(to, at, MailKind::Reminder(invitation, nth));
                    let kind = EventKind::ReminderEmailed { invitation, nth };
                    self.push_event(at, kind, &[to]);
                }
                if let Some(&next) = self.rules.reminder_days.get(usize::from(nth)) {
                    let next_nth = nth.saturating_add(1);
                    self.schedule(
                        sent,
                        next,
                        TimerKind::Reminder {
                            invitation,
                            nth: next_nth,
                        },
                    );
                }
            }
            TimerKind::Expire(id) => {
                // KEN: about six months, silent on both sides; never delivered ones too.
                let inv = self.invitation(id);
                if inv.state.looks_pending() {
                    let visible = self.visible_on_close(inv);
                    self.set_state(id, InvitationState::Expired);
                    self.push_event(at, EventKind::Expired(id), visible.as_slice());
                }
            }
            // R, L: a temporary restriction ends; the account stays warned.
            TimerKind::RestrictionEnd(p) => {
                let account = &mut self.lists[p.index()].account;
                if account.standing == Standing::Restricted && account.restricted_until == Some(at)
                {
                    account.standing = Standing::Warned;
                    account.restricted_until = None;
                    let kind = EventKind::StandingChanged {
                        person: p,
                        standing: Standing::Warned,
                    };
                    self.push_event(at, kind, &[p]);
                }
            }
        }
    }

    /// Queues a timer `after_days` after `from`; one that would overflow the calendar
    /// never fires.
    pub(super) fn schedule(&mut self, from: DateTime<Utc>, after_days: u32, kind: TimerKind) {
        let queue = match kind {
            TimerKind::Reminder { nth, .. } => usize::from(nth.saturating_sub(1)),
            TimerKind::Expire(_) => self.rules.reminder_days.len(),
            TimerKind::RestrictionEnd(_) => self.rules.reminder_days.len() + 1,
        };
        if let Some(due) = from.checked_add_signed(days(after_days)) {
            self.timers.push(queue, due, kind);
        }
    }
}
