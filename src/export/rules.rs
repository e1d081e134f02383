//! The rules reference, for users: every rule and constant the simulation runs on, its
//! value in force and in each preset, the sources behind it (page, year), how sure we
//! are, the era it belongs to, and the tells it creates. `invitesim rules` prints it
//! for the rules in force; `docs/RULES.md` is the same text for both presets
//! (`invitesim rules --markdown`, tested current).

use std::fmt::Write as _;

use crate::model::{Preset, Rules, TellKind};

/// A public page a rule rests on.
pub struct Source {
    pub key: &'static str,
    pub title: &'static str,
    pub year: &'static str,
}

pub const SOURCES: &[Source] = &[
    Source {
        key: "H1303",
        title: "LinkedIn Help, answer 1303: \"Accepting or ignoring invitations\" (version a 2015-08, version b 2016-01)",
        year: "2015–2016",
    },
    Source {
        key: "H26",
        title: "LinkedIn Help, answer 26: withdrawing invitations",
        year: "2015",
    },
    Source {
        key: "H3882",
        title: "LinkedIn Help, answer 3882: invitation reminders",
        year: "2013",
    },
    Source {
        key: "R",
        title: "LinkedIn Help, answer 551012: \"Types of restrictions\" (a copy)",
        year: "current",
    },
    Source {
        key: "L",
        title: "LinkedIn Help, answer 550555: \"Invitation limit reached\" (a copy)",
        year: "current",
    },
    Source {
        key: "AZ",
        title: "azcentral: \"What happens when you hit Ignore on LinkedIn\"",
        year: "n.d.",
    },
    Source {
        key: "PBW",
        title: "linkedin.pbworks.com: \"AccountRestriction\"",
        year: "2007–2015",
    },
    Source {
        key: "ETN",
        title: "etn-training.co.uk: \"Help, my account is restricted\"",
        year: "2012",
    },
    Source {
        key: "GLE",
        title: "glerin.com: the 3-day re-invite wait",
        year: "2012",
    },
    Source {
        key: "KEN",
        title: "kennected.io: \"LinkedIn invitation expiration\"",
        year: "n.d.",
    },
    Source {
        key: "DUX",
        title: "dux-soup blog: \"You've reached the weekly invitation limit\"",
        year: "2021+",
    },
    Source {
        key: "LH",
        title: "linkedhelper glossary: \"LinkedIn invitation\"",
        year: "n.d.",
    },
    Source {
        key: "SEED",
        title: "\"How to know if someone declines your connection on LinkedIn\", the article this project was made from",
        year: "n.d.",
    },
];

/// One rule: a field of `Rules` (a constant a scenario may override) or a fixed
/// behaviour of the model.
pub struct RuleInfo {
    /// The `rules:` field, or `None` for a behaviour no field changes.
    pub field: Option<&'static str>,
    pub name: &'static str,
    pub what: &'static str,
    pub sources: &'static [&'static str],
    /// H high, M medium, L low (the model's own choice where the platform is silent).
    pub confidence: char,
    pub era: &'static str,
    pub tells: &'static [TellKind],
}

pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        field: None,
        name: "No decline notifies the sender",
        what: "Ignore, \"I don't know this person\", report spam, no answer and expiry never notify the sender; their Sent list keeps saying Pending. Only what the recipient chooses to send reaches them: an acceptance or a reply.",
        sources: &["H1303", "AZ", "SEED"],
        confidence: 'H',
        era: "both",
        tells: &[],
    },
    RuleInfo {
        field: None,
        name: "Accept",
        what: "Connects the two; the sender's row turns Connected and they get a notification and an email. Works from Invitations, and from the Archive while ignoring archives.",
        sources: &["H1303", "SEED"],
        confidence: 'H',
        era: "both",
        tells: &[TellKind::Accepted],
    },
    RuleInfo {
        field: None,
        name: "Reply (don't accept yet)",
        what: "A message to the sender (one notification and one email carrying the text); the invitation stays where it is, still answerable, and its reminders stop. One reply per invitation.",
        sources: &["H1303", "H3882"],
        confidence: 'H',
        era: "both",
        tells: &[TellKind::Replied],
    },
    RuleInfo {
        field: None,
        name: "\"I don't know this person\"",
        what: "Offered on a pending or ignored invitation: it leaves the recipient's lists, flags the sender once, and stops this sender from inviting this recipient. A later invitation from them is never delivered, and to the sender it looks like any other (Pending, withdrawable, it expires): the platform's behaviour is unknown, so the model takes the choice that reveals nothing.",
        sources: &["H1303", "PBW", "SEED"],
        confidence: 'L',
        era: "both",
        tells: &[TellKind::Crossing, TellKind::Standing],
    },
    RuleInfo {
        field: None,
        name: "Report spam",
        what: "Offered on a pending or ignored invitation: removed entirely (never archived, cannot be accepted later), one flag on the sender.",
        sources: &["H1303", "SEED"],
        confidence: 'H',
        era: "both",
        tells: &[TellKind::Crossing, TellKind::Standing],
    },
    RuleInfo {
        field: None,
        name: "Withdraw",
        what: "Removes the invitation silently from the recipient's lists and stops its reminders.",
        sources: &["R", "LH"],
        confidence: 'M',
        era: "both",
        tells: &[],
    },
    RuleInfo {
        field: None,
        name: "Standing never names anyone",
        what: "Warnings and restrictions are aggregate: they never say who flagged, or which invitation. With few pending invitations, the moment a standing changes may still point at someone.",
        sources: &["PBW", "R", "SEED"],
        confidence: 'M',
        era: "both",
        tells: &[TellKind::Standing],
    },
    RuleInfo {
        field: Some("ignore_archives"),
        name: "Ignore archives",
        what: "Ignore moves the invitation to the recipient's Archive, where it can still be accepted later; when false, Ignore removes it.",
        sources: &["H1303", "AZ", "SEED"],
        confidence: 'H',
        era: "classic (true), modern (false)",
        tells: &[TellKind::Crossing],
    },
    RuleInfo {
        field: Some("reminder_days"),
        name: "Reminder emails",
        what: "Days after sending when a reminder email reaches a recipient who has not answered (at most two; the platform publishes no timing).",
        sources: &["H3882", "KEN", "SEED"],
        confidence: 'M',
        era: "both",
        tells: &[],
    },
    RuleInfo {
        field: Some("reminder_chance"),
        name: "Reminder chance",
        what: "Chance that each reminder is sent (\"this isn't always the case\"), drawn from the scenario's seed.",
        sources: &["SEED", "H3882"],
        confidence: 'L',
        era: "both",
        tells: &[],
    },
    RuleInfo {
        field: Some("withdraw_wait_days"),
        name: "Re-invite wait",
        what: "Days after a withdrawal before the sender can invite the same person again, counted from the withdrawal (in 2012: 3 days from the original send).",
        sources: &["R", "LH", "GLE"],
        confidence: 'M',
        era: "both",
        tells: &[],
    },
    RuleInfo {
        field: Some("withdraw_needs_no_answer"),
        name: "Withdraw only while unanswered",
        what: "Withdraw is refused, in neutral words, once the recipient has ignored, flagged or replied to the invitation (opening is not an answer).",
        sources: &["H26"],
        confidence: 'M',
        era: "classic",
        tells: &[TellKind::WithdrawRefused],
    },
    RuleInfo {
        field: Some("expiry_days"),
        name: "Expiry",
        what: "Days after which a pending invitation expires, silently on both sides. Expiry is not a decline.",
        sources: &["KEN", "H26"],
        confidence: 'M',
        era: "modern",
        tells: &[TellKind::Expired],
    },
    RuleInfo {
        field: Some("weekly_limit"),
        name: "Weekly limit",
        what: "Invitations one sender may send in any 7 × 24 hours.",
        sources: &["DUX", "LH", "L"],
        confidence: 'M',
        era: "modern",
        tells: &[],
    },
    RuleInfo {
        field: Some("note_max_chars"),
        name: "Note length",
        what: "Longest note on an invitation, and longest reply, in characters (200 on free accounts, recently).",
        sources: &["LH"],
        confidence: 'M',
        era: "both",
        tells: &[],
    },
    RuleInfo {
        field: Some("flags_to_warn"),
        name: "Flags before a warning",
        what: "\"I don't know\" and spam flags against a sender before the account is warned. No number is published: 3 is the model's choice.",
        sources: &["PBW"],
        confidence: 'L',
        era: "both",
        tells: &[TellKind::Standing],
    },
    RuleInfo {
        field: Some("warn_chance"),
        name: "Warning chance",
        what: "Chance that reaching flags_to_warn warns the sender (\"a probability\"), drawn from the scenario's seed.",
        sources: &["SEED", "AZ", "PBW"],
        confidence: 'L',
        era: "both",
        tells: &[TellKind::Standing],
    },
    RuleInfo {
        field: Some("flags_to_restrict"),
        name: "Flags before a restriction",
        what: "Flags before the account is restricted (about five).",
        sources: &["PBW"],
        confidence: 'M',
        era: "both",
        tells: &[TellKind::Standing],
    },
    RuleInfo {
        field: Some("restriction_days"),
        name: "Restriction",
        what: "None: restricted until lifted, and the sender must give the recipient's email address to invite (classic). A number: no invitations at all for that many days (modern).",
        sources: &["PBW", "R", "L"],
        confidence: 'M',
        era: "classic (None), modern (7)",
        tells: &[TellKind::Standing],
    },
    RuleInfo {
        field: Some("restriction_escalation"),
        name: "Longer restrictions when repeated",
        what: "Each restriction after the first lasts twice as long, at most 30 days. The platform's \"hours the first time\" is not modelled.",
        sources: &["R", "L"],
        confidence: 'M',
        era: "modern",
        tells: &[],
    },
];

/// The value of a `Rules` field as a scenario writes it (`None`, `Some(183)` as `183`).
pub fn value(rules: &Rules, field: &str) -> String {
    let Ok(serde_json::Value::Object(map)) = serde_json::to_value(rules) else {
        return String::new();
    };
    match map.get(field) {
        None | Some(serde_json::Value::Null) => "None".to_owned(),
        Some(v) => v.to_string(),
    }
}

