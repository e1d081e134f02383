//! Saving a session as a scenario file that `check` accepts and `open` resumes: the
//! scenario as it was loaded (people, network, the invitations' history, the rules
//! written out in full), plus every action taken since its start. Opening the file
//! replays them, so the resumed world is the same world, event log included.

use serde::Serialize;

use crate::model::{Action, Preset, Rules, World, format_time};
use crate::scenario::{HistoryState, InvitationSpec, Loaded, Panes, PersonSpec, format_rfc3339};

/// The saved file's shape: the scenario contract's names, every rule explicit.
#[derive(Serialize)]
struct Saved<'a> {
    title: &'a str,
    summary: &'a str,
    start: &'a str,
    seed: u64,
    rules: FullRules,
    panes: Panes,
    people: &'a [PersonSpec],
    connections: &'a [(String, String)],
    invitations: Vec<InvitationSpec>,
    actions: Vec<&'a Action>,
}

/// Every rule field, so the file means the same under any future preset defaults.
#[derive(Serialize)]
struct FullRules {
    preset: Preset,
    ignore_archives: bool,
    reminder_days: Vec<u32>,
    withdraw_wait_days: u32,
    expiry_days: Option<u32>,
    weekly_limit: Option<u32>,
    note_max_chars: u32,
    flags_to_warn: u32,
    flags_to_restrict: u32,
    restriction_days: Option<u32>,
}

impl From<&Rules> for FullRules {
    fn from(r: &Rules) -> FullRules {
        FullRules {
            preset: r.preset,
            ignore_archives: r.ignore_archives,
            reminder_days: r.reminder_days.clone(),
            withdraw_wait_days: r.withdraw_wait_days,
            expiry_days: r.expiry_days,
            weekly_limit: r.weekly_limit,
            note_max_chars: r.note_max_chars,
            flags_to_warn: r.flags_to_warn,
            flags_to_restrict: r.flags_to_restrict,
            restriction_days: r.restriction_days,
        }
    }
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
                note: inv.note.clone(),
                state: (p.state != HistoryState::Pending).then_some(p.state),
                changed: moved.then(|| format_rfc3339(p.changed).into()),
            }
        })
        .collect()
}

/// The RON text of a session: `loaded` as opened, then `actions` (the ones taken in
/// the app) after the file's own; `world` is the session's current world.
pub fn to_ron(
    loaded: &Loaded,
    world: &World,
    panes: (&str, &str),
    actions: &[Action],
) -> Result<String, String> {
    let s = &loaded.scenario;
    let saved = Saved {
        title: &s.title,
        summary: &s.summary,
        start: &s.start,
        seed: world.seed(),
        rules: FullRules::from(world.rules()),
        panes: Panes {
            left: panes.0.to_owned(),
            right: panes.1.to_owned(),
        },
        people: &s.people,
        connections: &s.connections,
        invitations: history(loaded),
        actions: loaded.setup.actions.iter().chain(actions).collect(),
    };
    let config = ron::ser::PrettyConfig::default().struct_names(false);
    let body = ron::ser::to_string_pretty(&saved, config).map_err(|e| e.to_string())?;
    Ok(format!(
        "// Saved by invitesim at {} (simulated) from {}.\n// Open it to resume: invitesim open FILE\nScenario{body}\n",
        format_time(world.now()),
        loaded.file
    ))
}
