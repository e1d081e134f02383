//! Screen tests: the app driven by key events, rendered into ratatui's TestBackend and
//! compared with reviewed snapshots at 80×24 and 160×40; rendering never panics at any
//! size after any keys.

use invitesim::scenario;
use invitesim::tui::key::{Code, Input, Key, Mouse, MouseKind};
use invitesim::tui::{App, Theme};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(name: &str) -> App {
    let loaded = scenario::resolve(name).expect("built-in loads");
    App::new(loaded, Theme::plain())
}

fn press(app: &mut App, keys: &str) {
    for c in keys.chars() {
        let code = match c {
            '\t' => Code::Tab,
            '\n' => Code::Enter,
            '\x1b' => Code::Esc,
            c => Code::Char(c),
        };
        app.press(Key::new(code));
    }
}

fn screen(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("draw");
    terminal.backend().to_string()
}

/// Maya (left pane) invites Sam (right) with a note; focus ends on Sam's Invitations.
fn maya_invites_sam() -> App {
    let mut a = app("tour");
    press(&mut a, "n\nLoved your talk!\n\t");
    a
}

macro_rules! snap {
    ($name:literal, $app:expr) => {{
        let app = &$app;
        insta::assert_snapshot!(concat!($name, "_80x24"), screen(app, 80, 24));
        insta::assert_snapshot!(concat!($name, "_160x40"), screen(app, 160, 40));
    }};
}

#[test]
fn start() {
    snap!("start", app("tour"));
}

#[test]
fn send_changes_both_screens() {
    let a = maya_invites_sam();
    let s = screen(&a, 160, 40);
    assert_eq!(s.matches("CHANGED").count(), 2, "{s}");
    snap!("send", a);
}

#[test]
fn ignore_leaves_the_sender_unchanged_and_says_so() {
    let mut a = maya_invites_sam();
    press(&mut a, "i");
    let s = screen(&a, 80, 24);
    assert!(s.contains("UNCHANGED"), "{s}");
    assert!(s.contains("Maya is not told"), "{s}");
    snap!("ignore", a);
}

#[test]
fn open_is_not_told() {
    let mut a = maya_invites_sam();
    press(&mut a, "o");
    assert!(screen(&a, 160, 40).contains("UNCHANGED · not told"));
    snap!("open", a);
}

#[test]
fn accept_later_from_the_archive_tells_the_sender() {
    let mut a = maya_invites_sam();
    press(&mut a, "i2a");
    let s = screen(&a, 160, 40);
    assert_eq!(
        s.matches("CHANGED").count() - s.matches("UNCHANGED").count(),
        2,
        "{s}"
    );
    assert!(
        s.contains("Notifications: + \"Sam Ortiz accepted your invitation\""),
        "{s}"
    );
    snap!("accept_later", a);
}

#[test]
fn dont_know_and_spam_leave_the_sender_unchanged() {
    let mut a = maya_invites_sam();
    press(&mut a, "d");
    assert!(screen(&a, 80, 24).contains("Maya is not told"));
    snap!("dont_know", a);
    let mut a = maya_invites_sam();
    press(&mut a, "s");
    assert!(screen(&a, 80, 24).contains("Maya is not told"));
    snap!("spam", a);
}

#[test]
fn withdraw_from_the_sent_tab() {
    let mut a = maya_invites_sam();
    press(&mut a, "\t3w");
    assert!(screen(&a, 160, 40).contains("Maya Chen withdrew the invitation to Sam Ortiz"));
    snap!("withdraw", a);
}

#[test]
fn clock_week_sends_reminders_to_the_recipient_only() {
    let mut a = maya_invites_sam();
    press(&mut a, "T5");
    let s = screen(&a, 160, 40);
    assert!(
        s.contains("reminder email #1 about Maya Chen's invitation"),
        "{s}"
    );
    snap!("week", a);
}

#[test]
fn refusal_shows_the_reason() {
    let mut a = maya_invites_sam();
    press(&mut a, "\t3w");
    press(&mut a, "n\n\n");
    let s = screen(&a, 160, 40);
    // The picker knows what Maya knows: she withdrew, so not yet, and says when.
    assert!(
        s.contains("Not now: Maya Chen withdrew an invitation to Sam Ortiz"),
        "{s}"
    );
    assert!(s.contains("can invite Sam Ortiz again on"), "{s}");
    snap!("refused", a);
}