fn source_title(key: &str) -> &'static str {
    SOURCES
        .iter()
        .find(|s| s.key == key)
        .map_or("", |s| s.title)
}

fn tell_names(tells: &[TellKind]) -> String {
    if tells.is_empty() {
        return "none".to_owned();
    }
    tells
        .iter()
        .map(|t| format!("{} ({})", t.name(), t.source()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The reference as plain text, for the rules in force (`origin` says where they came from).
pub fn text(rules: &Rules, origin: &str) -> String {
    let mut out = String::new();
    let custom = if rules.is_customised() {
        ", customised"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "Rules in force: {} preset{custom} ({origin})\n",
        rules.preset.name()
    );
    for r in RULES {
        let _ = match r.field {
            Some(f) => writeln!(out, "{f} = {}  — {}", value(rules, f), r.name),
            None => writeln!(out, "{}", r.name),
        };
        let _ = writeln!(out, "    {}", r.what);
        if let Some(f) = r.field {
            let _ = writeln!(
                out,
                "    classic: {} · modern: {}",
                value(&Rules::classic(), f),
                value(&Rules::modern(), f)
            );
        }
        let _ = writeln!(
            out,
            "    source: {} · confidence {} · era: {} · tells: {}\n",
            r.sources.join(", "),
            r.confidence,
            r.era,
            tell_names(r.tells)
        );
    }
    let _ = writeln!(out, "Sources:");
    for s in SOURCES {
        let _ = writeln!(out, "  {:<5} {} ({})", s.key, s.title, s.year);
    }
    out
}

/// The whole reference as Markdown: `docs/RULES.md`.
pub fn markdown() -> String {
    let (classic, modern) = (
        Rules::preset(Preset::Classic),
        Rules::preset(Preset::Modern),
    );
    let mut out = String::from(
        "# The rules invitesim runs on\n\n\
         Generated by `invitesim rules --markdown`; `invitesim rules [--preset P] [FILE|NAME]` \
         prints the rules in force for a scenario. Confidence: H high, M medium, L low — where \
         the platform's behaviour is not known, the model takes the choice that reveals \
         nothing to the sender, and says so here.\n\n\
         ## Rules and constants\n\n\
         | rule | `rules:` field | classic | modern | what it does | sources | confidence | era | tells |\n\
         |---|---|---|---|---|---|---|---|---|\n",
    );
    for r in RULES {
        let (field, c, m) = match r.field {
            Some(f) => (format!("`{f}`"), value(&classic, f), value(&modern, f)),
            None => ("—".to_owned(), "always".to_owned(), "always".to_owned()),
        };
        let _ = writeln!(
            out,
            "| {} | {field} | {c} | {m} | {} | {} | {} | {} | {} |",
            r.name,
            r.what,
            r.sources.join(", "),
            r.confidence,
            r.era,
            tell_names(r.tells)
        );
    }
    out.push_str(
        "\n## What the sender can infer: the tells\n\n\
         Each tell is derived only from the sender's own screen: their views before and after \
         a step, and what their own actions did. Nothing else a sender can see depends on a \
         recipient's hidden answer (a property test and a fuzz target check this).\n\n\
         | tell | what the sender sees | what it means | source |\n|---|---|---|---|\n",
    );
    for t in TellKind::ALL {
        let (sees, means) = match t {
            TellKind::Accepted => (
                "the row turns Connected; a notification and an email",
                "they accepted",
            ),
            TellKind::Replied => (
                "a message from the recipient; the row still says Pending",
                "they saw it and answered, without accepting yet",
            ),
            TellKind::Standing => (
                "the account is warned or restricted, at a known moment",
                "enough recipients flagged — never who",
            ),
            TellKind::WithdrawRefused => (
                "Withdraw is refused on a Pending row (classic)",
                "the recipient answered it — ignore, flag or reply, not which",
            ),
            TellKind::Crossing => (
                "their invitation arrives while yours to them says Pending",
                "they removed yours (\"I don't know\", spam; modern: ignore)",
            ),
            TellKind::Expired => (
                "a Pending row vanishes at the expiry age, with no message",
                "it expired — not a decline",
            ),
        };
        let _ = writeln!(out, "| {} | {sees} | {means} | {} |", t.name(), t.source());
    }
    out.push_str(
        "\nNever visible to a sender: who flagged them, whether an invitation was opened, \
         ignored or never seen, and whether a later invitation was delivered.\n\n\
         ## Sources\n\n| key | page | year |\n|---|---|---|\n",
    );
    for s in SOURCES {
        let _ = writeln!(out, "| {} | {} | {} |", s.key, s.title, s.year);
    }
    out
}

/// True when every source a rule or tell cites is in `SOURCES`.
pub fn sources_complete() -> bool {
    let cited = RULES
        .iter()
        .flat_map(|r| r.sources.iter().copied())
        .chain(TellKind::ALL.iter().flat_map(|t| t.source().split(", ")));
    cited
        .map(|k| k.trim_end_matches("a/b"))
        .all(|k| !source_title(k).is_empty())
}
