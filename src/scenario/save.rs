//! Saving a session as a scenario file that `check` accepts and `open` resumes. The
//! author's text is kept as written — comments, order, script — and only its
//! `actions:` field is added or replaced with every action taken since the start.
//! Opening the file replays them, so the resumed world is the same world, event log
//! included. A world loaded without its text (a big generated one) is written out
//! whole instead: the scenario as loaded, every rule explicit, then the actions.

use serde::Serialize;

use crate::model::{Action, Rules, World, format_time};
use crate::scenario::{HistoryState, InvitationSpec, Loaded, Panes, PersonSpec, format_rfc3339};

/// The saved file's shape: the scenario contract's names, every rule explicit.
#[derive(Serialize)]
struct Saved<'a> {
    title: &'a str,
    summary: &'a str,
    start: &'a str,
    seed: u64,
    /// Every rule field, so the file means the same under any future preset defaults.
    rules: &'a Rules,
    panes: Panes,
    people: &'a [PersonSpec],
    connections: &'a [(String, String)],
    invitations: Vec<InvitationSpec>,
    actions: Vec<&'a Action>,
}

/// The file's `invitations:` again, from what the loaded world remembers of them.
fn history(loaded: &Loaded) -> Vec<InvitationSpec> {
    let world = &loaded.setup.world;
    loaded
        .setup
        .history
        .iter()
        .map(|p| {
            let inv = world.invitation(p.invitation);
            let handle = |id| world.person(id).handle.as_str().into();
            let moved = !matches!(p.state, HistoryState::Pending | HistoryState::Expired);
            InvitationSpec {
                from: handle(inv.from),
                to: handle(inv.to),
                sent: format_rfc3339(inv.sent).into(),
                note: inv.note.as_deref().map(str::to_owned),
                state: (p.state != HistoryState::Pending).then_some(p.state),
                changed: moved.then(|| format_rfc3339(p.changed).into()),
            }
        })
        .collect()
}

/// The whole RON text of a session: `loaded` as opened, then `actions` (every one since
/// the scenario's start); `world` is the session's current world.
pub fn to_ron(
    loaded: &Loaded,
    world: &World,
    panes: (&str, &str),
    actions: &[&Action],
) -> Result<String, String> {
    let s = &loaded.scenario;
    let saved = Saved {
        title: &s.title,
        summary: &s.summary,
        start: &s.start,
        seed: world.seed(),
        rules: world.rules(),
        panes: Panes {
            left: panes.0.to_owned(),
            right: panes.1.to_owned(),
        },
        people: &s.people,
        connections: &s.connections,
        invitations: history(loaded),
        actions: actions.to_vec(),
    };
    let config = ron::ser::PrettyConfig::default().struct_names(false);
    let body = ron::ser::to_string_pretty(&saved, config).map_err(|e| e.to_string())?;
    Ok(format!(
        "// Saved by invitesim at {} (simulated) from {}.\n// Open it to resume: invitesim open FILE\nScenario{body}\n",
        format_time(world.local(world.now())),
        loaded.file
    ))
}

/// The session as the author's own text with `actions:` set to `actions`, or `None`
/// when the text has no `Scenario( … )` to put it in.
pub fn splice_actions(source: &str, actions: &[&Action]) -> Option<String> {
    let mut list = String::from("[\n");
    for a in actions {
        let one = super::ron_options().to_string_pretty(a, one_line()).ok()?;
        list.push_str(&format!("        {one},\n"));
    }
    list.push_str("    ]");
    let spans = top_level(source)?;
    Some(match spans.actions {
        Some(value) => format!("{}{list}{}", &source[..value.start], &source[value.end..]),
        // After the last field when it ends with a comma (the usual style), else
        // first: either way not one byte of the author's text changes.
        None => {
            let before = source[..spans.close].trim_end();
            if before.ends_with(',') {
                format!("{before}\n    actions: {list},{}", &source[before.len()..])
            } else {
                let at = spans.open + 1;
                format!("{}\n    actions: {list},{}", &source[..at], &source[at..])
            }
        }
    })
}

/// How an action is written in `actions:`: one line, as an author writes it
/// (`Send(from: "maya", to: "sam", note: "Hi")`).
fn one_line() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new().compact_structs(true)
}

/// Byte spans in a scenario's text: the value of its top-level `actions:` field, if
/// any, and the `)` that closes `Scenario(`.
struct TopLevel {
    actions: Option<std::ops::Range<usize>>,
    open: usize,
    close: usize,
}

/// One pass over the text, skipping strings and comments, tracking bracket depth.
fn top_level(source: &str) -> Option<TopLevel> {
    let bytes = source.as_bytes();
    let (mut i, mut depth) = (0, 0usize);
    let mut actions = None;
    let mut value_start: Option<(usize, usize)> = None; // (start, depth of its bracket)
    let mut last_ident: Option<(usize, usize)> = None;
    let mut open = None;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i += 2;
                while i + 1 < bytes.len() && !(bytes[i] == b'*' && bytes[i + 1] == b'/') {
                    i += 1;
                }
                i += 1;
            }
            b'(' | b'[' | b'{' => {
                if depth == 0 {
                    open = Some(i);
                }
                if depth == 1
                    && b == b'['
                    && last_ident.is_some_and(|(s, e)| &source[s..e] == "actions")
                {
                    value_start = Some((i, depth + 1));
                }
                depth += 1;
            }
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if let Some((start, d)) = value_start
                    && d == depth + 1
                {
                    actions = Some(start..i + 1);
                    value_start = None;
                }
                if depth == 0 && b == b')' {
                    return Some(TopLevel {
                        actions,
                        open: open?,
                        close: i,
                    });
                }
            }
            b':' => {}
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let start = i;
                while i + 1 < bytes.len()
                    && (bytes[i + 1].is_ascii_alphanumeric() || bytes[i + 1] == b'_')
                {
                    i += 1;
                }
                last_ident = Some((start, i + 1));
            }
            c if c.is_ascii_whitespace() => {}
            _ => last_ident = None,
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wait() -> Action {
        Action::wait_days(2)
    }

    #[test]
    fn actions_go_after_a_last_comma_or_first_and_replace_old_ones() {
        let tidy =
            "// mine\nScenario(\n    title: \"actions: [\", // not a field\n    people: [],\n)\n";
        let text = splice_actions(tidy, &[&wait()]).expect("splices");
        assert_eq!(
            text,
            "// mine\nScenario(\n    title: \"actions: [\", // not a field\n    people: [],\n    actions: [\n        Wait(days: 2),\n    ],\n)\n"
        );
        let again = splice_actions(&text, &[]).expect("splices");
        assert!(again.contains("    actions: [\n    ],\n)"), "{again}");
        let terse = "Scenario(title: \"t\", people: [])";
        let text = splice_actions(terse, &[&wait()]).expect("splices");
        assert!(text.starts_with("Scenario(\n    actions: [\n"), "{text}");
        assert!(text.ends_with("],title: \"t\", people: [])"), "{text}");
    }
}
