//! Save and resume: a session saved as a scenario file opens to the same world, with
//! the same views for everyone and the same event log.

use invitesim::model::{Action, PersonId, Preset};
use invitesim::scenario;
use invitesim::scenario::generate::{Spec, generate};
use invitesim::tui::{App, Theme};
use proptest::prelude::*;

const PEOPLE: usize = 12;

fn handle() -> impl Strategy<Value = String> {
    (0..PEOPLE).prop_map(|i| format!("p{i}"))
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        3 => (handle(), handle(), prop::option::of("[a-z ]{0,20}")).prop_map(|(from, to, note)| Action::Send { from, to, note, email: None }),
        1 => (0u32..20).prop_map(Action::wait_days),
        2 => (handle(), handle()).prop_map(|(by, from)| Action::Open { by, from }),
        2 => (handle(), handle()).prop_map(|(by, from)| Action::Ignore { by, from }),
        2 => (handle(), handle()).prop_map(|(by, from)| Action::Accept { by, from }),
        1 => (handle(), handle()).prop_map(|(by, from)| Action::DontKnow { by, from }),
        1 => (handle(), handle()).prop_map(|(by, from)| Action::ReportSpam { by, from }),
        1 => (handle(), handle()).prop_map(|(by, to)| Action::Withdraw { by, to }),
    ]
}

fn app(seed: u64, modern: bool) -> App {
    App::new(loaded(seed, modern), Theme::plain())
}

fn loaded(seed: u64, modern: bool) -> scenario::Loaded {
    let preset = if modern {
        Preset::Modern
    } else {
        Preset::Classic
    };
    let spec = Spec {
        people: PEOPLE,
        invitations: 30,
        seed,
        days: 200,
        preset,
    };
    let text = generate(&spec).expect("generates");
    scenario::load_source("gen.ron", text.as_bytes()).expect("loads")
}

fn save(app: &App) -> String {
    app.session_text().expect("serializes")
}

/// A session loaded without its text (as a world over 4 MiB is) is written out whole,
/// and still resumes to the same world.
#[test]
fn a_world_without_its_text_is_written_out_whole() {
    let mut whole = loaded(3, false);
    whole.source = None;
    let mut a = App::new(whole, Theme::plain());
    a.act(Action::wait_days(2));
    let text = save(&a);
    assert!(text.starts_with("// Saved by invitesim"), "{text}");
    let loaded = scenario::load_source("s.ron", text.as_bytes()).expect("loads");
    assert_eq!(App::new(loaded, Theme::plain()).world(), a.world());
}

/// The text with its `actions:` field (as a save writes it) taken out again.
fn without_actions(text: &str) -> String {
    let Some(start) = text.find("\n    actions: [") else {
        return text.to_owned();
    };
    let end = start + text[start..].find("\n    ],").expect("closed") + "\n    ],".len();
    format!("{}{}", &text[..start], &text[end..])
}

fn assert_same(a: &App, b: &App) -> Result<(), TestCaseError> {
    prop_assert_eq!(&a.world(), &b.world());
    for i in 0..a.world().people().len() as u32 {
        prop_assert_eq!(a.world().view(PersonId(i)), b.world().view(PersonId(i)));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn save_then_open_gives_the_same_world(
        seed in 0u64..1000, modern in any::<bool>(),
        actions in prop::collection::vec(action(), 0..25),
        again in prop::collection::vec(action(), 0..10),
    ) {
        let mut original = app(seed, modern);
        for a in actions {
            original.act(a);
        }
        let text = save(&original);
        // The author's text is kept byte for byte; only `actions:` is added.
        let source = original.loaded().source.as_deref().expect("a small file keeps its text");
        prop_assert_eq!(without_actions(&text), source);
        let loaded = scenario::load_source("saved.ron", text.as_bytes())
            .map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        let mut resumed = App::new(loaded, Theme::plain());
        assert_same(&original, &resumed)?;
        // A resumed session goes on, and saves again, exactly like the original.
        for a in again {
            original.act(a.clone());
            resumed.act(a);
        }
        let twice = scenario::load_source("twice.ron", save(&resumed).as_bytes()).expect("loads");
        assert_same(&original, &App::new(twice, Theme::plain()))?;
    }
}

#[test]
fn a_saved_tour_checks_and_resumes_mid_script() {
    let loaded = scenario::resolve("tour").expect("tour");
    let mut a = App::new(loaded, Theme::plain());
    for _ in 0..12 {
        a.script_step();
    }
    a.act(Action::wait_days(3));
    let text = save(&a);
    let tour = scenario::builtin::find("tour").expect("tour").source;
    assert_eq!(
        without_actions(&text),
        tour,
        "the tour's text, comments and script kept"
    );
    let loaded = scenario::load_source("s.ron", text.as_bytes()).expect("loads");
    // The script still plays green from the scenario's own start.
    assert!(invitesim::export::story::failures(&loaded).is_none());
    let resumed = App::new(loaded, Theme::plain());
    assert_eq!(resumed.world(), a.world(), "it opens where it was saved");
    let pb = resumed.playback().expect("the script is kept");
    assert!(!pb.following, "exploring, with r to go back to the script");
}
