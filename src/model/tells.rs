//! What a person can work out from their own screen: the tells. Derived only from what
//! that person saw — their view before and after a step, what their own action did,
//! and the public rules — never from the world's hidden truth, so a tell cannot leak
//! by construction (DESIGN V2.1). Each kind cites its source; sentences are in `narrate`.

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::{Mail, MailKind, PersonId, Rules, SentStatus, Standing, View};

/// The kinds of thing a sender can infer, and the one non-decline worth naming.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum TellKind {
    /// Their Sent row turned Connected and a notification came: they accepted.
    Accepted,
    /// A message arrived from the recipient; the row still says Pending.
    Replied,
    /// The account standing moved: enough recipients flagged, never who.
    Standing,
    /// Withdraw was refused on a Pending row: the recipient already answered it.
    WithdrawRefused,
    /// Their invitation arrived while yours to them still shows Pending: they removed yours.
    Crossing,
    /// A Pending row vanished at the expiry age: expired, which is not a decline.
    Expired,
}

impl TellKind {
    pub const ALL: [TellKind; 6] = [
        TellKind::Accepted,
        TellKind::Replied,
        TellKind::Standing,
        TellKind::WithdrawRefused,
        TellKind::Crossing,
        TellKind::Expired,
    ];

    /// The source key behind the tell (docs/RULES.md).
    pub fn source(self) -> &'static str {
        match self {
            TellKind::Accepted => "H1303",
            TellKind::Replied => "H1303a/b",
            TellKind::Standing => "PBW, R, SEED",
            TellKind::WithdrawRefused => "H26",
            TellKind::Crossing => "H1303",
            TellKind::Expired => "KEN",
        }
    }

    /// The kind's name in transcripts and `Expect(Tells(..))` output.
    pub fn name(self) -> &'static str {
        match self {
            TellKind::Accepted => "accepted",
            TellKind::Replied => "replied",
            TellKind::Standing => "standing",
            TellKind::WithdrawRefused => "withdraw-refused",
            TellKind::Crossing => "crossing",
            TellKind::Expired => "expired",
        }
    }
}

/// One thing `person` can now infer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Tell {
    pub kind: TellKind,
    /// Whom it is about (the other person), when it is about one.
    pub about: Option<PersonId>,
    /// The standing now, for `Standing`.
    pub standing: Option<Standing>,
    pub at: DateTime<Utc>,
}

/// What the person did themselves in this step, as far as tells care.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Own {
    /// They withdrew their invitation to this person (its row vanishing is no news).
    pub withdrew: Option<PersonId>,
    /// Their Withdraw to this person was refused as already answered (H26).
    pub withdraw_refused: Option<PersonId>,
}

/// The tells in one step, from the person's view before and after it.
pub fn infer(
    before: &View,
    after: &View,
    own: Own,
    rules: &Rules,
    now: DateTime<Utc>,
) -> Vec<Tell> {
    let mut tells = Vec::new();
    let tell = |kind, about| Tell {
        kind,
        about,
        standing: None,
        at: now,
    };
    if let Some(to) = own.withdraw_refused {
        tells.push(tell(TellKind::WithdrawRefused, Some(to)));
    }
    if before == after {
        return tells;
    }
    let recipient_of = |mail: &Mail| {
        let id = match mail.kind {
            MailKind::Accepted(i) | MailKind::Replied(i) => i,
            _ => return None,
        };
        after.sent.iter().find(|r| r.invitation == id).map(|r| r.to)
    };
    let new_mail = after.notifications.iter().take(
        after
            .notifications
            .len()
            .saturating_sub(before.notifications.len()),
    );
    for mail in new_mail {
        let kind = match mail.kind {
            MailKind::Accepted(_) => TellKind::Accepted,
            MailKind::Replied(_) => TellKind::Replied,
            _ => continue,
        };
        tells.push(tell(kind, recipient_of(mail)));
    }
    if before.account.standing != after.account.standing {
        tells.push(Tell {
            standing: Some(after.account.standing),
            ..tell(TellKind::Standing, None)
        });
    }
    let pending_to = |p: PersonId| {
        before
            .sent
            .iter()
            .any(|r| r.to == p && r.status == SentStatus::Pending)
    };
    // Rows are newest first and ids grow with time: new arrivals are above the old top.
    let newest = before.invitations.first().map(|r| r.invitation);
    for row in &after.invitations {
        if newest.is_some_and(|n| row.invitation <= n) {
            break;
        }
        if pending_to(row.from) {
            tells.push(tell(TellKind::Crossing, Some(row.from)));
        }
    }
    if let Some(expiry) = rules.expiry_days {
        let age = Duration::days(i64::from(expiry));
        for row in &before.sent {
            let gone = !after.sent.iter().any(|r| r.invitation == row.invitation);
            let old_enough = row.sent.checked_add_signed(age).is_some_and(|t| t <= now);
            if gone
                && row.status == SentStatus::Pending
                && own.withdrew != Some(row.to)
                && old_enough
            {
                tells.push(tell(TellKind::Expired, Some(row.to)));
            }
        }
    }
    tells
}
