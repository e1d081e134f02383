//! The RON scenario format: the public contract in DESIGN.md. Names here are not ours to
//! change; every struct denies unknown fields so typos never pass silently.

use compact_str::CompactString;
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::{Action, Chance, Preset, Rules, Standing};

use super::Step;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub title: String,
    #[serde(default)]
    pub summary: String,
    /// The simulated clock at the start, RFC 3339.
    #[serde(deserialize_with = "head_start")]
    pub start: String,
    #[serde(default, deserialize_with = "head_seed")]
    pub seed: Option<u64>,
    #[serde(default, deserialize_with = "head_rules")]
    pub rules: RulesSpec,
    #[serde(default)]
    pub panes: Option<Panes>,
    #[serde(deserialize_with = "head_people")]
    pub people: Vec<PersonSpec>,
    #[serde(default, deserialize_with = "head_connections")]
    pub connections: Vec<(String, String)>,
    /// Handed over to a replay as they are read when the load is streamed (`stream`),
    /// and then left empty here.
    #[serde(default, deserialize_with = "invitations")]
    pub invitations: Vec<InvitationSpec>,
    #[serde(default)]
    pub script: Vec<Step>,
    /// Makes the scenario a lesson for `invitesim learn`; its `script` is the solution.
    #[serde(default)]
    pub lesson: Option<Lesson>,
    /// Actions already taken after the start, applied in order when the file is
    /// opened: how a saved session (`Ctrl-S`) resumes where it was.
    #[serde(default)]
    pub actions: Vec<Action>,
}

/// What a learner must reach with the keys, and help on the way.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// The goal, in words, shown while the lesson runs.
    pub goal: String,
    /// Shown on request (`h`).
    pub hint: String,
    /// The goal is reached when all of these hold after one of the learner's actions.
    pub check: Vec<Expectation>,
}

/// A preset plus any field overridden. For the `Option` fields, leaving the field out
/// keeps the preset's value and writing `None` turns the rule off, hence the double
/// option.
/// The `rules:` block: a preset and any fields overriding it. A field left out keeps
/// the preset's value; `None` is only accepted where the rule itself is optional.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RulesSpec {
    #[serde(default)]
    pub preset: Preset,
    #[serde(default, deserialize_with = "value")]
    pub ignore_archives: Option<bool>,
    #[serde(default, deserialize_with = "value")]
    pub reminder_days: Option<Vec<u32>>,
    #[serde(default, deserialize_with = "value")]
    pub withdraw_wait_days: Option<u32>,
    #[serde(default, deserialize_with = "value")]
    pub expiry_days: Option<Option<u32>>,
    #[serde(default, deserialize_with = "value")]
    pub weekly_limit: Option<Option<u32>>,
    #[serde(default, deserialize_with = "value")]
    pub note_max_chars: Option<u32>,
    #[serde(default, deserialize_with = "value")]
    pub flags_to_warn: Option<u32>,
    #[serde(default, deserialize_with = "value")]
    pub flags_to_restrict: Option<u32>,
    #[serde(default, deserialize_with = "value")]
    pub restriction_days: Option<Option<u32>>,
    #[serde(default, deserialize_with = "value")]
    pub withdraw_needs_no_answer: Option<bool>,
    #[serde(default, deserialize_with = "value")]
    pub reminder_chance: Option<Chance>,
    #[serde(default, deserialize_with = "value")]
    pub warn_chance: Option<Chance>,
    #[serde(default, deserialize_with = "value")]
    pub restriction_escalation: Option<bool>,
}

// The head of the file (what the world is built from before its history), noted for
// a streamed load as it is read (`stream::saw`).
fn head_start<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    String::deserialize(d).inspect(|v| super::stream::saw(|s| s.start(v)))
}

fn head_seed<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    Option::<u64>::deserialize(d).inspect(|v| super::stream::saw(|s| s.seed(*v)))
}

