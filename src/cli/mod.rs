//! The command line: subcommands, their arguments, and what each one runs.

use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod watch;

use crate::export::{self as play, Format, count};
use crate::scenario::{self, builtin};
use crate::tui;

#[derive(Debug, Parser)]
#[command(
    name = "invitesim",
    version,
    about = "Simulate a professional network's invitation inbox: the sender's and the recipient's screens side by side.",
    long_about = "Simulate a professional network's invitation inbox: the sender's and the recipient's screens side by side.\n\nThe rule it teaches: when an invitation is ignored, archived or reported, the sender is never told."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open the app on a scenario (the built-in tour by default).
    Open {
        /// A scenario file, or the name of a built-in scenario (see `list`).
        scenario: Option<String>,
        /// Leave the mouse to the terminal, so text can be selected (`m` toggles in the app).
        #[arg(long)]
        no_mouse: bool,
        /// Script playback speed: 2 plays twice as fast, 0.5 half as fast.
        #[arg(long, default_value_t = 1.0, value_parser = parse_speed)]
        speed: f64,
    },
    /// Run a scenario's script headless and print what happened at each step.
    Play {
        /// A scenario file, or the name of a built-in scenario (see `list`).
        scenario: String,
        /// The transcript as text or JSON lines; with --screens, text prints the
        /// screens and svg writes one SVG per step into the folder -o names.
        #[arg(long, value_enum, default_value_t = PlayFormat::Text)]
        format: PlayFormat,
        /// Instead of a transcript, print the app's screen after each step at this size
        /// (e.g. 100x30), as plain text (the active tab in brackets: `[Sent 1]`).
        #[arg(long, value_name = "WxH", value_parser = parse_size)]
        screens: Option<(u16, u16)>,
        /// With --screens --format svg: the folder for the SVGs (step-000.svg, …).
        #[arg(short, long, value_name = "DIR")]
        output: Option<std::path::PathBuf>,
        /// Play again each time the file is saved (Ctrl-C stops).
        #[arg(long)]
        watch: bool,
    },
    /// Render the scripted run into an asciicast file (asciinema, asciinema-player),
    /// or with `-o NAME.svg` an animated SVG (a README's <img>).
    Record {
        /// A scenario file, or the name of a built-in scenario (see `list`).
        scenario: String,
        /// Where to write the recording: an asciicast, or an animated SVG when the name
        /// ends in .svg.
        #[arg(short, long, value_name = "OUT.cast|OUT.svg")]
        output: std::path::PathBuf,
        /// Terminal size of the recording.
        #[arg(long, value_name = "WxH", value_parser = parse_size, default_value = "120x36")]
        size: (u16, u16),
        /// Seconds between steps on the cast's timeline.
        #[arg(long, value_name = "SECS", default_value_t = 1.5, value_parser = parse_delay)]
        step_delay: f64,
        /// Seconds the last frame stays before the recording ends (or starts again).
        #[arg(long, value_name = "SECS", default_value_t = 3.0, value_parser = parse_delay)]
        end_hold: f64,
        /// asciicast version: 2 (every player) or 3 (the asciinema CLI 3's own).
        #[arg(long, value_name = "2|3", default_value_t = 2, value_parser = clap::value_parser!(u8).range(2..=3))]
        cast_version: u8,
    },
    /// The course: lessons done in place, each with a goal, a hint and a quiz.
    Learn {
        /// Lesson files (or built-in lesson names) to run as a course, in order; the
        /// built-in course when none are given. With one, that lesson opens directly.
        lessons: Vec<String>,
        /// Start at this lesson (1 = the first), instead of the first not yet done.
        #[arg(long)]
        from: Option<usize>,
        /// Forget the lessons done so far.
        #[arg(long)]
        reset: bool,
        #[arg(long)]
        no_mouse: bool,
    },
    /// Write a seeded random world (people, network, invitations with a history).
    Generate {
        #[arg(long, default_value_t = 1000)]
        people: usize,
        #[arg(long, default_value_t = 100_000)]
        invitations: usize,
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Spread the invitations over this many days before the start.
        #[arg(long, default_value_t = 90)]
        days: u32,
        #[arg(long, value_enum, default_value_t = RulesArg::Classic)]
        rules: RulesArg,
        /// Where to write the scenario.
        #[arg(short, long, value_name = "FILE")]
        output: std::path::PathBuf,
    },
    /// Validate scenario files; every error is printed as FILE:LINE:COL: message.
    Check {
        #[arg(required = true)]
        files: Vec<String>,
        /// Check again each time a file is saved (Ctrl-C stops).
        #[arg(long)]
        watch: bool,
    },
    /// Print the rules in force: each rule, its value, its sources, confidence and tells.
    Rules {
        /// A preset's rules (classic by default).
        #[arg(long, value_enum, conflicts_with = "scenario")]
        preset: Option<RulesArg>,
        /// The rules of this scenario file or built-in (its preset and overrides).
        scenario: Option<String>,
        /// The whole reference as Markdown, for both presets (docs/RULES.md).
        #[arg(long, conflicts_with_all = ["preset", "scenario"])]
        markdown: bool,
    },
    /// List the built-in scenarios.
    List,
    /// Print a built-in scenario's RON, to copy and edit (or an annotated template).
    Show {
        /// A built-in scenario's name (see `list`).
        #[arg(required_unless_present = "template", conflicts_with = "template")]
        name: Option<String>,
        /// An annotated scenario with every field, step and expectation, one comment each.
        #[arg(long)]
        template: bool,
    },
    /// Print a completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `invitesim man > invitesim.1`.
    Man,
    /// Print the default keys and theme as the files that change them, and where they go.
    Config {
        /// Only the keys (`keys.ron`).
        #[arg(long, conflicts_with_all = ["theme", "dir"])]
        keys: bool,
        /// Only the theme (`theme.ron`).
        #[arg(long, conflicts_with = "dir")]
        theme: bool,
        /// Only the folder the files are read from.
        #[arg(long)]
        dir: bool,
    },
}

