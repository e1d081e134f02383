//! The terminal edge: raw mode, the alternate screen, mouse capture and bracketed
//! paste, signals and hang-ups, and the loops that feed crossterm's events to the app.
//! Native only: the browser has its own edge (`web/`).

use std::io::{self, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use super::course::Course;
use super::progress::Progress;
use super::{App, Options, key, keymap, menu};
use crate::scenario::progress::Counters;
use crate::scenario::{Loaded, ScenarioError};
use std::path::PathBuf;

/// How `open` ended.
pub enum Opened {
    /// The app ran (or the load was cancelled) and ended so.
    Ended(Ending),
    /// The file did not load: the terminal is restored, for the caller to say why.
    Failed(ScenarioError),
    /// It is a lesson: the caller runs it as one.
    Lesson(Box<Loaded>),
}

/// How long a load may take before the terminal shows a loading screen.
const QUIET_LOAD: Duration = Duration::from_millis(250);

/// How often the loading screen is redrawn and looks whether the load is done: the
/// app's first frame comes at most this long after the load (it waited up to
/// `SIGNAL_CHECK`, 100 ms, for a key that never came).
const LOADING_TICK: Duration = Duration::from_millis(15);

/// Loads on another thread and runs the app on what it loaded. A load longer than a
/// quarter of a second shows the loading screen (`loading`) until it is done, then
/// the app in the same terminal session: never a blank screen. q, Esc or Ctrl-C on the
/// loading screen cancel.
pub fn open(
    file: String,
    bytes: u64,
    load: impl FnOnce() -> Result<Loaded, ScenarioError> + Send + 'static,
    options: Options,
) -> io::Result<Opened> {
    let counters = Arc::new(Counters::default());
    let worker = {
        let counters = Arc::clone(&counters);
        std::thread::spawn(move || crate::scenario::progress::counting(counters, load))
    };
    let started = Instant::now();
    while !worker.is_finished() && started.elapsed() < QUIET_LOAD {
        std::thread::sleep(Duration::from_millis(5));
    }
    let joined = |worker: std::thread::JoinHandle<_>| {
        worker
            .join()
            .unwrap_or_else(|_| Err(ScenarioError::one(&file, None, "the loader stopped")))
    };
    if worker.is_finished() {
        return match joined(worker) {
            Ok(loaded) if loaded.is_lesson() => Ok(Opened::Lesson(Box::new(loaded))),
            Ok(loaded) => run(loaded, options).map(Opened::Ended),
            Err(e) => Ok(Opened::Failed(e)),
        };
    }
    let signals = Signals::register()?;
    with_terminal(|terminal| {
        while !worker.is_finished() {
            let screen = super::loading::Loading {
                file: &file,
                bytes,
                stage: counters.stage(),
                elapsed: started.elapsed(),
                theme: options.config.theme,
            };
            terminal.draw(|f| f.render_widget(&screen, f.area()))?;
            let events = match next_events(&signals, LOADING_TICK)? {
                Ok(events) => events,
                Err(ending) => return Ok(Opened::Ended(ending)),
            };
            let cancel = events.iter().filter_map(key::terminal::input).any(|i| {
                matches!(i, super::key::Input::Key(k) if matches!(
                    options.config.keymap.command(keymap::Layer::Menu, k),
                    Some(keymap::Command::Close | keymap::Command::Quit)
                ))
            });
            if cancel {
                return Ok(Opened::Ended(Ending::Quit));
            }
        }
        match joined(worker) {
            Ok(loaded) if loaded.is_lesson() => Ok(Opened::Lesson(Box::new(loaded))),
            Ok(loaded) => {
                let mut app = options.app(loaded);
                event_loop(terminal, &mut app, &signals).map(Opened::Ended)
            }
            Err(e) => Ok(Opened::Failed(e)),
        }
    })
}

/// Runs the app until the person quits.
pub fn run(loaded: Loaded, options: Options) -> io::Result<Ending> {
    let mut app = options.app(loaded);
    let signals = Signals::register()?;
    with_terminal(|terminal| event_loop(terminal, &mut app, &signals))
}

/// Runs the course from lesson `from` (0-based; the first lesson not done when
/// `None`), loading each next lesson in place. Returns the progress path it used.
/// Runs `lessons` as a course, from `from` (or the first not yet done).
pub fn learn(
    lessons: Vec<Loaded>,
    from: Option<usize>,
    reset: bool,
    options: Options,
) -> io::Result<(Ending, Option<PathBuf>)> {
    let path = Progress::default_path();
    let mut progress = path.as_deref().map(Progress::load).unwrap_or_default();
    if reset {
        progress = Progress::default();
        if let Some(p) = &path {
            progress.save(p)?;
        }
    }
    let names: Vec<String> = lessons.iter().map(Course::lesson_name).collect();
    let first_open = Course::first_open(&progress, &names);
    let signals = Signals::register()?;
    let ending = with_terminal(|terminal| {
        // A course of several, with no lesson asked for: the menu first.
        let mut index = match from {
            Some(i) => i,
            None if lessons.len() == 1 => 0,
            None => {
                let done: Vec<bool> = names.iter().map(|n| progress.done.contains(n)).collect();
                let mut menu = menu::Menu::lessons(
                    lessons.iter().map(|l| l.scenario.title.clone()).collect(),
                    &done,
                    first_open,
                    options.config.theme,
                );
                match menu_loop(terminal, &mut menu, &options.config.keymap, &signals)? {
                    Ok(i) => i,
                    Err(ending) => return Ok(ending),
                }
            }
        };
        while let Some(loaded) = lessons.get(index) {
            let place = (index, lessons.len());
            let course = Course::new(place, &names[index], progress.clone(), path.clone());
            let mut app = options.app(loaded.clone()).into_lesson(course);
            let ending = event_loop(terminal, &mut app, &signals)?;
            let Some(course) = app.into_course() else {
                return Ok(ending);
            };
            progress = course.progress;
            if !course.advance || ending != Ending::Quit {
                return Ok(ending);
            }
            index += 1;
        }
        Ok(Ending::Quit)
    })?;
    Ok((ending, path))
}

/// Sets the terminal up, runs `f`, and restores it on every way out: normal exit,
/// error, and panic (ratatui's hook, plus mouse capture off).
fn with_terminal<T>(f: impl FnOnce(&mut DefaultTerminal) -> io::Result<T>) -> io::Result<T> {
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        previous(info);
    }));
    // Pasted text arrives whole, so a pasted note is typed, never run as keys.
    let _ = execute!(stdout(), EnableBracketedPaste);
    let result = f(&mut terminal);
    let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
    ratatui::restore();
    result
}