fn head_rules<'de, D: Deserializer<'de>>(d: D) -> Result<RulesSpec, D::Error> {
    RulesSpec::deserialize(d).inspect(|v| super::stream::saw(|s| s.rules(v)))
}

fn head_people<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PersonSpec>, D::Error> {
    Vec::<PersonSpec>::deserialize(d).inspect(|v| super::stream::saw(|s| s.people(v)))
}

fn head_connections<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    Vec::<(String, String)>::deserialize(d).inspect(|v| super::stream::saw(|s| s.connections(v)))
}

/// The history, counted as it is parsed (for a loading screen, `progress`) and, in a
/// streamed load, handed over in chunks as it is read: the same sequence as a `Vec`'s
/// own, with the same errors.
fn invitations<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<InvitationSpec>, D::Error> {
    struct Invitations;
    impl<'de> serde::de::Visitor<'de> for Invitations {
        type Value = Vec<InvitationSpec>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a sequence")
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<InvitationSpec>, A::Error> {
            use super::stream::{CHUNK, begin_invitations, hand_over};
            let streamed = begin_invitations();
            let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(CHUNK));
            let mut count = 0;
            while let Some(mut item) = seq.next_element::<InvitationSpec>()? {
                if streamed {
                    // Here, where the parse has time to spare; `Scenario::sanitize`
                    // cleans the others.
                    item.sanitize();
                }
                items.push(item);
                count += 1;
                if streamed && items.len() == CHUNK {
                    hand_over(std::mem::replace(&mut items, Vec::with_capacity(CHUNK)));
                }
                if count % super::progress::EVERY == 0 {
                    super::progress::parsed(count);
                }
            }
            super::progress::parsed(count);
            if streamed {
                hand_over(std::mem::take(&mut items));
            }
            Ok(items)
        }
    }
    d.deserialize_seq(Invitations)
}

/// A field that was written: its value is read as the rule's own type, so `None` is
/// refused where the rule is not optional and kept where it is (`expiry_days: None`).
fn value<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

