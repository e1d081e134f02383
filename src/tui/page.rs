//! The app as a web page runs it (`web/`): it opens on the tour (or the scenario the
//! address names), a menu offers every built-in scenario and lesson and a file of the
//! person's own, lessons keep their progress in the page's storage, Ctrl-S downloads
//! the session, and leaving a scenario shows an end screen instead of ending the
//! program. Nothing here knows about browsers: the page's edge feeds inputs, files and
//! the time in, draws `&Page`, and carries out the `Effect`s it asks for; so all of it
//! is tested natively.

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use super::course::Course;
use super::key::Input;
use super::menu::{Choice, Item, Menu};
use super::progress::Progress;
use super::{App, Options};
use crate::scenario::builtin::{self, Builtin};
use crate::scenario::load_source;

/// What the page's edge should do for the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Offer this file as a download (Ctrl-S).
    Download { name: String, text: String },
    /// Keep this progress (RON) for the next visit: the lessons done.
    SaveProgress(String),
    /// Show this scenario's name in the address (`?s=NAME`), or none.
    Address(Option<String>),
    /// Ask the person for a scenario file (the page's file picker).
    PickFile,
}

/// A scenario the page can run: a built-in, or a file the person gave it.
#[derive(Debug, Clone)]
enum Source {
    Builtin(&'static Builtin),
    File { name: String, bytes: Arc<[u8]> },
}

/// What choosing a menu item does.
#[derive(Debug, Clone)]
enum Target {
    Run(Source),
    Menu,
    PickFile,
}

enum Screen {
    Menu(Box<Menu>, Vec<Target>),
    App(Box<App>, Source),
}

pub struct Page {
    screen: Screen,
    options: Options,
    progress: Progress,
    effects: Vec<Effect>,
    /// When the playing script's next step is due, in the page clock's milliseconds.
    due: Option<f64>,
    /// Something happened since the due time was set: set it again at the next tick.
    moved: bool,
}

impl Page {
    /// The page at its address's `?s=NAME` (a built-in scenario or lesson, or `learn`
    /// for the first lesson not done), else the tour; `progress` is what an earlier
    /// visit kept (anything unreadable starts fresh).
    pub fn new(start: Option<&str>, progress: Option<&str>, options: Options) -> Page {
        let progress = progress
            .and_then(|text| ron::from_str(text).ok())
            .unwrap_or_default();
        let mut page = Page {
            screen: Screen::Menu(
                Box::new(Menu::lessons(Vec::new(), &[], 0, options.config.theme)),
                vec![],
            ),
            options,
            progress,
            effects: Vec::new(),
            due: None,
            moved: true,
        };
        match start.map(str::trim).filter(|s| !s.is_empty()) {
            None => page.run(Source::Builtin(&builtin::SCENARIOS[0])),
            Some("menu") => page.menu(),
            Some("learn") => {
                let i = Course::first_open(&page.progress, &lesson_names());
                page.run(Source::Builtin(&builtin::LESSONS[i]));
            }
            Some(name) => match builtin::find(name) {
                Some(b) => page.run(Source::Builtin(b)),
                None => page.problem(
                    "No such scenario",
                    vec![
                        Line::raw(format!("There is no built-in scenario called “{name}”.")),
                        Line::raw("The menu lists every one; a file of your own opens from there."),
                    ],
                ),
            },
        }
        page
    }

    /// A key, click or paste.
    pub fn input(&mut self, input: Input) {
        self.moved = true;
        match &mut self.screen {
            Screen::App(app, _) => {
                app.input(input);
                self.after_app();
            }
            Screen::Menu(menu, targets) => {
                if let Choice::Start(i) = menu.input(&input, &self.options.config.keymap)
                    && let Some(target) = targets.get(i).cloned()
                {
                    self.choose(target);
                }
            }
        }
    }

