//! Saving a session as a scenario file that `check` accepts and `open` resumes: the
//! scenario as it was loaded (people, network, the invitations' history, the rules
//! written out in full), plus every action taken since its start. Opening the file
//! replays them, so the resumed world is the same world, event log included.

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
        rules: world.rules(),
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
        format_time(world.local(world.now())),
        loaded.file
    ))
}
