//! The app as the web page runs it (`tui::page::Page`), tested natively: where it
//! opens, the menu, lessons and their kept progress, Ctrl-S as a download, a file of
//! one's own (good and bad), the end screen, and the page clock playing a script.

use invitesim::scenario;
use invitesim::tui::key::{Code, Input, Key};
use invitesim::tui::page::{Effect, Page};
use invitesim::tui::{Config, Options, Theme};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn options() -> Options {
    Options {
        no_mouse: false,
        speed: 1.0,
        config: Config::defaults(Theme::plain()),
    }
}

fn page(start: Option<&str>, progress: Option<&str>) -> Page {
    Page::new(start, progress, options())
}

fn key(p: &mut Page, k: impl Into<Key>) {
    p.input(Input::Key(k.into()));
}

fn keys(p: &mut Page, typed: &str) {
    for c in typed.chars() {
        key(p, c);
    }
}

fn screen(p: &Page, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("test terminal");
    terminal
        .draw(|f| f.render_widget(p, f.area()))
        .expect("draw");
    terminal.backend().to_string()
}

fn title(p: &Page) -> String {
    p.app()
        .map(|a| a.loaded().scenario.title.clone())
        .unwrap_or_default()
}

#[test]
fn opens_on_the_tour_and_names_it_in_the_address() {
    let mut p = page(None, None);
    assert!(title(&p).to_lowercase().contains("tour"), "{}", title(&p));
    assert_eq!(p.take_effects(), vec![Effect::Address(Some("tour".into()))]);
    let text = screen(&p, 120, 36);
    assert!(text.contains("Maya"), "{text}");
}