#[test]
fn an_answer_with_nothing_selected_explains_where_to_go() {
    let mut a = app("tour");
    press(&mut a, "i");
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("i answers a received invitation: this list is empty."),
        "{s}"
    );
    press(&mut a, "3i");
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("i answers a received invitation: go to the Invitations (1) or"),
        "{s}"
    );
}

#[test]
fn undo_replays_to_the_state_before() {
    let mut a = maya_invites_sam();
    press(&mut a, "i");
    press(&mut a, "u");
    let s = screen(&a, 160, 40);
    assert!(s.contains("Undone: Sam Ortiz pressed Ignore"), "{s}");
    let fresh = maya_invites_sam();
    assert_eq!(a.world().log(), fresh.world().log());
    press(&mut a, "uu");
    assert!(screen(&a, 80, 24).contains("Nothing to undo"));
}

#[test]
fn help_overlay() {
    let mut a = app("tour");
    press(&mut a, "?");
    snap!("help", a);
    press(&mut a, "\x1b");
    assert!(!screen(&a, 80, 24).contains("Keys, and what the sender sees"));
    assert!(!a.quitting(), "Esc closes the overlay before it quits");
}

#[test]
fn xray_shows_the_truth_beside_the_senders_rows() {
    let mut a = maya_invites_sam();
    press(&mut a, "i\t3x");
    let s = screen(&a, 160, 40);
    assert!(s.contains("⟂ truth: ignored"), "{s}");
    assert!(s.contains("Pending"), "{s}");
    snap!("xray", a);
}

#[test]
fn new_invitation_flow() {
    let mut a = app("tour");
    press(&mut a, "n");
    snap!("picker", a);
    press(&mut a, "jo");
    let s = screen(&a, 80, 24);
    assert!(
        s.contains("Jo Brennan") && !s.contains("Priya Nair ·"),
        "{s}"
    );
    press(&mut a, "\nCoffee?");
    snap!("compose", a);
    press(&mut a, "\n");
    assert!(screen(&a, 80, 24).contains("Maya Chen invited Jo Brennan with a note"));
}

#[test]
fn pick_who_a_pane_shows() {
    let mut a = app("tour");
    press(&mut a, "plee\n");
    assert!(screen(&a, 160, 40).contains("Lee Park · Recruiter"));
}

#[test]
fn tiny_terminal_says_so() {
    let a = app("tour");
    insta::assert_snapshot!("tiny_50x12", screen(&a, 50, 12));
    let one = screen(&a, 1, 1);
    assert_eq!(one.lines().count(), 1);
}

#[test]
fn quit_keys() {
    for keys in ["q", "\x1b"] {
        let mut a = app("tour");
        press(&mut a, keys);
        assert!(a.quitting(), "{keys:?} quits");
    }
    let mut a = app("tour");
    a.press(Key::ctrl('c'));
    assert!(a.quitting());
}