    /// The page clock (milliseconds), once a frame: plays the script's next step when
    /// it is due. True when it did (the page changed).
    pub fn tick(&mut self, now: f64) -> bool {
        let Screen::App(app, _) = &mut self.screen else {
            self.due = None;
            return false;
        };
        let step = !self.moved && self.due.is_some_and(|due| now >= due);
        if step {
            app.script_step();
            self.moved = true;
            self.after_app();
        }
        if self.moved {
            self.moved = false;
            let wait = self.app().and_then(App::next_tick);
            self.due = wait.map(|wait| now + wait.as_secs_f64() * 1e3);
        }
        step
    }

    /// A file the person picked or dropped on the page: opened as a scenario (a
    /// lesson when it has one), or its errors shown as the terminal shows them.
    pub fn open_file(&mut self, name: &str, bytes: &[u8]) {
        self.moved = true;
        self.run(Source::File {
            name: name.to_owned(),
            bytes: bytes.into(),
        });
    }

    /// What the page's edge should do, oldest first.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The app, while a scenario runs.
    pub fn app(&self) -> Option<&App> {
        match &self.screen {
            Screen::App(app, _) => Some(app),
            Screen::Menu(..) => None,
        }
    }

    /// The menu, while one shows.
    pub fn menu_shown(&self) -> Option<&Menu> {
        match &self.screen {
            Screen::Menu(menu, _) => Some(menu),
            Screen::App(..) => None,
        }
    }

    fn choose(&mut self, target: Target) {
        match target {
            Target::Run(source) => self.run(source),
            Target::Menu => self.menu(),
            Target::PickFile => self.effects.push(Effect::PickFile),
        }
    }

    /// Loads and starts `source`; a lesson (a built-in one, or a file with a
    /// `lesson:`) runs as one, with the page's progress.
    fn run(&mut self, source: Source) {
        let loaded = match &source {
            Source::Builtin(b) => load_source(&format!("{}.ron", b.name), b.source.as_bytes()),
            Source::File { name, bytes } => load_source(name, bytes),
        };
        let loaded = match loaded {
            Ok(loaded) => loaded,
            Err(e) => {
                let intro = e
                    .render(false)
                    .lines()
                    .map(|l| Line::raw(l.to_owned()))
                    .collect();
                let file = match &source {
                    Source::File { name, .. } => name.clone(),
                    Source::Builtin(b) => b.name.to_owned(),
                };
                return self.problem(&format!("{file} did not open"), intro);
            }
        };
        let mut app = self.options.app(loaded.clone()).saves_as_downloads();
        if loaded.is_lesson() {
            let names = lesson_names();
            let name = Course::lesson_name(&loaded);
            let place = match names.iter().position(|n| *n == name) {
                Some(i) if matches!(source, Source::Builtin(_)) => (i, names.len()),
                _ => (0, 1),
            };
            app = app.into_lesson(Course::new(place, &name, self.progress.clone(), None));
        }
        let address = match &source {
            Source::Builtin(b) => Some(b.name.to_owned()),
            Source::File { .. } => None,
        };
        self.effects.push(Effect::Address(address));
        self.screen = Screen::App(Box::new(app), source);
        self.moved = true;
    }

    /// After the app took an input or a step: its download, its progress, and where
    /// the page goes when it quits.
    fn after_app(&mut self) {
        let Screen::App(app, source) = &mut self.screen else {
            return;
        };
        if let Some(d) = app.take_download() {
            self.effects.push(Effect::Download {
                name: d.name,
                text: d.text,
            });
        }
        if let Some(course) = app.course()
            && course.progress != self.progress
        {
            self.progress = course.progress.clone();
            if let Ok(text) = ron::to_string(&self.progress) {
                self.effects.push(Effect::SaveProgress(text));
            }
        }
        if !app.quitting() {
            return;
        }
        let source = source.clone();
        let title = app.loaded().scenario.title.clone();
        let advance = app.course().is_some_and(|c| c.advance);
        let next = match &source {
            Source::Builtin(b) if advance => {
                let at = builtin::LESSONS.iter().position(|l| l.name == b.name);
                at.and_then(|i| builtin::LESSONS.get(i + 1))
            }
            _ => None,
        };
        match next {
            Some(lesson) => self.run(Source::Builtin(lesson)),
            None => self.ended(&title, source, advance),
        }
    }

