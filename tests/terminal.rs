//! The terminal is restored on every way out: a panic inside the loop, SIGTERM,
//! SIGHUP and SIGINT. The app runs in a real pseudo-terminal (util-linux `script`), and
//! what it wrote is checked for the restoring sequences after the point of failure.

use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const ALT_SCREEN_ON: &str = "\x1b[?1049h";
const ALT_SCREEN_OFF: &str = "\x1b[?1049l";
const CURSOR_SHOWN: &str = "\x1b[?25h";
const MOUSE_OFF: &str = "\x1b[?1000l";

struct Session {
    child: Child,
    output: Arc<Mutex<Vec<u8>>>,
}

fn start(env: &[(&str, &str)]) -> Session {
    start_with("", env)
}

/// The app in a pty, its stdin redirected by `redirect` (a shell fragment such as
/// `< /dev/null`), so that keys can only come from the terminal itself.
fn start_with(redirect: &str, env: &[(&str, &str)]) -> Session {
    let bin = env!("CARGO_BIN_EXE_invitesim");
    let line = match redirect {
        "" => format!("exec {bin} open tour"),
        "|" => format!("echo | exec {bin} open tour"),
        r => format!("exec {bin} open tour {r}"),
    };
    let s = spawn(&line, env);
    s.wait_for(ALT_SCREEN_ON);
    // Let the first frame land.
    std::thread::sleep(Duration::from_millis(300));
    s
}

/// A shell command line in a pty, its output collected as it comes.
fn spawn(line: &str, env: &[(&str, &str)]) -> Session {
    let mut cmd = Command::new("script");
    cmd.args(["-qefc", line, "/dev/null"])
        .env("TERM", "xterm-256color")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd
        .spawn()
        .expect("util-linux `script` runs the app in a pty");
    let output = Arc::new(Mutex::new(Vec::new()));
    let mut stdout = child.stdout.take().expect("piped");
    let sink = Arc::clone(&output);
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        while let Ok(n) = stdout.read(&mut buf) {
            if n == 0 {
                break;
            }
            sink.lock().expect("lock").extend_from_slice(&buf[..n]);
        }
    });
    Session { child, output }
}

impl Session {
    /// Types `bytes` at the terminal.
    fn key(&mut self, bytes: &[u8]) {
        let stdin = self.child.stdin.as_mut().expect("stdin");
        stdin.write_all(bytes).expect("a key");
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().expect("lock")).into_owned()
    }

    fn wait_for(&self, needle: &str) {
        let t = Instant::now();
        while !self.text().contains(needle) {
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "never saw {needle:?} in {:?}",
                self.text()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// The app's own pid: `script` execs it as its only child.
    fn app_pid(&self) -> String {
        let out = Command::new("pgrep")
            .args(["-P", &self.child.id().to_string()])
            .output()
            .expect("pgrep");
        String::from_utf8_lossy(&out.stdout)
            .trim()
            .lines()
            .next()
            .expect("the app runs")
            .to_owned()
    }

    fn finish(mut self) -> (Option<i32>, String) {
        let t = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                break status;
            }
            assert!(
                t.elapsed() < Duration::from_secs(20),
                "the app did not exit"
            );
            std::thread::sleep(Duration::from_millis(20));
        };
        std::thread::sleep(Duration::from_millis(100));
        (status.code(), self.text())
    }
}

/// A test that fails (panics) midway must not leave `script` and the app running:
/// ending `script` hangs the app's terminal up, and the app exits on that.
impl Drop for Session {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// After the last time the app entered the alternate screen, it left it, showed the
/// cursor and turned mouse capture off.
fn assert_restored(output: &str) {
    let after = &output[output.rfind(ALT_SCREEN_ON).expect("entered")..];
    for (seq, what) in [
        (ALT_SCREEN_OFF, "main screen back"),
        (CURSOR_SHOWN, "cursor shown"),
        (MOUSE_OFF, "mouse capture off"),
    ] {
        assert!(
            after.contains(seq),
            "{what}: {seq:?} missing after the failure"
        );
    }
}

#[test]
fn a_panic_inside_the_loop_restores_the_terminal() {
    let mut s = start(&[("INVITESIM_TEST_PANIC", "1")]);
    s.key(b"j");
    let (code, output) = s.finish();
    assert_eq!(code, Some(101), "a panic exits with Rust's panic status");
    assert!(output.contains("a panic inside the event loop, on purpose"));
    assert_restored(&output);
}

#[test]
fn signals_restore_the_terminal() {
    for (signal, code) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        let s = start(&[]);
        let status = Command::new("kill")
            .args([&format!("-{signal}"), &s.app_pid()])
            .status();
        assert!(status.expect("kill").success());
        let (exit, output) = s.finish();
        assert_eq!(exit, Some(code), "SIG{signal}");
        assert_restored(&output);
    }
}

#[test]
fn q_quits_with_status_0() {
    let mut s = start(&[]);
    s.key(b"q");
    let (code, output) = s.finish();
    assert_eq!(code, Some(0));
    assert_restored(&output);
}

