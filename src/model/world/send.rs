//! Sending: what a `Send` judges (the pair, the note, the wait after a withdrawal, the
//! standing, the weekly limit) and what a new invitation sets going. Every judgement
//! reads only what the sender's own screen shows: a recipient's "I don't know" never
//! changes the outcome of a Send (see `Undelivered`).

use chrono::{DateTime, Duration, Utc};

use super::pairs::Pair;
use super::{World, days};
use crate::model::timers::TimerKind;
use crate::model::{
    EventKind, Invitation, InvitationId, InvitationState, MailKind, PersonId, Placement, Refusal,
    Standing, TextKind,
};

impl World {
    /// Why `from` cannot invite `to` as far as the pair goes (themselves, connected,
    /// their own invitation pending, `to`'s waiting for them), or what is between them.
    fn check_pair(&self, from: PersonId, to: PersonId) -> Result<Pair, Refusal> {
        // Names are only spelled out for a refusal: this runs for every send of a history.
        let (a, b) = (|| self.name(from), || self.name(to));
        if from == to {
            return Err(Refusal::SelfInvite { who: a() });
        }
        let pair = self.pairs.get(from, to);
        if pair.connected {
            return Err(Refusal::AlreadyConnected { a: a(), b: b() });
        }
        // The sender's Sent list shows it Pending, whatever the recipient did (H1303, AZ).
        let out = pair.out.map(|i| self.invitation(i));
        if let Some(inv) = out.filter(|i| i.state.looks_pending()) {
            return Err(Refusal::AlreadyPending {
                from: a(),
                to: b(),
                sent: self.local(inv.sent),
            });
        }
        // Their invitation is on the sender's own Invitations or Archive.
        if pair.back.is_some_and(|i| {
            (self.invitation(i).state).held_by_recipient(self.rules.ignore_archives)
        }) {
            return Err(Refusal::InvitedYouFirst { from: a(), to: b() });
        }
        Ok(pair)
    }

    pub(super) fn check_text(&self, what: TextKind, text: Option<&str>) -> Result<(), Refusal> {
        let len = text.map_or(0, |n| n.chars().count());
        let max = self.rules.note_max_chars as usize; // LH: 300 characters
        if len > max || (what == TextKind::Reply && text.is_some_and(|t| t.trim().is_empty())) {
            return Err(Refusal::TextLength { what, len, max });
        }
        Ok(())
    }

    /// Why `from` cannot invite `to` now, judged only from what `from` can see: already
    /// connected, their own invitation pending, `to`'s invitation waiting for them, or
    /// the wait after their own withdrawal. (The standing and the weekly limit are about
    /// `from` alone; a Send judges those too.) The invite picker marks people with it.
    pub fn invite_block(&self, from: PersonId, to: PersonId) -> Option<Refusal> {
        self.judge_pair(from, to).err()
    }

    /// `invite_block`, or what is between the two when nothing blocks the invitation.
    fn judge_pair(&self, from: PersonId, to: PersonId) -> Result<Pair, Refusal> {
        let pair = self.check_pair(from, to)?;
        // R, LH: three weeks after a withdrawal, counted from the withdrawal.
        let withdrawn = pair.out.map(|i| self.invitation(i));
        let Some(inv) = withdrawn.filter(|i| i.state == InvitationState::Withdrawn) else {
            return Ok(pair);
        };
        let again = inv.changed + days(self.rules.withdraw_wait_days);
        if self.now < again {
            return Err(Refusal::WithdrawWait {
                from: self.name(from),
                to: self.name(to),
                withdrawn: self.local(inv.changed),
                again: self.local(again),
            });
        }
        Ok(pair)
    }

    pub(super) fn send(
        &mut self,
        from: PersonId,
        to: PersonId,
        note: Option<String>,
        email: Option<&str>,
    ) -> Result<(), Refusal> {
        let pair = self.judge_pair(from, to)?;
        let account = &self.lists[from.index()].account;
        if account.standing == Standing::Restricted {
            // R, L: a temporary restriction stops sending.
            if let Some(until) = account.restricted_until {
                return Err(Refusal::RestrictedUntil {
                    who: self.name(from),
                    until: self.local(until),
                });
            }
            // PBW: restricted (classic), the recipient's email is needed.
            let expected = self.people[to.index()].email.as_deref();
            match email {
                None => {
                    return Err(Refusal::EmailNeeded {
                        from: self.name(from),
                        to: self.name(to),
                    });
                }
                Some(given) if Some(given) != expected => {
                    return Err(Refusal::WrongEmail {
                        from: self.name(from),
                        to: self.name(to),
                        given: given.to_owned(),
                    });
                }
                Some(_) => {}
            }
        }
        // DUX, LH, L: about 100 a week.
        if let Some(limit) = self.rules.weekly_limit {
            let window_start = self.now - Duration::days(7);
            let recent = &mut self.lists[from.index()].recent_sends;
            while recent.front().is_some_and(|&t| t <= window_start) {
                recent.pop_front();
            }
            if recent.len() >= limit as usize {
                let next = recent.front().map_or(self.now, |&t| t + Duration::days(7));
                let sent = recent.len();
                return Err(Refusal::WeeklyLimit {
                    who: self.name(from),
                    sent,
                    next: self.local(next),
                });
            }
        }
        self.check_text(TextKind::Note, note.as_deref())?;
        let now = self.now;
        self.create_invitation(from, to, note, now, !pair.blocked);
        Ok(())
    }

    fn create_invitation(
        &mut self,
        from: PersonId,
        to: PersonId,
        note: Option<String>,
        sent: DateTime<Utc>,
        // H1303: "I don't know" prevents this sender from inviting this recipient. The
        // model delivers nothing and tells the sender nothing (L): see `Undelivered`.
        delivered: bool,
    ) -> InvitationId {
        let id = InvitationId(self.invitations.len() as u32);
        let state = if delivered {
            InvitationState::Pending { seen: false }
        } else {
            InvitationState::Undelivered
        };
        self.invitations.push(Invitation {
            id,
            from,
            to,
            note: note.map(String::into_boxed_str),
            sent,
            state,
            changed: sent,
            opened: None,
            reply: None,
            superseded: false,
        });
        let placement = Placement::of(state, self.rules.ignore_archives);
        self.place(id, Placement::NOWHERE, placement);
        if let Some(before) = self.pairs.set_latest(from, to, id) {
            self.invitations[before.index()].superseded = true;
        }
        if self.rules.weekly_limit.is_some() {
            self.lists[from.index()].recent_sends.push_back(sent);
        }
        if !delivered {
            self.push_event(sent, EventKind::SentUndelivered(id), &[from]);
            if let Some(expiry) = self.rules.expiry_days {
                self.schedule(sent, expiry, TimerKind::Expire(id));
            }
            return id;
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
        // KEN: about six months, silent on both sides.
        if let Some(expiry) = self.rules.expiry_days {
            self.schedule(sent, expiry, TimerKind::Expire(id));
        }
        id
    }
}