/// How often a waiting loop looks at the signal flags.
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// Waits up to `wait` for input on the terminal the app reads; true when it hung up.
/// That is stdin when stdin is a terminal, else `/dev/tty` (as crossterm reads it):
/// with `echo | invitesim` or `< /dev/null`, stdin is at its end from the start, and
/// waiting on it would end the session at once or spin.
fn terminal_hung_up(signals: &Signals, wait: Duration) -> io::Result<bool> {
    use rustix::event::{PollFd, PollFlags, Timespec};
    let stdin = std::io::stdin();
    let mut fds = match &signals.tty {
        Some(tty) => [PollFd::new(tty, PollFlags::IN)],
        None => [PollFd::new(&stdin, PollFlags::IN)],
    };
    let timeout = Timespec::try_from(wait).unwrap_or_default();
    match rustix::event::poll(&mut fds, Some(&timeout)) {
        Ok(_) => Ok(fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL)),
        Err(e) if e == rustix::io::Errno::INTR => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// How a session ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    Quit,
    /// SIGTERM, SIGHUP or SIGINT: the terminal was restored and the process should
    /// exit with 128 + this number.
    Signal(i32),
}

/// SIGTERM, SIGHUP and SIGINT, caught as a flag the loop checks, so the terminal is
/// restored on the normal way out instead of left raw; and the terminal to watch for
/// a hang-up when it is not stdin.
struct Signals {
    caught: Arc<AtomicUsize>,
    /// `/dev/tty`, opened once, when stdin is not a terminal.
    tty: Option<std::fs::File>,
}

