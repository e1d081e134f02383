//! A recipient's answers and replies, a sender's withdrawal, and the flags and standing
//! they move.

use super::{World, days};
use crate::model::timers::TimerKind;
use crate::model::{
    Answer, Audience, EventKind, Invitation, InvitationId, InvitationState, Mail, MailKind,
    PersonId, Refusal, Reply, Standing, TextKind, Verb,
};

impl World {
    /// The invitation from `from` that `by` still holds, or why not, in `by`'s terms.
    /// `known`: the one the caller knows it is, if any (`Act::Answer`).
    fn held(
        &self,
        by: PersonId,
        from: PersonId,
        verb: Verb,
        known: Option<InvitationId>,
    ) -> Result<&Invitation, Refusal> {
        self.latest_known(from, by, known)
            .filter(|i| i.state.held_by_recipient(self.rules.ignore_archives))
            .ok_or_else(|| Refusal::NothingToAnswer {
                by: self.name(by),
                from: self.name(from),
                answer: verb,
                hint: self.own_answer(from, by),
            })
    }

    /// What `to` themselves did to the latest invitation from `from`, if it left their
    /// lists by their own hand: the only hint a refused answer may give them.
    fn own_answer(&self, from: PersonId, to: PersonId) -> Option<Answer> {
        match self.latest(from, to)?.state {
            InvitationState::Ignored => Some(Answer::Ignore),
            InvitationState::DontKnow => Some(Answer::DontKnow),
            InvitationState::Spam => Some(Answer::ReportSpam),
            InvitationState::Accepted => Some(Answer::Accept),
            _ => None,
        }
    }

    /// `by` answers the latest invitation `from` sent them.
    pub(super) fn answer_as(
        &mut self,
        by: PersonId,
        from: PersonId,
        answer: Answer,
        known: Option<InvitationId>,
    ) -> Result<(), Refusal> {
        let inv = self.held(by, from, Verb::Answer(answer), known)?;
        let after = inv.answered(answer).map_err(|why| Refusal::CannotAnswer {
            by: self.name(by),
            from: self.name(from),
            answer: Verb::Answer(answer),
            why,
        })?;
        let id = inv.id;
        let before = inv.state;
        let now = self.now;
        if answer == Answer::Open && inv.opened.is_none() {
            self.invitations[id.index()].opened = Some(now);
        }
        self.set_state(id, after);
        let only_recipient: &[PersonId] = if before == after { &[] } else { &[by] };
        match answer {
            Answer::Open => self.push_event(now, EventKind::Opened(id), only_recipient),
            // H1303a/b: archived (classic) or removed (modern); the sender is not told.
            Answer::Ignore => self.push_event(now, EventKind::Ignored(id), only_recipient),
            Answer::DontKnow => {
                // H1303: "will prevent that member from sending you any more invitations".
                self.pairs.block(from, by);
                self.push_event(now, EventKind::MarkedDontKnow(id), only_recipient);
                self.flag(from);
            }
            Answer::ReportSpam => {
                self.push_event(now, EventKind::ReportedSpam(id), only_recipient);
                self.flag(from);
            }
            Answer::Accept => self.accept(id),
        }
        Ok(())
    }

    /// "Reply (don't accept yet)": one message to the sender, notification and email;
    /// the invitation stays where it is and its reminders stop (H1303a/b, H3882).
    pub(super) fn reply(
        &mut self,
        by: PersonId,
        from: PersonId,
        text: String,
    ) -> Result<(), Refusal> {
        let inv = self.held(by, from, Verb::Reply, None)?;
        if inv.reply.is_some() {
            return Err(Refusal::CannotAnswer {
                by: self.name(by),
                from: self.name(from),
                answer: Verb::Reply,
                why: "they have already replied to it",
            });
        }
        self.check_text(TextKind::Reply, Some(&text))?;
        let (id, now) = (inv.id, self.now);
        let inv = &mut self.invitations[id.index()];
        if inv.state == (InvitationState::Pending { seen: false }) {
            inv.state = InvitationState::Pending { seen: true };
        }
        inv.opened.get_or_insert(now);
        inv.reply = Some(Box::new(Reply { at: now, text }));
        self.push_event(now, EventKind::Replied(id), &[by, from]);
        let mail = Mail {
            at: now,
            kind: MailKind::Replied(id),
        };
        self.lists[from.index()].notifications.push(mail);
        self.lists[from.index()].mail.push(mail);
        Ok(())
    }