#[test]
fn the_address_opens_a_builtin_a_lesson_or_says_there_is_none() {
    let p = page(Some("report-spam"), None);
    assert!(title(&p).to_lowercase().contains("spam"), "{}", title(&p));
    let p = page(Some("lesson-03-dont-know"), None);
    assert!(
        p.app().and_then(|a| a.course()).is_some(),
        "a lesson runs as one"
    );
    let p = page(Some("learn"), Some(r#"(done:["lesson-01-never-told"])"#));
    assert_eq!(
        p.app()
            .and_then(|a| a.course())
            .map(|c| c.name().to_owned()),
        Some("lesson-02-accept-later".into()),
        "learn starts the first lesson not done"
    );
    let p = page(Some("nope"), None);
    let text = screen(&p, 100, 20);
    assert!(
        text.contains("There is no built-in scenario called “nope”"),
        "{text}"
    );
}

#[test]
fn the_menu_lists_every_builtin_and_lesson_with_progress() {
    let mut p = page(
        Some("menu"),
        Some(r#"(done:["lesson-01-never-told","lesson-02-accept-later"])"#),
    );
    let menu = p.menu_shown().expect("the menu shows");
    let n = scenario::builtin::SCENARIOS.len() + scenario::builtin::LESSONS.len() + 1;
    assert_eq!(menu.items.len(), n);
    let text = screen(&p, 100, 40);
    assert!(text.contains("Lessons · 2 of 7 done"), "{text}");
    assert!(
        text.contains("  ✓ Lesson 1: the sender is never told"),
        "lesson 1 is done: {text}"
    );
    assert!(text.contains("Open a scenario file"), "{text}");
    // End goes to the last item, the file picker; Enter asks the page for a file.
    key(&mut p, Code::End);
    p.take_effects();
    key(&mut p, Code::Enter);
    assert_eq!(p.take_effects(), vec![Effect::PickFile]);
    // 2 starts the second scenario.
    key(&mut p, '2');
    assert_eq!(
        p.app().map(|a| a.loaded().file.clone()),
        Some(format!("{}.ron", scenario::builtin::SCENARIOS[1].name))
    );
}

#[test]
fn the_menu_scrolls_to_its_selection_on_a_small_screen() {
    let mut p = page(Some("menu"), None);
    for _ in 0..16 {
        key(&mut p, 'j');
    }
    let text = screen(&p, 80, 24);
    assert!(text.contains("Open a scenario file"), "{text}");
}

#[test]
fn a_lesson_reached_with_keys_keeps_its_progress_then_goes_on() {
    let mut p = page(Some("lesson-01-never-told"), None);
    p.take_effects();
    key(&mut p, 'i');
    let course = p.app().and_then(|a| a.course()).expect("a lesson");
    assert!(course.reached, "i as Sam reaches the goal");
    let effects = p.take_effects();
    let kept = effects.iter().find_map(|e| match e {
        Effect::SaveProgress(text) => Some(text.clone()),
        _ => None,
    });
    let kept = kept.expect("the progress is handed over to keep");
    assert!(kept.contains("lesson-01-never-told"), "{kept}");
    assert!(screen(&p, 120, 36).contains("Goal reached"));
    key(&mut p, 'c');
    key(&mut p, Code::Enter);
    assert_eq!(
        p.app()
            .and_then(|a| a.course())
            .map(|c| c.name().to_owned()),
        Some("lesson-02-accept-later".into()),
        "Enter after the quiz opens the next lesson"
    );
    // A later visit with what was kept: the menu marks it done.
    let p = page(Some("menu"), Some(&kept));
    assert!(screen(&p, 100, 40).contains("Lessons · 1 of 7 done"));
}

#[test]
fn ctrl_s_downloads_the_session_as_a_scenario_that_opens_again() {
    let mut p = page(Some("tour"), None);
    // Take over from the script and act: Maya invites someone.
    keys(&mut p, "n");
    key(&mut p, Code::Enter);
    key(&mut p, Code::Enter);
    assert!(p.app().is_some_and(|a| a.dirty()), "an action was taken");
    p.take_effects();
    key(&mut p, Key::ctrl('s'));
    let effects = p.take_effects();
    let Some(Effect::Download { name, text }) = effects.first() else {
        panic!("no download: {effects:?}");
    };
    assert_eq!(name, "tour.saved.ron");
    assert!(p.app().is_some_and(|a| !a.dirty()), "saved");
    assert!(screen(&p, 120, 36).contains("Downloaded tour.saved.ron"));
    // The file opens on the page again, where it was saved.
    p.open_file(name, text.as_bytes());
    let app = p.app().expect("the download opens");
    assert_eq!(app.loaded().file, "tour.saved.ron");
    assert_eq!(app.world().invitations().len(), {
        let l = scenario::load_source("tour.saved.ron", text.as_bytes()).expect("loads");
        l.setup.world.invitations().len()
    });
}

#[test]
fn a_bad_file_shows_its_error_as_the_terminal_does() {
    let mut p = page(None, None);
    let bad = "Scenario(\n    title: \"x\",\n    start: 12,\n)\n";
    p.open_file("mine.ron", bad.as_bytes());
    assert!(p.app().is_none());
    let Err(e) = scenario::load_source("mine.ron", bad.as_bytes()) else {
        panic!("the file is bad");
    };
    let expected = e.render(false);
    let text = screen(&p, 120, 30);
    assert!(text.contains("mine.ron did not open"), "{text}");
    let first = expected.lines().next().expect("a header");
    assert!(text.contains(first), "{first} in\n{text}");
    assert!(text.contains("mine.ron:3:"), "{text}");
    // Enter picks another file; 2 goes back to the menu.
    key(&mut p, Code::Enter);
    assert_eq!(p.take_effects().last(), Some(&Effect::PickFile));
    key(&mut p, '2');
    assert!(
        p.menu_shown()
            .is_some_and(|m| m.title.contains("invitesim"))
    );
}

#[test]
fn leaving_a_scenario_ends_on_a_screen_that_starts_it_again() {
    let mut p = page(Some("ignore-is-silent"), None);
    let first = title(&p);
    key(&mut p, 'q');
    assert!(p.app().is_none(), "q leaves the scenario");
    let text = screen(&p, 100, 24);
    assert!(text.contains("Session ended"), "{text}");
    assert!(text.contains(&format!("You left “{first}”")), "{text}");
    assert_eq!(p.take_effects().last(), Some(&Effect::Address(None)));
    key(&mut p, Code::Enter);
    assert_eq!(title(&p), first, "Enter starts it again");
    key(&mut p, 'q');
    key(&mut p, '2');
    assert!(p.menu_shown().is_some(), "2 goes to the menu");
}

#[test]
fn the_page_clock_plays_the_script() {
    let mut p = page(Some("tour"), None);
    let step = |p: &Page| p.app().and_then(|a| a.playback()).map(|pb| pb.position());
    assert!(!p.tick(0.0), "sets the first due time");
    key(&mut p, ' ');
    let at = step(&p);
    assert!(!p.tick(10.0), "not due yet");
    assert_eq!(step(&p), at);
    assert!(p.tick(60_000.0), "due a minute later");
    assert_ne!(step(&p), at, "the script moved on");
}