impl Signals {
    fn register() -> io::Result<Signals> {
        use std::io::IsTerminal;
        let caught = Arc::new(AtomicUsize::new(0));
        for sig in [SIGTERM, SIGHUP, SIGINT] {
            signal_hook::flag::register_usize(sig, Arc::clone(&caught), sig as usize)?;
        }
        let tty = if io::stdin().is_terminal() {
            None
        } else {
            Some(std::fs::File::open("/dev/tty")?)
        };
        Ok(Signals { caught, tty })
    }

    fn caught(&self) -> Option<i32> {
        match self.caught.load(Ordering::Relaxed) {
            0 => None,
            sig => Some(sig as i32),
        }
    }
}

/// The lesson menu until a lesson is picked (its index) or the session ends.
fn menu_loop(
    terminal: &mut DefaultTerminal,
    menu: &mut menu::Menu,
    keymap: &keymap::Keymap,
    signals: &Signals,
) -> io::Result<Result<usize, Ending>> {
    loop {
        terminal.draw(|frame| frame.render_widget(&*menu, frame.area()))?;
        let events = match next_events(signals, SIGNAL_CHECK)? {
            Ok(events) => events,
            Err(ending) => return Ok(Err(ending)),
        };
        for event in events.iter().filter_map(key::terminal::input) {
            match menu.input(&event, keymap) {
                menu::Choice::Stay => {}
                menu::Choice::Start(i) => return Ok(Ok(i)),
                menu::Choice::Leave => return Ok(Err(Ending::Quit)),
            }
        }
    }
}

/// Waits up to `wait` for input: the events that came, or why the session ends (a
/// signal, or a terminal that hung up).
fn next_events(signals: &Signals, wait: Duration) -> io::Result<Result<Vec<event::Event>, Ending>> {
    if let Some(sig) = signals.caught() {
        return Ok(Err(Ending::Signal(sig)));
    }
    // Wait on the terminal ourselves: crossterm spins forever reading a terminal that
    // hung up (a closed window, a killed tmux), so it is only asked for what is
    // already there, and a hang-up ends the session like SIGHUP would.
    if terminal_hung_up(signals, wait.min(SIGNAL_CHECK))? {
        return Ok(Err(Ending::Signal(SIGHUP)));
    }
    // Keys, mouse, and resizes (which crossterm learns of by its own signal).
    let mut events = Vec::new();
    while event::poll(Duration::ZERO)? {
        events.push(event::read()?);
    }
    Ok(Ok(events))
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    signals: &Signals,
) -> io::Result<Ending> {
    let mut mouse_on = false;
    let mut redraw = true;
    let mut deadline = None;
    loop {
        if app.quitting() {
            return Ok(Ending::Quit);
        }
        if app.mouse() != mouse_on {
            mouse_on = app.mouse();
            if mouse_on {
                execute!(stdout(), EnableMouseCapture)?;
            } else {
                execute!(stdout(), DisableMouseCapture)?;
            }
        }
        if redraw {
            terminal.draw(|frame| frame.render_widget(&*app, frame.area()))?;
            // While a script plays, the next step comes after a quiet interval.
            deadline = app.next_tick().map(|d| Instant::now() + d);
            redraw = false;
        }
        let wait = deadline.map_or(SIGNAL_CHECK, |d| {
            d.saturating_duration_since(Instant::now())
        });
        let events = match next_events(signals, wait)? {
            Ok(events) => events,
            Err(ending) => return Ok(ending),
        };
        for event in &events {
            if let Some(input) = key::terminal::input(event) {
                app.input(input);
            }
            // A resize (or anything else) redraws.
            redraw = true;
        }
        if deadline.is_some_and(|d| Instant::now() >= d) {
            app.script_step();
            redraw = true;
        }
    }
}