#[test]
fn a_terminal_that_goes_away_ends_the_app() {
    // Killing `script` closes the pty's master side: the app's terminal hangs up, as
    // when a window is closed or a tmux server is killed.
    let mut s = start(&[]);
    let app = s.app_pid();
    s.child.kill().expect("kill script");
    let _ = s.child.wait();
    let t = Instant::now();
    while std::path::Path::new(&format!("/proc/{app}")).exists() {
        let stat = std::fs::read_to_string(format!("/proc/{app}/stat")).unwrap_or_default();
        if stat.split_whitespace().nth(2) == Some("Z") {
            break; // exited, waiting to be reaped
        }
        assert!(
            t.elapsed() < Duration::from_secs(5),
            "the app outlived its terminal"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// CPU time (user + system, in clock ticks) the process has used so far.
fn cpu_ticks(pid: &str) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    // Fields after the command name: state is 3rd, utime the 14th, stime the 15th.
    let after = stat.rsplit(')').next().unwrap_or_default();
    let fields: Vec<&str> = after.split_whitespace().collect();
    let n = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<u64>().ok())
            .unwrap_or(0)
    };
    n(11) + n(12)
}

/// With stdin from a pipe or from /dev/null the app reads its keys from the terminal
/// (/dev/tty): it draws, idles without spinning, takes `q` and exits 0, restored.
#[test]
fn stdin_from_a_pipe_or_dev_null_still_reads_the_terminal() {
    for redirect in ["|", "< /dev/null"] {
        let mut s = start_with(redirect, &[]);
        let app = s.app_pid();
        let before = cpu_ticks(&app);
        std::thread::sleep(Duration::from_millis(1000));
        let used = cpu_ticks(&app) - before;
        assert!(
            used < 30,
            "{redirect}: idle for a second used {used} ticks of CPU (spinning?)"
        );
        s.key(b"q");
        let (code, output) = s.finish();
        assert_eq!(code, Some(0), "{redirect}: q quits from the terminal");
        assert_restored(&output);
    }
}

/// `script`'s pty has no size of its own: give it one, so there is room to draw.
const SIZED: &str = "stty cols 100 rows 30;";

/// A generated world big enough to take a while to load in a debug build.
fn big_world() -> std::path::PathBuf {
    let path = std::env::temp_dir().join(format!("invitesim-term-{}-big.ron", std::process::id()));
    if !path.exists() {
        let out = Command::new(env!("CARGO_BIN_EXE_invitesim"))
            .args([
                "generate",
                "--people",
                "5000",
                "--invitations",
                "60000",
                "--seed",
                "3",
                "-o",
            ])
            .arg(&path)
            .output()
            .expect("generate");
        assert!(out.status.success(), "{out:?}");
    }
    path
}

#[test]
fn a_slow_load_shows_a_loading_screen_then_the_app() {
    let path = big_world();
    let bin = env!("CARGO_BIN_EXE_invitesim");
    let mut s = spawn(&format!("{SIZED} exec {bin} open {}", path.display()), &[]);
    s.wait_for("invitesim · loading");
    // A file this big is replayed while it is parsed ("… moments replayed"; one word:
    // the screen is drawn as runs of changed cells, so a space may be a cursor move).
    s.wait_for("replayed");
    // Then the app, in the same session: its header, and nothing restored in between.
    s.wait_for("Generated network");
    let text = s.text();
    assert_eq!(
        text.matches(ALT_SCREEN_ON).count(),
        1,
        "one terminal session"
    );
    s.key(b"q");
    let (code, output) = s.finish();
    assert_eq!(code, Some(0));
    assert_restored(&output);
}

#[test]
fn q_on_the_loading_screen_cancels() {
    let path = big_world();
    let bin = env!("CARGO_BIN_EXE_invitesim");
    let mut s = spawn(&format!("{SIZED} exec {bin} open {}", path.display()), &[]);
    s.wait_for("q cancels");
    s.key(b"q");
    let (code, output) = s.finish();
    assert_eq!(code, Some(0));
    assert_restored(&output);
    assert!(
        !output.contains("Generated network"),
        "cancelled before the app"
    );
}

#[test]
fn check_shows_progress_on_a_terminal_and_nothing_when_piped() {
    let path = big_world();
    let bin = env!("CARGO_BIN_EXE_invitesim");
    let s = spawn(&format!("{SIZED} exec {bin} check {}", path.display()), &[]);
    let (code, output) = s.finish();
    assert_eq!(code, Some(0), "{output}");
    assert!(
        output.contains("invitations read") || output.contains("moments"),
        "{output}"
    );
    assert!(
        output.contains("ok (5000 people, 60000 invitations"),
        "{output}"
    );
    // The progress line is cleared before the result.
    assert!(output.contains("\r\x1b[K"), "{output:?}");
    let piped = Command::new(bin)
        .arg("check")
        .arg(&path)
        .output()
        .expect("runs");
    assert!(piped.status.success());
    assert!(
        piped.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );
}