    pub(super) fn accept(&mut self, id: InvitationId) {
        let now = self.now;
        let (from, to) = (self.invitation(id).from, self.invitation(id).to);
        self.push_event(now, EventKind::Accepted(id), &[from, to]);
        self.connect(from, to);
        // Connecting settles any crossing invitation the other way too.
        if let Some(other) = self.latest(to, from).filter(|i| i.state.looks_pending()) {
            let other = other.id;
            self.set_state(other, InvitationState::Accepted);
        }
        // H1303: the sender gets a notification and an email.
        self.lists[from.index()].notifications.push(Mail {
            at: now,
            kind: MailKind::Accepted(id),
        });
        self.mail(from, now, MailKind::Accepted(id));
        self.push_event(now, EventKind::AcceptanceNotified(id), &[from]);
    }

    /// One flag ("I don't know" or spam) against `sender` (PBW, R, SEED).
    pub(super) fn flag(&mut self, sender: PersonId) {
        let rules = &self.rules;
        let account = &mut self.lists[sender.index()].account;
        account.flags += 1;
        let flags = account.flags;
        let standing =
            if flags >= rules.flags_to_restrict && account.standing != Standing::Restricted {
                Standing::Restricted
            } else if flags >= rules.flags_to_warn && account.standing == Standing::Good {
                // SEED: a warning comes "with a probability"; drawn, never by default.
                let chance = rules.warn_chance;
                if !self.dice(super::dice::Purpose::Warn, sender.0, flags, chance) {
                    return;
                }
                Standing::Warned
            } else {
                return;
            };
        let now = self.now;
        let account = &mut self.lists[sender.index()].account;
        account.standing = standing;
        if standing == Standing::Restricted {
            account.restrictions += 1;
            // R, L: temporary (modern), longer each time with escalation.
            if let Some(d) = self.rules.restriction_length(account.restrictions) {
                let until = now.checked_add_signed(days(d));
                self.lists[sender.index()].account.restricted_until = until;
                if until.is_some() {
                    self.schedule(now, d, TimerKind::RestrictionEnd(sender));
                }
            }
        }
        self.push_event(
            now,
            EventKind::StandingChanged {
                person: sender,
                standing,
            },
            &[sender],
        );
    }

    /// `by` withdraws their latest invitation to `to`, if it still looks pending to them.
    pub(super) fn withdraw(&mut self, by: PersonId, to: PersonId) -> Result<(), Refusal> {
        let Some(inv) = self.latest(by, to).filter(|i| i.state.looks_pending()) else {
            return Err(Refusal::NothingToWithdraw {
                by: self.name(by),
                to: self.name(to),
            });
        };
        // H26 (M): in the classic era only while the recipient has taken no action. An
        // undelivered invitation has no answer: withdrawing it looks like any other.
        if self.rules.withdraw_needs_no_answer && inv.has_answer() {
            return Err(Refusal::CannotWithdraw {
                by: self.name(by),
                to: self.name(to),
            });
        }
        let id = inv.id;
        let visible = self.visible_on_close(inv);
        self.set_state(id, InvitationState::Withdrawn);
        self.push_event(self.now, EventKind::Withdrawn(id), visible.as_slice());
        Ok(())
    }

    /// Who sees an invitation close: the sender's row goes; the recipient's only if
    /// they still held it.
    pub(super) fn visible_on_close(&self, inv: &Invitation) -> Audience {
        if inv.state.held_by_recipient(self.rules.ignore_archives) {
            Audience::of(&[inv.from, inv.to])
        } else {
            Audience::of(&[inv.from])
        }
    }
}