fn key_strategy() -> impl Strategy<Value = Key> {
    prop_oneof![
        prop::sample::select(
            "aidsowntTxpu?[]1234567jkgGq\u{1b}m/y .,rRbc"
                .chars()
                .collect::<Vec<_>>()
        )
        .prop_map(Key::char),
        Just(Key::new(Code::Tab)),
        Just(Key::new(Code::Enter)),
        Just(Key::new(Code::Esc)),
        Just(Key::new(Code::Backspace)),
        Just(Key::new(Code::Down)),
        Just(Key::new(Code::Up)),
        Just(Key::new(Code::PageDown)),
        Just(Key::new(Code::PageUp)),
        // Not Ctrl-S: Enter in its dialog would write files into the working folder.
        Just(Key::ctrl('w')),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any size from 1x1 to 500x200, any keys: the app renders without panicking.
    #[test]
    fn rendering_never_panics(
        w in 1u16..=500, h in 1u16..=200,
        keys in prop::collection::vec(key_strategy(), 0..40),
        builtin in prop::sample::select(vec!["tour", "modern-rules", "dont-know-and-warnings"]),
    ) {
        let mut a = app(builtin);
        for k in keys {
            // `q` and Esc outside overlays would end a real session; keep going here.
            a.press(k);
            if u32::from(w) * u32::from(h) < 20_000 {
                let _ = screen(&a, w, h);
            }
        }
        let _ = screen(&a, w, h);
    }
}

#[test]
fn mouse_clicks_focus_panes_pick_tabs_and_select_rows() {
    let mut a = maya_invites_sam();
    press(&mut a, "\t"); // focus Maya
    let _ = screen(&a, 160, 40);
    let click = |a: &mut App, column, row| {
        a.input(Input::Mouse(Mouse {
            kind: MouseKind::Click,
            column,
            row,
        }));
        let _ = screen(a, 160, 40);
    };
    // The right pane's first row (Sam's newest invitation, from Maya).
    click(&mut a, 100, 3);
    assert_eq!(a.focus(), 1);
    // Its second row is Lee's invitation: two lines per row.
    click(&mut a, 100, 5);
    assert_eq!(a.pane(1).selected(), 1);
    // "Network" in the left pane's tab line (full labels at this width).
    click(&mut a, 60, 2);
    assert_eq!(
        (a.focus(), a.pane(0).tab()),
        (0, invitesim::model::Tab::Network)
    );
}

#[test]
fn the_readme_key_table_lists_every_key_in_the_keymap() {
    let readme = include_str!("../README.md");
    use invitesim::tui::keymap::{Keymap, Layer};
    let map = Keymap::default();
    for layer in [Layer::Main, Layer::Playback, Layer::Lesson, Layer::Quiz] {
        for (key, command) in map.bindings(layer) {
            // One row for each range: `1`–`7` for tabs, `a`–`i` for a quiz's answers.
            if let invitesim::tui::keymap::Command::Answer(_) = command {
                assert!(
                    readme.contains("`a`–`i`"),
                    "README key table lacks the quiz letters"
                );
                continue;
            }
            if let invitesim::tui::keymap::Command::Tab(_) = command {
                assert!(
                    readme.contains("`1`–`7`"),
                    "README key table lacks the tab digits"
                );
                continue;
            }
            let key = invitesim::tui::key::label(*key);
            assert!(
                readme.contains(&format!("`{key}`")),
                "README key table lacks `{key}` ({})",
                command.describe()
            );
        }
    }
}

#[test]
fn playback_steps_narrates_and_marks_expectations() {
    let mut a = app("tour");
    let s = screen(&a, 120, 36);
    assert!(s.contains("Script 0/46 · paused · Space plays"), "{s}");
    press(&mut a, "..");
    let s = screen(&a, 120, 36);
    assert!(s.contains("» Maya (left) invites Sam"), "{s}");
    assert!(
        s.contains("Maya Chen invited Sam Ortiz with a note."),
        "{s}"
    );
    press(&mut a, ".");
    assert!(screen(&a, 120, 36).contains("✓ Expect SentShows(maya → sam): Pending"));
    snap!("playback", a);
}

#[test]
fn quizzes_pause_ask_and_explain() {
    let mut a = app("tour");
    press(&mut a, &".".repeat(16));
    let s = screen(&a, 120, 36);
    assert!(s.contains("Press a–c to answer"), "{s}");
    press(&mut a, "."); // an unanswered quiz holds the script, and says so
    let s = screen(&a, 120, 36);
    assert!(s.contains("Press a–c to answer"), "{s}");
    assert!(s.contains("Answer the quiz first: a–c."), "{s}");
    press(&mut a, "a");
    let s = screen(&a, 120, 36);
    assert!(s.contains("Not quite."), "{s}");
    snap!("quiz", a);
    press(&mut a, ".");
    assert!(!screen(&a, 120, 36).contains("Not quite."));
}

#[test]
fn back_rewinds_by_replay_and_restart_returns() {
    let mut a = app("tour");
    press(&mut a, "......");
    let at_six = a.world().log().to_vec();
    press(&mut a, ".");
    press(&mut a, ",");
    assert_eq!(a.world().log(), at_six.as_slice());
    assert_eq!(a.playback().map(|p| p.position()), Some(6));
    press(&mut a, "r");
    assert!(screen(&a, 120, 36).contains("You are following the script already"));
    press(&mut a, "R");
    assert_eq!(a.playback().map(|p| p.position()), Some(0));
    assert!(a.world().log().len() < at_six.len());
}

#[test]
fn an_action_key_takes_over_and_r_returns_to_the_script() {
    let mut a = app("tour");
    press(&mut a, "..");
    press(&mut a, "\ti");
    let s = screen(&a, 120, 36);
    assert!(
        s.contains("exploring on your own · r returns to the script"),
        "{s}"
    );
    assert!(!s.contains("Script 2/46"), "{s}");
    press(&mut a, "."); // the script does not move while exploring
    assert_eq!(a.playback().map(|p| p.position()), Some(2));
    press(&mut a, "ry"); // asks first: the ignore would be discarded
    assert!(
        screen(&a, 120, 36).contains("Script 2/46"),
        "back where it was left"
    );
}

#[test]
fn the_end_shows_a_summary_and_keeps_both_panes() {
    let mut a = app("tour");
    while a.playback().is_some_and(|p| !p.is_done()) {
        let key = if a.quiz_waiting() { "b" } else { "." };
        press(&mut a, key);
    }
    let s = screen(&a, 120, 36);
    assert!(
        s.contains("End of the script: 36 of 36 checks held · quizzes 1 of 1 right"),
        "{s}"
    );
    assert!(
        s.contains("Maya Chen · Growth marketer") && s.contains("Sam Ortiz · Founder"),
        "{s}"
    );
    snap!("end", a);
}

#[test]
fn play_pause_and_the_tick() {
    let mut a = app("tour");
    assert_eq!(a.next_tick(), None);
    press(&mut a, " ");
    assert!(a.next_tick().is_some());
    press(&mut a, " ");
    assert_eq!(a.next_tick(), None);
}

fn lesson(name: &str) -> App {
    let b = scenario::builtin::find(name).expect("a lesson");
    let loaded = scenario::load_source(b.name, b.source.as_bytes()).expect("loads");
    let index = scenario::builtin::LESSONS
        .iter()
        .position(|l| l.name == name)
        .expect("listed");
    let total = scenario::builtin::LESSONS.len();
    let course = invitesim::tui::Course::new((index, total), name, Default::default(), None);
    App::for_lesson(loaded, Theme::plain(), course)
}

#[test]
fn a_lesson_is_done_in_place_with_the_keys() {
    let mut a = lesson("lesson-01-never-told");
    let s = screen(&a, 120, 36);
    assert!(
        s.contains("Lesson 1 of 7") && s.contains("Goal: As Sam"),
        "{s}"
    );
    press(&mut a, "h");
    assert!(screen(&a, 120, 36).contains("Hint: Sam's pane (right) has the focus"));
    press(&mut a, "i");
    let s = screen(&a, 120, 36);
    assert!(s.contains("✓ Goal reached."), "{s}");
    assert!(s.contains("Press a–c to answer"), "{s}");
    press(&mut a, "3");
    assert_eq!(
        a.pane(a.focus()).tab(),
        invitesim::model::Tab::Sent,
        "3 is still a tab"
    );
    press(&mut a, "c");
    let s = screen(&a, 120, 36);
    assert!(
        s.contains("Right.") && s.contains("Enter: next lesson"),
        "{s}"
    );
    snap!("lesson_done", a);
    press(&mut a, "\n");
    let course = a.course().expect("course");
    assert!(a.quitting() && course.advance);
    assert!(course.progress.done.contains("lesson-01-never-told"));
}

#[test]
fn watching_the_solution_does_not_count() {
    let mut a = lesson("lesson-04-spam-removes");
    press(&mut a, "S");
    while a.playback().is_some_and(|p| !p.is_done()) {
        let key = if a.quiz_waiting() { "a" } else { "." };
        press(&mut a, key);
    }
    assert!(!a.course().expect("course").reached);
    // Taking over and doing it oneself does.
    press(&mut a, "R");
    press(&mut a, "s"); // Sam's pane has had the focus since the lesson opened
    assert!(a.course().expect("course").reached);
}

fn generated(people: usize, invitations: usize) -> App {
    use invitesim::scenario::generate::{Spec, generate};
    let spec = Spec {
        people,
        invitations,
        seed: 7,
        days: 90,
        preset: invitesim::model::Preset::Classic,
    };
    let text = generate(&spec).expect("generates");
    let loaded = scenario::load_source("gen.ron", text.as_bytes()).expect("loads");
    App::new(loaded, Theme::plain())
}

#[test]
fn xray_on_a_busy_sent_tab_counts_the_truth_behind_pending() {
    let mut a = generated(80, 1500);
    press(&mut a, "3");
    let s = screen(&a, 160, 40);
    let pending = a.pane(0).counts().pending;
    assert!(pending > 20, "the busiest sender has many pending rows");
    assert!(s.contains(&format!("{pending} pending ·")), "{s}");
    assert!(
        !s.contains("⟂ of the"),
        "the truth stays hidden without x-ray"
    );
    press(&mut a, "x");
    let s = screen(&a, 160, 40);
    assert!(s.contains(&format!("⟂ of the {pending} pending: ")), "{s}");
    let t = *a.pane(0).counts();
    assert_eq!(
        t.pending,
        t.not_opened + t.opened + t.ignored + t.dont_know + t.spam
    );
}

/// Counts what the crossterm backend writes.
#[derive(Clone, Default)]
struct Counter(std::rc::Rc<std::cell::Cell<usize>>);

impl std::io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn moving_the_selection_writes_under_a_kilobyte_at_200x50() {
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::{TerminalOptions, Viewport};
    let mut a = generated(80, 1500);
    press(&mut a, "3");
    let counter = Counter::default();
    let viewport = Viewport::Fixed(Rect::new(0, 0, 200, 50));
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(counter.clone()),
        TerminalOptions { viewport },
    )
    .expect("terminal");
    terminal
        .draw(|f| f.render_widget(&a, f.area()))
        .expect("draw");
    let first = counter.0.get();
    assert!(
        first > 5_000,
        "the first frame draws everything ({first} bytes)"
    );
    for _ in 0..3 {
        counter.0.set(0);
        press(&mut a, "j");
        terminal
            .draw(|f| f.render_widget(&a, f.area()))
            .expect("draw");
        let bytes = counter.0.get();
        assert!(bytes <= 1024, "moving one row wrote {bytes} bytes");
        assert!(bytes > 0, "the selection moved on screen");
    }
}

