//! What one person sees: derived from the world on demand, never stored. The sender's
//! rows carry only what the platform shows them, so the teaching rule is a property of
//! this function.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{InvitationId, InvitationState, Mail, PersonId, Standing, World};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct View {
    pub person: PersonId,
    /// Pending invitations received, newest first.
    pub invitations: Vec<InboxRow>,
    /// Ignored invitations received (classic rules), newest first.
    pub archive: Vec<InboxRow>,
    pub sent: Vec<SentRow>,
    pub notifications: Vec<Mail>,
    pub emails: Vec<Mail>,
    pub network: Vec<PersonId>,
    pub account: AccountView,
}

/// A row of Invitations or the Archive. The note is not copied into rows: it never
/// changes, so a front end reads it from the invitation when it draws the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct InboxRow {
    pub invitation: InvitationId,
    pub from: PersonId,
    pub sent: DateTime<Utc>,
    pub seen: bool,
}

/// A row of the sender's Sent list: all a sender can ever know of an invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SentRow {
    pub invitation: InvitationId,
    pub to: PersonId,
    pub sent: DateTime<Utc>,
    pub status: SentStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum SentStatus {
    Pending,
    Connected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AccountView {
    pub standing: Standing,
    pub restricted_until: Option<DateTime<Utc>>,
}

/// The seven tabs of a person's screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Tab {
    Invitations,
    Archive,
    Sent,
    Notifications,
    Emails,
    Network,
    Account,
}

impl Tab {
    pub const ALL: [Tab; 7] = [
        Tab::Invitations,
        Tab::Archive,
        Tab::Sent,
        Tab::Notifications,
        Tab::Emails,
        Tab::Network,
        Tab::Account,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Tab::Invitations => "Invitations",
            Tab::Archive => "Archive",
            Tab::Sent => "Sent",
            Tab::Notifications => "Notifications",
            Tab::Emails => "Emails",
            Tab::Network => "Network",
            Tab::Account => "Account",
        }
    }

    pub fn index(self) -> usize {
        Tab::ALL.iter().position(|&t| t == self).unwrap_or(0)
    }
}

impl World {
    /// Everything `person` sees right now.
    pub fn view(&self, person: PersonId) -> View {
        let lists = self.lists(person);
        let inbox_row = |&id: &InvitationId| {
            let inv = self.invitation(id);
            InboxRow {
                invitation: id,
                from: inv.from,
                sent: inv.sent,
                seen: inv.state != InvitationState::Pending { seen: false },
            }
        };
        let sent_row = |&id: &InvitationId| {
            let inv = self.invitation(id);
            SentRow {
                invitation: id,
                to: inv.to,
                sent: inv.sent,
                status: if inv.state == InvitationState::Accepted {
                    SentStatus::Connected
                } else {
                    SentStatus::Pending
                },
            }
        };
        View {
            person,
            invitations: lists.inbox.iter().rev().map(inbox_row).collect(),
            archive: lists.archive.iter().rev().map(inbox_row).collect(),
            sent: lists.sent.iter().rev().map(sent_row).collect(),
            notifications: lists.notifications.iter().rev().copied().collect(),
            emails: lists.mail.iter().rev().copied().collect(),
            network: lists.network.iter().copied().collect(),
            account: AccountView {
                standing: lists.account.standing,
                restricted_until: lists.account.restricted_until,
            },
        }
    }
}

/// Identifies a row across two views of the same person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKey {
    Invitation(InvitationId),
    Mail(Mail),
    Person(PersonId),
    Account,
}

/// One row of some tab, as it was or is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Inbox(InboxRow),
    Sent(SentRow),
    Mail(Mail),
    Person(PersonId),
    Account(AccountView),
}

/// How one row changed between two views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowChange {
    Added(Row),
    Removed(Row),
    Changed(Row, Row),
}

