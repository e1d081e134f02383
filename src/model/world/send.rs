//! Sending: what a `Send` judges (the pair, the note, the wait after a withdrawal, the
//! standing, the weekly limit) and what a new invitation sets going.

use chrono::{DateTime, Duration, Utc};

use super::{Refusal, World, days};
use crate::model::timers::TimerKind;
use crate::model::{
    EventKind, Invitation, InvitationId, InvitationState, MailKind, PersonId, Standing, format_time,
};

impl World {
    pub(super) fn check_pair(&self, from: PersonId, to: PersonId) -> Result<(), Refusal> {
        let (a, b) = (self.name(from), self.name(to));
        if from == to {
            return Err(Refusal(format!("{a} cannot invite themselves")));
        }
        if self.are_connected(from, to) {
            return Err(Refusal(format!("{a} and {b} are already connected")));
        }
        if let Some(inv) = self.latest(from, to).filter(|i| i.state.looks_pending()) {
            return Err(Refusal(format!(
                "{a} already has a pending invitation to {b} (sent {})",
                format_time(inv.sent)
            )));
        }
        if self
            .latest(to, from)
            .is_some_and(|i| i.state.held_by_recipient(self.rules.ignore_archives))
        {
            return Err(Refusal(format!(
                "{b} has already invited {a}: {a} can accept that invitation instead"
            )));
        }
        Ok(())
    }

    pub(super) fn check_note(&self, note: Option<&str>) -> Result<(), Refusal> {
        let len = note.map_or(0, |n| n.chars().count());
        let max = self.rules.note_max_chars as usize;
        if len > max {
            return Err(Refusal(format!(
                "the note has {len} characters; the limit is {max}"
            )));
        }
        Ok(())
    }

    pub(super) fn send(
        &mut self,
        from: PersonId,
        to: PersonId,
        note: Option<String>,
        email: Option<&str>,
    ) -> Result<(), Refusal> {
        self.check_pair(from, to)?;
        let (a, b) = (self.name(from).to_owned(), self.name(to).to_owned());
        if self.is_blocked(from, to) {
            return Err(Refusal(format!(
                "{a} can no longer invite {b}, and the platform does not say why \
                 (the truth: {b} said \"I don't know this person\")"
            )));
        }
        if let Some(inv) = self
            .latest(from, to)
            .filter(|i| i.state == InvitationState::Withdrawn)
        {
            let again = inv.changed + days(self.rules.withdraw_wait_days);
            if self.now < again {
                return Err(Refusal(format!(
                    "{a} withdrew an invitation to {b} on {}; {a} can invite {b} again on {}",
                    format_time(inv.changed),
                    format_time(again)
                )));
            }
        }
        let account = &self.lists[from.index()].account;
        if account.standing == Standing::Restricted {
            if let Some(until) = account.restricted_until {
                return Err(Refusal(format!(
                    "{a}'s account is restricted until {}: no invitations can be sent",
                    format_time(until)
                )));
            }
            let expected = self.people[to.index()].email.as_deref();
            match email {
                None => {
                    return Err(Refusal(format!(
                        "{a}'s account is restricted: to invite {b}, {a} must give {b}'s email address"
                    )));
                }
                Some(given) if Some(given) != expected => {
                    return Err(Refusal(format!(
                        "{a}'s account is restricted and \"{given}\" is not {b}'s email address"
                    )));
                }
                Some(_) => {}
            }
        }
        if let Some(limit) = self.rules.weekly_limit {
            let window_start = self.now - Duration::days(7);
            let recent = &mut self.lists[from.index()].recent_sends;
            while recent.front().is_some_and(|&t| t <= window_start) {
                recent.pop_front();
            }
            if recent.len() >= limit as usize {
                let next = recent.front().map_or(self.now, |&t| t + Duration::days(7));
                return Err(Refusal(format!(
                    "{a} has sent {} invitations in the last 7 days, the weekly limit; \
                     the next can go on {}",
                    recent.len(),
                    format_time(next)
                )));
            }
        }
        self.check_note(note.as_deref())?;
        let now = self.now;
        self.create_invitation(from, to, note, now);
        Ok(())
    }

    pub(super) fn create_invitation(
        &mut self,
        from: PersonId,
        to: PersonId,
        note: Option<String>,
        sent: DateTime<Utc>,
    ) -> InvitationId {
        let id = InvitationId(self.invitations.len() as u32);
        self.invitations.push(Invitation {
            id,
            from,
            to,
            note,
            sent,
            state: InvitationState::Pending { seen: false },
            changed: sent,
            opened: None,
        });
        self.place(id, true);
        self.latest.insert((from, to), id);
        if self.rules.weekly_limit.is_some() {
            self.lists[from.index()].recent_sends.push_back(sent);
        }
        self.push_event(sent, EventKind::Sent(id), &[from, to]);
        self.mail(to, sent, MailKind::Invited(id));
        self.push_event(sent, EventKind::InvitationEmailed(id), &[to]);
        if let Some(&first) = self.rules.reminder_days.first() {
            self.schedule(
                sent,
                first,
                TimerKind::Reminder {
                    invitation: id,
                    nth: 1,
                },
            );
        }
        if let Some(expiry) = self.rules.expiry_days {
            self.schedule(sent, expiry, TimerKind::Expire(id));
        }
        id
    }
}