impl RulesSpec {
    pub fn rules(&self) -> Rules {
        let r = Rules::preset(self.preset);
        let s = self.clone();
        Rules {
            preset: r.preset,
            ignore_archives: s.ignore_archives.unwrap_or(r.ignore_archives),
            reminder_days: s.reminder_days.unwrap_or(r.reminder_days),
            withdraw_wait_days: s.withdraw_wait_days.unwrap_or(r.withdraw_wait_days),
            expiry_days: s.expiry_days.unwrap_or(r.expiry_days),
            weekly_limit: s.weekly_limit.unwrap_or(r.weekly_limit),
            note_max_chars: s.note_max_chars.unwrap_or(r.note_max_chars),
            flags_to_warn: s.flags_to_warn.unwrap_or(r.flags_to_warn),
            flags_to_restrict: s.flags_to_restrict.unwrap_or(r.flags_to_restrict),
            restriction_days: s.restriction_days.unwrap_or(r.restriction_days),
            withdraw_needs_no_answer: s
                .withdraw_needs_no_answer
                .unwrap_or(r.withdraw_needs_no_answer),
            reminder_chance: s.reminder_chance.unwrap_or(r.reminder_chance),
            warn_chance: s.warn_chance.unwrap_or(r.warn_chance),
            restriction_escalation: s.restriction_escalation.unwrap_or(r.restriction_escalation),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Panes {
    pub left: String,
    pub right: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PersonSpec {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub headline: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct InvitationSpec {
    // Small strings kept inline (ids and RFC 3339 times fit in 24 bytes): a generated
    // file holds a million of these, and the heap allocations were most of the load.
    pub from: CompactString,
    pub to: CompactString,
    /// When it was sent, RFC 3339, at or before the scenario's `start`.
    pub sent: CompactString,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the invitation stands at the start (default `Pending`): a world written
    /// mid-history, as `generate` writes and save / resume reads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<HistoryState>,
    /// When it reached `state`, RFC 3339, between `sent` and the start (default `sent`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed: Option<CompactString>,
}

/// An invitation's state at the scenario's start. Each is reached the way the rules
/// reach it (Seen by an Open at `changed`, Ignored by an Ignore, and so on), so flags,
/// standing, reminders and mail follow from the history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum HistoryState {
    Pending,
    Seen,
    Ignored,
    DontKnow,
    Spam,
    Accepted,
    Withdrawn,
    /// Left unanswered until the rules expired it (needs `expiry_days`).
    Expired,
}

/// A checkable claim about the world at this point of the script.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub enum Expectation {
    /// `who`'s whole view equals the one before the latest action step.
    Unchanged {
        who: String,
    },
    SentShows {
        who: String,
        to: String,
        status: SentExpect,
    },
    InboxShows {
        who: String,
        from: String,
        status: InboxExpect,
    },
    Notified {
        who: String,
        count: u32,
    },
    Emails {
        who: String,
        count: u32,
    },
    Connected {
        a: String,
        b: String,
        is: bool,
    },
    Account {
        who: String,
        status: Standing,
    },
    /// How many tells `who` has had so far in the script (DESIGN V2.1).
    Tells {
        who: String,
        count: u32,
    },
    /// `who` has a "Reply (don't accept yet)" message from `from` (H1303a/b).
    Replied {
        who: String,
        from: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum SentExpect {
    Pending,
    Connected,
    Gone,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
pub enum InboxExpect {
    New,
    Seen,
    Archived,
    Gone,
}

impl Expectation {
    /// `SentShows(maya → sam): Pending`, as transcripts and the script panel print it.
    pub fn summary(&self) -> String {
        match self {
            Expectation::Unchanged { who } => format!("Unchanged({who})"),
            Expectation::SentShows { who, to, status } => {
                format!("SentShows({who} → {to}): {status:?}")
            }
            Expectation::InboxShows { who, from, status } => {
                format!("InboxShows({who} ← {from}): {status:?}")
            }
            Expectation::Notified { who, count } => format!("Notified({who}): {count}"),
            Expectation::Emails { who, count } => format!("Emails({who}): {count}"),
            Expectation::Connected { a, b, is } => format!("Connected({a}, {b}): {is}"),
            Expectation::Account { who, status } => format!("Account({who}): {status:?}"),
            Expectation::Tells { who, count } => format!("Tells({who}): {count}"),
            Expectation::Replied { who, from } => format!("Replied({who} ← {from})"),
        }
    }

    /// Every handle the expectation names, to rewrite them in place.
    pub fn handles_mut(&mut self) -> Vec<&mut String> {
        match self {
            Expectation::Unchanged { who }
            | Expectation::Notified { who, .. }
            | Expectation::Emails { who, .. }
            | Expectation::Account { who, .. }
            | Expectation::Tells { who, .. } => vec![who],
            Expectation::SentShows { who, to, .. } => vec![who, to],
            Expectation::Replied { who, from } => vec![who, from],
            Expectation::InboxShows { who, from, .. } => vec![who, from],
            Expectation::Connected { a, b, .. } => vec![a, b],
        }
    }

    /// Every handle the expectation names, with the field that names it.
    pub fn handles(&self) -> Vec<(&'static str, &str)> {
        match self {
            Expectation::Unchanged { who }
            | Expectation::Notified { who, .. }
            | Expectation::Emails { who, .. }
            | Expectation::Account { who, .. }
            | Expectation::Tells { who, .. } => vec![("who", who)],
            Expectation::SentShows { who, to, .. } => vec![("who", who), ("to", to)],
            Expectation::Replied { who, from } => vec![("who", who), ("from", from)],
            Expectation::InboxShows { who, from, .. } => vec![("who", who), ("from", from)],
            Expectation::Connected { a, b, .. } => vec![("a", a), ("b", b)],
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Quiz {
    pub question: String,
    pub choices: Vec<String>,
    /// Index into `choices`, from 0.
    pub answer: usize,
    #[serde(default)]
    pub explain: String,
}