/// What changed on one tab, row by row; `rows` are the keys to highlight (added and
/// changed rows). Its sentences are written by `narrate`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabChange {
    pub tab: Tab,
    pub changes: Vec<RowChange>,
    pub rows: Vec<RowKey>,
}

/// The difference between two views of one person.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewDiff {
    pub tabs: Vec<TabChange>,
}

impl ViewDiff {
    pub fn between(before: &View, after: &View) -> ViewDiff {
        let mut tabs = Vec::new();
        let mut push = |tab: Tab, (changes, rows): (Vec<RowChange>, Vec<RowKey>)| {
            if !changes.is_empty() {
                tabs.push(TabChange { tab, changes, rows });
            }
        };
        push(
            Tab::Invitations,
            rows(&before.invitations, &after.invitations, Row::Inbox),
        );
        push(
            Tab::Archive,
            rows(&before.archive, &after.archive, Row::Inbox),
        );
        push(Tab::Sent, rows(&before.sent, &after.sent, Row::Sent));
        push(
            Tab::Notifications,
            rows(&before.notifications, &after.notifications, Row::Mail),
        );
        push(Tab::Emails, rows(&before.emails, &after.emails, Row::Mail));
        push(
            Tab::Network,
            rows(&before.network, &after.network, Row::Person),
        );
        if before.account != after.account {
            let change =
                RowChange::Changed(Row::Account(before.account), Row::Account(after.account));
            push(Tab::Account, (vec![change], vec![RowKey::Account]));
        }
        ViewDiff { tabs }
    }

    pub fn is_empty(&self) -> bool {
        self.tabs.is_empty()
    }

    pub fn changed_rows(&self, tab: Tab) -> &[RowKey] {
        self.tabs
            .iter()
            .find(|t| t.tab == tab)
            .map_or(&[], |t| t.rows.as_slice())
    }

    /// Every change, with its tab.
    pub fn changes(&self) -> impl Iterator<Item = (Tab, &RowChange)> {
        self.tabs
            .iter()
            .flat_map(|t| t.changes.iter().map(move |c| (t.tab, c)))
    }
}

/// A row that keeps its identity across two views of the same person.
trait Keyed: PartialEq + Copy {
    fn key(&self) -> RowKey;
}

impl Keyed for InboxRow {
    fn key(&self) -> RowKey {
        RowKey::Invitation(self.invitation)
    }
}

impl Keyed for SentRow {
    fn key(&self) -> RowKey {
        RowKey::Invitation(self.invitation)
    }
}

impl Keyed for Mail {
    fn key(&self) -> RowKey {
        RowKey::Mail(*self)
    }
}

impl Keyed for PersonId {
    fn key(&self) -> RowKey {
        RowKey::Person(*self)
    }
}

/// Added, removed and changed rows of one list, matched by key. Only rows that
/// differ are listed: a list of a thousand rows with one change costs one entry.
fn rows<T: Keyed>(
    before: &[T],
    after: &[T],
    row: impl Fn(T) -> Row,
) -> (Vec<RowChange>, Vec<RowKey>) {
    if before == after {
        return (Vec::new(), Vec::new());
    }
    let old: HashMap<RowKey, &T> = before.iter().map(|r| (r.key(), r)).collect();
    let mut changes = Vec::new();
    let mut keys = Vec::new();
    let mut matched = 0;
    for r in after {
        let k = r.key();
        match old.get(&k) {
            None => changes.push(RowChange::Added(row(*r))),
            Some(prev) => {
                matched += 1;
                if *prev == r {
                    continue;
                }
                changes.push(RowChange::Changed(row(**prev), row(*r)));
            }
        }
        keys.push(k);
    }
    if matched < old.len() {
        let now: HashSet<RowKey> = after.iter().map(Keyed::key).collect();
        for r in before.iter().filter(|r| !now.contains(&r.key())) {
            changes.push(RowChange::Removed(row(*r)));
        }
    }
    (changes, keys)
}
