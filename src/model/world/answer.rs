//! A recipient's answers and a sender's withdrawal, with the flags and standing they move.

use super::{Refusal, World, days};
use crate::model::timers::TimerKind;
use crate::model::{
    Answer, Audience, EventKind, Invitation, InvitationId, InvitationState, Mail, MailKind,
    PersonId, Standing,
};

impl World {
    pub(super) fn answer(&mut self, by: &str, from: &str, answer: Answer) -> Result<(), Refusal> {
        let (by, from) = (self.resolve(by)?, self.resolve(from)?);
        self.answer_as(by, from, answer)
    }

    /// `by` answers the latest invitation `from` sent them.
    pub fn answer_as(
        &mut self,
        by: PersonId,
        from: PersonId,
        answer: Answer,
    ) -> Result<(), Refusal> {
        let verb = match answer {
            Answer::Open => "open",
            Answer::Ignore => "ignore",
            Answer::DontKnow => "say \"I don't know\" to",
            Answer::ReportSpam => "report",
            Answer::Accept => "accept",
        };
        let held = self
            .latest(from, by)
            .filter(|i| i.state.held_by_recipient(self.rules.ignore_archives));
        let Some(inv) = held else {
            return Err(Refusal(format!(
                "{} has no invitation from {} to {verb}{}",
                self.name(by),
                self.name(from),
                self.why_not_held(from, by)
            )));
        };
        let after = inv.answered(answer).map_err(|why| {
            Refusal(format!(
                "{} cannot {verb} {}'s invitation: {why}",
                self.name(by),
                self.name(from)
            ))
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
            Answer::Ignore => self.push_event(now, EventKind::Ignored(id), only_recipient),
            Answer::DontKnow => {
                self.blocked.insert((from, by));
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

    /// A hint for a refused answer: what became of the latest invitation, if any.
    pub(super) fn why_not_held(&self, from: PersonId, to: PersonId) -> String {
        match self.latest(from, to).map(|i| i.state) {
            None => String::new(),
            Some(InvitationState::Ignored) => {
                " (ignored, and ignoring removes it under these rules)".into()
            }
            Some(state) => format!(" (the latest was {})", state.label()),
        }
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
        self.lists[from.index()].notifications.push(Mail {
            at: now,
            kind: MailKind::Accepted(id),
        });
        self.mail(from, now, MailKind::Accepted(id));
        self.push_event(now, EventKind::AcceptanceNotified(id), &[from]);
    }

    pub(super) fn flag(&mut self, sender: PersonId) {
        let rules = &self.rules;
        let account = &mut self.lists[sender.index()].account;
        account.flags += 1;
        let standing = if account.flags >= rules.flags_to_restrict
            && account.standing != Standing::Restricted
        {
            Standing::Restricted
        } else if account.flags >= rules.flags_to_warn && account.standing == Standing::Good {
            Standing::Warned
        } else {
            return;
        };
        account.standing = standing;
        let restriction = rules
            .restriction_days
            .filter(|_| standing == Standing::Restricted);
        let now = self.now;
        if let Some(d) = restriction {
            let until = now.checked_add_signed(days(d));
            self.lists[sender.index()].account.restricted_until = until;
            if until.is_some() {
                self.schedule(now, d, TimerKind::RestrictionEnd(sender));
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
    pub fn withdraw(&mut self, by: PersonId, to: PersonId) -> Result<(), Refusal> {
        let Some(inv) = self.latest(by, to).filter(|i| i.state.looks_pending()) else {
            return Err(Refusal(format!(
                "{} has no pending invitation to {} to withdraw",
                self.name(by),
                self.name(to)
            )));
        };
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