/// The annotated template `show --template` prints; a test keeps it playing green.
pub const TEMPLATE: &str = include_str!("../../assets/template.ron");

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RulesArg {
    Classic,
    Modern,
}

impl RulesArg {
    fn preset(self) -> crate::model::Preset {
        match self {
            RulesArg::Classic => crate::model::Preset::Classic,
            RulesArg::Modern => crate::model::Preset::Modern,
        }
    }
}

/// Exit codes: 0 ok, 1 an expectation failed, 2 a bad file or argument.
pub const EXIT_FAILED: u8 = 1;
pub const EXIT_BAD_INPUT: u8 = 2;

pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        None => open("tour", false, 1.0),
        Some(Command::Open {
            scenario,
            no_mouse,
            speed,
        }) => open(scenario.as_deref().unwrap_or("tour"), no_mouse, speed),
        Some(Command::Config { keys, theme, dir }) => {
            config_cmd(keys, theme, dir).map(|()| ExitCode::SUCCESS)
        }
        Some(Command::Play {
            scenario,
            watch: true,
            format,
            screens,
            output,
        }) => watch::watch(std::slice::from_ref(&scenario), || {
            let _ = play_or_screens(&scenario, format, screens, output.as_deref());
        })
        .map(|()| ExitCode::SUCCESS),
        Some(Command::Play {
            scenario,
            format,
            screens,
            output,
            ..
        }) => play_or_screens(&scenario, format, screens, output.as_deref()),
        Some(Command::Record {
            scenario,
            output,
            size,
            step_delay,
            end_hold,
            cast_version,
        }) => {
            let (width, height) = size;
            let options = play::CastOptions {
                width,
                height,
                step_delay,
                end_hold,
                version: cast_version,
            };
            record_cmd(&scenario, &output, options)
        }
        Some(Command::Learn {
            lessons,
            from,
            reset,
            no_mouse,
        }) => learn(&lessons, from, reset, no_mouse),
        Some(Command::Generate {
            people,
            invitations,
            seed,
            days,
            rules,
            output,
        }) => {
            let preset = rules.preset();
            let spec = crate::scenario::generate::Spec {
                people,
                invitations,
                seed,
                days,
                preset,
            };
            generate_cmd(&spec, &output)
        }
        Some(Command::Check { files, watch: true }) => watch::watch(&files, || {
            check(&files);
        })
        .map(|()| ExitCode::SUCCESS),
        Some(Command::Check { files, .. }) => Ok(check(&files)),
        Some(Command::Rules {
            preset,
            scenario,
            markdown,
        }) => rules_cmd(preset, scenario.as_deref(), markdown),
        Some(Command::List) => list(),
        Some(Command::Show { template: true, .. }) => io::stdout()
            .lock()
            .write_all(TEMPLATE.as_bytes())
            .map(|()| ExitCode::SUCCESS),
        Some(Command::Show { name, .. }) => show(name.as_deref().unwrap_or_default()),
        Some(Command::Completions { shell }) => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "invitesim", &mut io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Man) => {
            let command = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(command)
                .render(&mut io::stdout().lock())
                .map(|()| ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        // A closed pipe (`invitesim play tour | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("invitesim: {e}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

/// The scenario `arg` names, or its errors printed and exit code 2.
fn resolve(arg: &str) -> Result<scenario::Loaded, ExitCode> {
    scenario::resolve(arg).map_err(|e| {
        eprintln!("{}", e.render(color_on_stderr()));
        ExitCode::from(EXIT_BAD_INPUT)
    })
}

/// The app's options with the person's keys and theme: a bad config file is an error
/// here, before the terminal is touched.
fn options(no_mouse: bool, speed: f64) -> Result<tui::Options, ExitCode> {
    let dir = tui::Config::dir();
    match tui::Config::load(dir.as_deref(), tui::Theme::from_env()) {
        Ok(config) => Ok(tui::Options {
            no_mouse,
            speed,
            config,
        }),
        Err(e) => {
            eprintln!("{}", e.render(color_on_stderr()));
            eprintln!(
                "invitesim: fix the file, or move it away to use the defaults (`invitesim config` prints them)"
            );
            Err(ExitCode::from(EXIT_BAD_INPUT))
        }
    }
}

fn config_cmd(keys: bool, theme: bool, dir: bool) -> io::Result<()> {
    let folder = tui::Config::dir();
    let shown = folder.as_deref().map_or_else(
        || "(no config folder: set XDG_CONFIG_HOME or HOME)".to_owned(),
        |d| d.display().to_string(),
    );
    let mut out = io::stdout().lock();
    if dir {
        return writeln!(out, "{shown}");
    }
    if !keys && !theme {
        writeln!(
            out,
            "// invitesim reads {shown}/{} and {shown}/{}\n",
            tui::config::KEYS_FILE,
            tui::config::THEME_FILE
        )?;
    }
    if !theme {
        out.write_all(tui::Config::keys_text().as_bytes())?;
    }
    if !keys && !theme {
        writeln!(out)?;
    }
    if !keys {
        out.write_all(tui::Config::theme_text(&tui::Theme::colour()).as_bytes())?;
    }
    Ok(())
}

fn open(arg: &str, no_mouse: bool, speed: f64) -> io::Result<ExitCode> {
    let options = match options(no_mouse, speed) {
        Ok(o) => o,
        Err(code) => return Ok(code),
    };
    let (file, bytes) = label(arg);
    let owned = arg.to_owned();
    match tui::open(file, bytes, move || scenario::resolve(&owned), options)? {
        tui::Opened::Ended(ending) => Ok(ending_code(ending)),
        tui::Opened::Failed(e) => {
            eprintln!("{}", e.render(color_on_stderr()));
            Ok(ExitCode::from(EXIT_BAD_INPUT))
        }
        // A lesson opens as a lesson: goal on screen, checks judged, quiz after the goal.
        tui::Opened::Lesson(_) => learn(&[arg.to_owned()], None, false, no_mouse),
    }
}

/// How a file (or built-in) is named while it loads, and its size.
fn label(arg: &str) -> (String, u64) {
    match std::fs::metadata(arg) {
        Ok(m) => (scenario::visible(arg).into_owned(), m.len()),
        Err(_) => match builtin::find(arg) {
            Some(b) => (format!("{}.ron", b.name), b.source.len() as u64),
            None => (scenario::visible(arg).into_owned(), 0),
        },
    }
}

/// Runs a load on another thread and, when stderr is a terminal and the load takes
/// more than a quarter of a second, shows how far it has got on one line there (the
/// line is cleared after). Piped, it prints nothing.
fn with_progress<T: Send + 'static>(
    (file, bytes): (String, Option<u64>),
    job: impl FnOnce() -> T + Send + 'static,
) -> T {
    use std::io::IsTerminal;
    use std::time::{Duration, Instant};
    if !io::stderr().is_terminal() {
        return job();
    }
    let counters = std::sync::Arc::new(scenario::progress::Counters::default());
    let worker = {
        let counters = std::sync::Arc::clone(&counters);
        std::thread::spawn(move || scenario::progress::counting(counters, job))
    };
    let started = Instant::now();
    let mut shown = false;
    while !worker.is_finished() {
        std::thread::sleep(Duration::from_millis(20));
        if started.elapsed() >= Duration::from_millis(250) && !worker.is_finished() {
            let cols = ratatui::crossterm::terminal::size().map_or(80, |(w, _)| w);
            let line = tui::loading::line(
                &file,
                bytes,
                counters.stage(),
                usize::from(cols).saturating_sub(1),
            );
            eprint!("\r\x1b[K{line}");
            shown = true;
            std::thread::sleep(Duration::from_millis(80));
        }
    }
    if shown {
        eprint!("\r\x1b[K");
    }
    match worker.join() {
        Ok(value) => value,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

fn learn(
    files: &[String],
    from: Option<usize>,
    reset: bool,
    no_mouse: bool,
) -> io::Result<ExitCode> {
    let names: Vec<String> = if files.is_empty() {
        builtin::LESSONS.iter().map(|b| b.name.to_owned()).collect()
    } else {
        files.to_vec()
    };
    let mut course = Vec::with_capacity(names.len());
    for name in &names {
        let loaded = match resolve(name) {
            Ok(l) => l,
            Err(code) => return Ok(code),
        };
        if loaded.scenario.lesson.is_none() {
            eprintln!(
                "invitesim: {} has no `lesson:`, so it is not a lesson\n  = help: add `lesson: (goal: \"…\", hint: \"…\", check: [..])` (see `invitesim show --template`), or open it with `invitesim open`",
                loaded.file
            );
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
        course.push(loaded);
    }
    let lessons = course.len();
    // One file: that lesson, directly.
    let from = from.or((lessons == 1).then_some(1));
    if let Some(n) = from.filter(|n| !(1..=lessons).contains(n)) {
        eprintln!("invitesim: there is no lesson {n}; the course has lessons 1 to {lessons}");
        return Ok(ExitCode::from(EXIT_BAD_INPUT));
    }
    let options = match options(no_mouse, 1.0) {
        Ok(o) => o,
        Err(code) => return Ok(code),
    };
    let lesson_names: Vec<String> = course.iter().map(tui::Course::lesson_name).collect();
    let (ending, path) = tui::learn(course, from.map(|n| n - 1), reset, options)?;
    if ending != tui::Ending::Quit {
        return Ok(ending_code(ending));
    }
    let Some(path) = path else {
        println!("Progress was not saved (no home directory).");
        return Ok(ExitCode::SUCCESS);
    };
    let progress = crate::tui::progress::Progress::load(&path);
    let done = lesson_names
        .iter()
        .filter(|n| progress.done.contains(*n))
        .count();
    let shown = scenario::visible(&path.to_string_lossy()).into_owned();
    if done == lessons {
        println!(
            "Course complete: {} done. (Progress: {shown})",
            if lessons == 1 {
                "the lesson".to_owned()
            } else {
                format!("all {lessons} lessons")
            }
        );
    } else {
        println!(
            "{done} of {} done; `invitesim learn` picks up where you left off. (Progress: {shown})",
            count(lessons, "lesson", "lessons")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn rules_cmd(
    preset: Option<RulesArg>,
    scenario: Option<&str>,
    markdown: bool,
) -> io::Result<ExitCode> {
    let text = if markdown {
        play::rules::markdown()
    } else if let Some(arg) = scenario {
        let loaded = match resolve(arg) {
            Ok(l) => l,
            Err(code) => return Ok(code),
        };
        play::rules::text(loaded.setup.world.rules(), &loaded.file)
    } else {
        let preset = preset.unwrap_or(RulesArg::Classic).preset();
        let origin = format!("--preset {}", preset.name());
        play::rules::text(&crate::model::Rules::preset(preset), &origin)
    };
    io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

fn play_cmd(arg: &str, format: Format) -> io::Result<ExitCode> {
    to_stdout(arg, |loaded, out| {
        Ok(play::play(loaded, format, out)?.failed)
    })
}

/// Loads `arg`, runs `f` with stdout buffered, and exits 0, or 1 when `f` counts
/// failed steps (2 and the messages when the scenario does not load).
fn to_stdout(
    arg: &str,
    f: impl FnOnce(&scenario::Loaded, &mut dyn Write) -> io::Result<usize>,
) -> io::Result<ExitCode> {
    let loaded = match resolve(arg) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let failures = f(&loaded, &mut out)?;
    out.flush()?;
    Ok(failures_exit(failures))
}

/// 0 after a quit; 128 + the signal's number after SIGTERM, SIGHUP or SIGINT, as a
/// shell reports a process the signal ended.
fn ending_code(ending: tui::Ending) -> ExitCode {
    match ending {
        tui::Ending::Quit => ExitCode::SUCCESS,
        tui::Ending::Signal(sig) => ExitCode::from(128u8.saturating_add(sig as u8)),
    }
}

fn failures_exit(failures: usize) -> ExitCode {
    if failures == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILED)
    }
}

/// `play`'s formats: transcripts (text, JSON lines), and screens as text or SVG.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PlayFormat {
    Text,
    Json,
    Svg,
}

fn play_or_screens(
    arg: &str,
    format: PlayFormat,
    screens: Option<(u16, u16)>,
    output: Option<&Path>,
) -> io::Result<ExitCode> {
    let misuse = |why: &str| {
        eprintln!("invitesim: {why}");
        Ok(ExitCode::from(EXIT_BAD_INPUT))
    };
    match (format, screens, output) {
        (PlayFormat::Text, None, None) => play_cmd(arg, Format::Text),
        (PlayFormat::Json, None, None) => play_cmd(arg, Format::Json),
        (PlayFormat::Text, Some(size), None) => {
            to_stdout(arg, |loaded, out| play::screens(loaded, size, out))
        }
        (PlayFormat::Svg, Some(size), Some(dir)) => {
            let loaded = match resolve(arg) {
                Ok(l) => l,
                Err(code) => return Ok(code),
            };
            match play::screens_svg(&loaded, size, dir) {
                Ok((written, failures)) => {
                    eprintln!("wrote {written} SVGs into {}", dir.display());
                    Ok(failures_exit(failures))
                }
                Err(e) => Ok(cannot_write(dir, &e)),
            }
        }
        (PlayFormat::Svg, _, _) => {
            misuse("--format svg draws screens: give --screens WxH and -o DIR (a folder)")
        }
        (PlayFormat::Json, Some(_), _) => {
            misuse("--screens draws screens: --format text prints them, --format svg writes SVGs")
        }
        (_, _, Some(_)) => {
            misuse("-o DIR is for --screens --format svg; a transcript goes to stdout")
        }
    }
}

fn record_cmd(arg: &str, output: &Path, options: play::CastOptions) -> io::Result<ExitCode> {
    let loaded = match resolve(arg) {
        Ok(l) => l,
        Err(code) => return Ok(code),
    };
    let svg = output
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("svg"));
    let result = crate::files::write_atomically(output, |out| {
        if svg {
            let film = play::film::film(
                &loaded,
                (options.width, options.height),
                tui::Theme::colour(),
                options.step_delay,
            )?;
            let title = format!("invitesim · {}", loaded.scenario.title);
            out.write_all(play::svg::animated(&film, &title, options.end_hold).as_bytes())?;
            Ok(film.failures)
        } else {
            play::record(&loaded, options, out)
        }
    });
    match result {
        Ok(failures) => {
            let (w, h) = (options.width, options.height);
            eprintln!("wrote {} ({w}x{h})", output.display());
            Ok(failures_exit(failures))
        }
        Err(e) => Ok(cannot_write(output, &e)),
    }
}

fn generate_cmd(spec: &crate::scenario::generate::Spec, output: &Path) -> io::Result<ExitCode> {
    let job = {
        let spec = *spec;
        move || crate::scenario::generate::generate(&spec)
    };
    let text = match with_progress((output.display().to_string(), None), job) {
        Ok(t) => t,
        Err(why) => {
            eprintln!("invitesim: {why}");
            return Ok(ExitCode::from(EXIT_BAD_INPUT));
        }
    };
    match crate::files::write_atomically(output, |out| out.write_all(text.as_bytes())) {
        Ok(()) => {
            eprintln!(
                "wrote {} ({} people, {} invitations, {} bytes)",
                output.display(),
                spec.people,
                spec.invitations,
                text.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => Ok(cannot_write(output, &e)),
    }
}

fn cannot_write(path: &Path, e: &io::Error) -> ExitCode {
    eprintln!("invitesim: cannot write {}: {e}", path.display());
    ExitCode::from(EXIT_BAD_INPUT)
}

/// Exit 0 when every file loads and plays green; 1 when one loads but its script (or a
/// lesson's solution) fails; 2 when one cannot be loaded.
fn check(files: &[String]) -> ExitCode {
    let mut worst = 0;
    for f in files {
        let owned = f.clone();
        let (file, bytes) = label(f);
        match with_progress((file, Some(bytes)), move || scenario::resolve(&owned)) {
            Ok(l) => match play::story::failures(&l) {
                None => println!(
                    "{}: ok ({}, {}; {})",
                    l.file,
                    count(l.setup.world.people().len(), "person", "people"),
                    count(
                        l.setup.world.invitations().len(),
                        "invitation",
                        "invitations"
                    ),
                    match l.scenario.script.len() {
                        0 => "no script".to_owned(),
                        1 => "its script step plays green".to_owned(),
                        n => format!("all {n} script steps play green"),
                    },
                ),
                Some(e) => {
                    worst = worst.max(EXIT_FAILED);
                    eprintln!("{}", e.render(color_on_stderr()));
                }
            },
            Err(e) => {
                worst = worst.max(EXIT_BAD_INPUT);
                eprintln!("{}", e.render(color_on_stderr()));
            }
        }
    }
    ExitCode::from(worst)
}

/// Colour in diagnostics only on a terminal, and never with `NO_COLOR` set.
fn color_on_stderr() -> bool {
    use std::io::IsTerminal;
    io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

fn list() -> io::Result<ExitCode> {
    let mut out = io::stdout().lock();
    let width = builtin::all().map(|b| b.name.len()).max().unwrap_or(0);
    for b in builtin::all() {
        writeln!(out, "{:<width$}  {}", b.name, builtin::title(b))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn show(name: &str) -> io::Result<ExitCode> {
    match builtin::find(name) {
        Some(b) => {
            io::stdout().lock().write_all(b.source.as_bytes())?;
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let names: Vec<&str> = builtin::all().map(|b| b.name).collect();
            let help = match scenario::closest(name, names.iter().copied()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("the built-ins are {}", names.join(", ")),
            };
            eprintln!("invitesim: no built-in scenario \"{name}\"\n  = help: {help}");
            Ok(ExitCode::from(EXIT_BAD_INPUT))
        }
    }
}

fn parse_speed(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && (0.05..=100.0).contains(&v) => Ok(v),
        _ => Err(format!("\"{s}\" is not a speed between 0.05 and 100")),
    }
}

/// "120x36" (or "120×36") as (width, height).
fn parse_size(s: &str) -> Result<(u16, u16), String> {
    let bad = || format!("\"{s}\" is not a size like 120x36 (width and height from 1 to 1000)");
    let (w, h) = s.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let parse = |v: &str| {
        v.trim()
            .parse::<u16>()
            .ok()
            .filter(|n| (1..=1000).contains(n))
    };
    Ok((parse(w).ok_or_else(bad)?, parse(h).ok_or_else(bad)?))
}

fn parse_delay(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && (0.0..=600.0).contains(&v) => Ok(v),
        _ => Err(format!(
            "\"{s}\" is not a number of seconds between 0 and 600"
        )),
    }
}