    /// The end of a session: what the page kept, and where to go next.
    fn ended(&mut self, title: &str, source: Source, course_done: bool) {
        let theme = &self.options.config.theme;
        let mut intro = vec![Line::styled(format!("You left “{title}”."), theme.title)];
        if course_done {
            let done = self.progress.done.len().min(builtin::LESSONS.len());
            intro.push(Line::raw(format!(
                "That was the last lesson: {done} of {} done.",
                builtin::LESSONS.len()
            )));
        }
        intro.push(Line::raw(""));
        intro.push(Line::raw(
            "The page keeps only which lessons you finished. What you did in a scenario is \
             gone unless you downloaded it with Ctrl-S; a downloaded file opens here again \
             (\"Open a scenario file\", or drop it on the page) or in a terminal with \
             `invitesim open`.",
        ));
        let items = vec![
            Item::new(format!("Start “{title}” again")),
            Item::new("Back to the menu"),
            Item::new("Open a scenario file…"),
        ];
        let targets = vec![Target::Run(source), Target::Menu, Target::PickFile];
        self.show(" Session ended ", intro, items, targets);
        self.effects.push(Effect::Address(None));
    }

    /// Something the page could not do: why, and where to go from here.
    fn problem(&mut self, title: &str, why: Vec<Line<'static>>) {
        let items = vec![
            Item::new("Open a scenario file…"),
            Item::new("Back to the menu"),
        ];
        self.show(
            &format!(" {title} "),
            why,
            items,
            vec![Target::PickFile, Target::Menu],
        );
        self.effects.push(Effect::Address(None));
    }

    /// Every built-in scenario and lesson, and a file of one's own.
    fn menu(&mut self) {
        let intro = vec![Line::raw(
            "Two people's screens side by side: the sender's and the recipient's. No way \
                 of declining ever tells the sender; the scenarios show what each side can \
                 and cannot see. Watch one, or do a lesson with your own keys.",
        )];
        let mut items = Vec::new();
        let mut targets = Vec::new();
        for (i, b) in builtin::SCENARIOS.iter().enumerate() {
            let item = Item::new(builtin::title(b));
            items.push(if i == 0 {
                item.under("Scenarios")
            } else {
                item
            });
            targets.push(Target::Run(Source::Builtin(b)));
        }
        let names = lesson_names();
        let done = names
            .iter()
            .filter(|n| self.progress.done.contains(*n))
            .count();
        for (i, (b, name)) in builtin::LESSONS.iter().zip(&names).enumerate() {
            let item = Item::new(builtin::title(b)).done(self.progress.done.contains(name));
            items.push(if i == 0 {
                item.under(format!("Lessons · {done} of {} done", names.len()))
            } else {
                item
            });
            targets.push(Target::Run(Source::Builtin(b)));
        }
        items.push(
            Item::new("Open a scenario file… (or drop a .ron file on the page)").under("Your own"),
        );
        targets.push(Target::PickFile);
        self.show(" invitesim ", intro, items, targets);
        self.effects.push(Effect::Address(Some("menu".into())));
    }

    fn show(
        &mut self,
        title: &str,
        intro: Vec<Line<'static>>,
        items: Vec<Item>,
        targets: Vec<Target>,
    ) {
        let menu = Menu {
            title: title.to_owned(),
            intro,
            items,
            selected: 0,
            theme: self.options.config.theme,
            leave: false,
        };
        self.screen = Screen::Menu(Box::new(menu), targets);
    }
}

/// The built-in lessons' names, as progress records them.
fn lesson_names() -> Vec<String> {
    builtin::LESSONS.iter().map(|b| b.name.to_owned()).collect()
}

impl Widget for &Page {
    fn render(self, area: Rect, buf: &mut Buffer) {
        match &self.screen {
            Screen::Menu(menu, _) => menu.render(area, buf),
            Screen::App(app, _) => app.as_ref().render(area, buf),
        }
    }
}