fn ctrl(c: char) -> Key {
    Key::ctrl(c)
}

#[test]
fn quitting_asks_once_after_exploring_but_not_after_watching() {
    let mut a = app("tour");
    press(&mut a, "...."); // watching the script
    press(&mut a, "q");
    assert!(a.quitting(), "watching is not exploring: q quits at once");

    let mut a = app("tour");
    press(&mut a, "t"); // exploring
    press(&mut a, "q");
    assert!(!a.quitting());
    assert!(screen(&a, 80, 24).contains("Quit without saving?"));
    press(&mut a, "\x1b");
    assert!(!a.quitting(), "Esc stays");
    a.press(ctrl('c'));
    assert!(!a.quitting(), "Ctrl-C asks too");
    a.press(ctrl('c'));
    assert!(a.quitting(), "and quits when asked twice");
}

#[test]
fn ctrl_s_saves_a_session_that_resumes_and_never_overwrites_unasked() {
    let dir = std::env::temp_dir().join(format!("invitesim-save-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let mut a = app("tour");
    press(&mut a, "..\ti");
    a.press(ctrl('s'));
    assert!(
        screen(&a, 100, 30).contains("tour.saved.ron"),
        "a default path beside, not over"
    );
    // Type a path of our own.
    let Some(invitesim::tui::Overlay::Save(s)) = Some(a.overlay().clone()) else {
        panic!("save prompt")
    };
    for _ in 0..s.path.chars() {
        a.press(Key::new(Code::Backspace));
    }
    let path = dir.join("mine.ron");
    press(&mut a, &format!("{}\n", path.display()));
    assert!(
        screen(&a, 100, 30).contains("Saved to"),
        "{}",
        screen(&a, 100, 30)
    );
    assert!(!a.dirty());
    press(&mut a, "q");
    assert!(a.quitting(), "saved: q quits at once");
    let resumed = App::new(
        scenario::resolve(&path.to_string_lossy()).expect("the saved file loads"),
        Theme::plain(),
    );
    assert_eq!(resumed.world(), a.world());

    // Saving over an existing file asks first; n goes back to editing.
    let mut b = App::new(
        scenario::resolve(&path.to_string_lossy()).expect("loads"),
        Theme::plain(),
    );
    press(&mut b, "t");
    b.press(ctrl('s'));
    let Some(invitesim::tui::Overlay::Save(s)) = Some(b.overlay().clone()) else {
        panic!("save prompt")
    };
    assert_eq!(s.path.text(), dir.join("mine.saved.ron").to_string_lossy());
    std::fs::write(dir.join("mine.saved.ron"), "precious").expect("write");
    press(&mut b, "\n");
    assert!(screen(&b, 100, 30).contains("Overwrite it?"));
    press(&mut b, "n");
    assert_eq!(
        std::fs::read_to_string(dir.join("mine.saved.ron")).expect("read"),
        "precious"
    );
    press(&mut b, "\ny");
    assert!(
        std::fs::read_to_string(dir.join("mine.saved.ron"))
            .expect("read")
            .contains("Scenario(")
    );
}

#[test]
fn a_failed_save_says_why_and_loses_nothing() {
    let mut a = app("tour");
    press(&mut a, "t");
    a.press(ctrl('s'));
    let Some(invitesim::tui::Overlay::Save(s)) = Some(a.overlay().clone()) else {
        panic!("save prompt")
    };
    for _ in 0..s.path.chars() {
        a.press(Key::new(Code::Backspace));
    }
    let before = a.world().clone();
    press(&mut a, "/nonexistent-dir/x.ron\n");
    let s = screen(&a, 100, 30);
    assert!(
        s.contains("Could not save:") && s.contains("Nothing was lost"),
        "{s}"
    );
    assert_eq!(a.world(), &before);
    assert!(a.dirty());
}

#[test]
fn saving_from_the_quit_prompt_says_where_it_went() {
    let dir = std::env::temp_dir().join(format!("invitesim-quitsave-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let mut a = app("tour");
    press(&mut a, "\tt");
    press(&mut a, "q");
    a.press(ctrl('s'));
    let Some(invitesim::tui::Overlay::Save(s)) = Some(a.overlay().clone()) else {
        panic!("save prompt")
    };
    for _ in 0..s.path.chars() {
        a.press(Key::new(Code::Backspace));
    }
    press(&mut a, &format!("{}\n", dir.join("q.ron").display()));
    let s = screen(&a, 100, 30);
    assert!(s.contains("Saved to"), "{s}");
    press(&mut a, "q");
    assert!(a.quitting());
}

#[test]
fn reply_reaches_the_sender_who_can_infer_it() {
    let mut a = maya_invites_sam();
    press(&mut a, "y");
    let s = screen(&a, 160, 40);
    assert!(s.contains("Reply without accepting"), "{s}");
    press(&mut a, "Where did we meet?\n");
    let s = screen(&a, 160, 40);
    assert!(
        s.contains("Sam Ortiz replied to Maya Chen's invitation without accepting."),
        "{s}"
    );
    assert!(
        s.contains("What Maya can infer: Sam Ortiz replied without accepting"),
        "{s}"
    );
    snap!("reply", a);
}

#[test]
fn a_note_over_the_limit_keeps_the_dialog_and_the_text() {
    let mut a = app("tour");
    press(&mut a, "n\n");
    press(&mut a, &"x".repeat(301));
    press(&mut a, "\n");
    let s = screen(&a, 120, 36);
    assert!(s.contains("New invitation"), "the dialog stays open:\n{s}");
    assert!(
        s.contains("The note has 301 characters; the limit is 300. Shorten it (Ctrl-W"),
        "{s}"
    );
    assert!(s.contains(&"x".repeat(60)), "the text is kept:\n{s}");
    a.press(Key::new(Code::Backspace));
    press(&mut a, "\n");
    let s = screen(&a, 120, 36);
    assert!(!s.contains("New invitation"), "{s}");
    assert!(s.contains("invited"), "sent once short enough:\n{s}");
}

#[test]
fn the_picker_marks_who_cannot_be_invited_and_says_why_before_any_note() {
    let mut a = maya_invites_sam();
    press(&mut a, "\tn");
    let s = screen(&a, 120, 36);
    assert!(s.contains("Sam Ortiz"), "{s}");
    assert!(s.contains("(invitation pending)"), "{s}");
    assert!(s.contains("(connected)"), "{s}");
    // Choose Sam: refused before the composer opens, with the reason.
    press(&mut a, "sam\n");
    let s = screen(&a, 120, 36);
    assert!(!s.contains("New invitation"), "{s}");
    assert!(
        s.contains("Not now: Maya Chen already has a pending invitation to Sam"),
        "{s}"
    );
    snap!("picker_marks", a);
}

#[test]
fn keys_that_do_nothing_say_why_and_toggles_say_what_they_did() {
    let mut a = maya_invites_sam();
    press(&mut a, " ");
    let s = screen(&a, 120, 36);
    assert!(
        s.contains("You are exploring on your own: r goes back to the script"),
        "{s}"
    );
    press(&mut a, "m");
    assert!(screen(&a, 120, 36).contains("Mouse capture off: the terminal can select text"));
    press(&mut a, "m");
    assert!(screen(&a, 120, 36).contains("Mouse capture on"));
    let loaded = scenario::load_source(
        "s.ron",
        br#"Scenario(title: "t", start: "2026-03-02T09:00:00Z", people: [(id: "a", name: "A"), (id: "b", name: "B")])"#,
    )
    .expect("loads");
    let mut plain = App::new(loaded, Theme::plain());
    press(&mut plain, ".");
    assert!(screen(&plain, 120, 36).contains("This scenario has no script to play."));
}

#[test]
fn a_lesson_focuses_the_learners_pane_and_s_says_watching_does_not_count() {
    // Lesson 1's solution acts as Sam, in the right pane.
    let mut a = lesson("lesson-01-never-told");
    assert_eq!(a.focus(), 1, "Sam's pane has the focus");
    press(&mut a, "S");
    let s = screen(&a, 120, 36);
    assert!(s.contains("watching does not mark the lesson done"), "{s}");
}

#[test]
fn r_returns_where_you_left_the_script_and_asks_before_discarding() {
    let mut a = app("tour");
    press(&mut a, ".....");
    let at = a.playback().map(|p| p.position());
    press(&mut a, "t"); // explore: a day passes
    press(&mut a, "r");
    let s = screen(&a, 120, 36);
    assert!(s.contains("Discard your exploration?"), "{s}");
    assert!(
        s.contains("the script where you left it, after step 5"),
        "{s}"
    );
    press(&mut a, "\x1b");
    assert!(
        a.playback().is_some_and(|p| !p.following),
        "Esc keeps exploring"
    );
    press(&mut a, "ry");
    let pb = a.playback().expect("script");
    assert!(pb.following);
    assert_eq!(
        Some(pb.position()),
        at,
        "back where it was left, not at step 0"
    );
    press(&mut a, "R");
    assert_eq!(a.playback().map(|p| p.position()), Some(0));
}

/// The drawn cells, styles included (a focus change is only a style).
fn cells(app: &App) -> ratatui::buffer::Buffer {
    let mut terminal = Terminal::new(TestBackend::new(120, 36)).expect("test terminal");
    terminal
        .draw(|f| f.render_widget(app, f.area()))
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// The footer never offers a key that does nothing: in every layer (the screen while
/// following a script, exploring, a quiz, a lesson, and each dialog), pressing each key
/// the footer shows changes the screen or quits.
#[test]
fn every_key_the_footer_shows_does_something() {
    let dir = std::env::temp_dir().join(format!("invitesim-footer-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let save_path = dir.join("s.ron").display().to_string();
    let typed_path = |a: &mut App| {
        a.press(ctrl('s'));
        for _ in 0..200 {
            a.press(Key::new(Code::Backspace));
        }
        press(a, &save_path);
    };
    type State<'a> = Box<dyn Fn() -> App + 'a>;
    let states: Vec<(&str, State)> = vec![
        ("tour start", Box::new(|| app("tour"))),
        (
            "following",
            Box::new(|| {
                let mut a = app("tour");
                press(&mut a, "....");
                a
            }),
        ),
        (
            "quiz waiting",
            Box::new(|| {
                let mut a = app("tour");
                press(&mut a, &".".repeat(16));
                a
            }),
        ),
        ("exploring", Box::new(maya_invites_sam)),
        (
            "exploring, Sent tab",
            Box::new(|| {
                let mut a = maya_invites_sam();
                press(&mut a, "\t3");
                a
            }),
        ),
        ("lesson", Box::new(|| lesson("lesson-01-never-told"))),
        (
            "lesson quiz",
            Box::new(|| {
                let mut a = lesson("lesson-01-never-told");
                press(&mut a, "i");
                a
            }),
        ),
        (
            "lesson answered",
            Box::new(|| {
                let mut a = lesson("lesson-01-never-told");
                press(&mut a, "ic");
                a
            }),
        ),
        (
            "help",
            Box::new(|| {
                let mut a = app("tour");
                press(&mut a, "?");
                a
            }),
        ),
        (
            "picker",
            Box::new(|| {
                let mut a = app("tour");
                press(&mut a, "n");
                a
            }),
        ),
        (
            "compose",
            Box::new(|| {
                let mut a = app("tour");
                press(&mut a, "n\nhello");
                a
            }),
        ),
        (
            "reply",
            Box::new(|| {
                let mut a = maya_invites_sam();
                press(&mut a, "y");
                a
            }),
        ),
        (
            "save",
            Box::new(move || {
                let mut a = app("tour");
                typed_path(&mut a);
                a
            }),
        ),
        (
            "quit?",
            Box::new(|| {
                let mut a = app("tour");
                press(&mut a, "tq");
                a
            }),
        ),
        (
            "discard?",
            Box::new(|| {
                let mut a = maya_invites_sam();
                press(&mut a, "r");
                a
            }),
        ),
        (
            "filter",
            Box::new(|| {
                let mut a = maya_invites_sam();
                press(&mut a, "/lee");
                a
            }),
        ),
        (
            "reader",
            Box::new(|| {
                let mut a = maya_invites_sam();
                press(&mut a, "5\n");
                a
            }),
        ),
    ];
    let mut checked = 0;
    for (name, state) in &states {
        let keys = state().footer_keys();
        assert!(!keys.is_empty(), "{name}: an empty footer");
        for (label, word, command, key) in keys {
            let mut a = state();
            let before = cells(&a);
            a.press(key);
            let after = screen(&a, 120, 36);
            assert!(
                before != cells(&a) || a.quitting(),
                "{name}: the footer offers `{label} {word}` ({command:?}) and it does nothing:\n{after}"
            );
            checked += 1;
        }
    }
    assert!(checked > 60, "{checked} keys checked");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_lesson_quiz_waits_for_letters_while_digits_still_pick_tabs() {
    let mut a = lesson("lesson-01-never-told");
    press(&mut a, "i");
    snap!("lesson_quiz", a);
}

/// A week on a busy world: more events than fit, counted, never silently cut.
#[test]
fn a_long_event_list_says_how_many_more() {
    let mut a = generated(80, 1500);
    press(&mut a, "T");
    let s = screen(&a, 80, 24);
    assert!(s.contains("more lines: J shows them"), "{s}");
    snap!("long_events", a);
    // Scrolling pages by the panel as last drawn: draw it at this size first.
    let _ = screen(&a, 80, 24);
    press(&mut a, "J");
    let scrolled = screen(&a, 80, 24);
    assert!(scrolled.contains("lines above · K"), "{scrolled}");
    assert_ne!(s, scrolled, "J scrolls the panel");
    press(&mut a, "K");
    assert_eq!(screen(&a, 80, 24), s, "K scrolls back");
}

/// The x-ray summary wraps under its ⟂ at 80 columns instead of being cut.
#[test]
fn the_xray_summary_wraps_at_80_columns() {
    let mut a = generated(80, 1500);
    press(&mut a, "3x");
    let s = screen(&a, 80, 24);
    let t = *a.pane(0).counts();
    assert!(
        s.contains(&format!("⟂ of the {} pending:", t.pending)),
        "{s}"
    );
    assert!(
        s.contains("know\""),
        "the summary's last part is shown, not cut:\n{s}"
    );
    snap!("xray_summary", a);
}

#[test]
fn the_editor_over_its_limit_keeps_the_text_and_edits_by_word() {
    let mut a = app("tour");
    press(&mut a, "n\n");
    press(&mut a, &"word ".repeat(61));
    press(&mut a, "\n");
    snap!("editor_over_limit", a);
    a.press(ctrl('w'));
    a.press(ctrl('w'));
    let s = screen(&a, 120, 36);
    assert!(s.contains("295/300 characters"), "{s}");
    a.press(Key::new(Code::Home));
    press(&mut a, ">");
    assert!(screen(&a, 120, 36).contains(">word word"));
}

/// A person's keys.ron: `A` accepts and `a` no longer does; the footer and help say so.
#[test]
fn a_user_keymap_overrides_the_defaults_everywhere() {
    use invitesim::tui::keymap::{Command, Keymap, Layer, Overrides};
    let overrides: Overrides =
        scenario::parse_ron("keys.ron", r#"{ Main: { "A": Accept, "a": Nothing } }"#)
            .expect("parses");
    let loaded = scenario::resolve("tour").expect("tour");
    let mut a = App::with_keymap(loaded, Theme::plain(), Keymap::with(&overrides));
    press(&mut a, "\t");
    let s = screen(&a, 120, 36);
    assert!(s.contains(" A accept "), "{s}");
    assert!(!s.contains(" a accept "), "{s}");
    press(&mut a, "a");
    assert!(screen(&a, 120, 36).contains("a answers a quiz, and no quiz is waiting."));
    press(&mut a, "A");
    assert!(screen(&a, 120, 36).contains("Sam Ortiz accepted Lee Park's invitation"));
    assert_eq!(a.keymap().keys(Layer::Main, Command::Accept).len(), 1);
    snap!("keymap_override", a);
}
