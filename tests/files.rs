//! Safe writes (`files::write_atomically`, behind `generate -o`, `record -o`, Ctrl-S and
//! the lessons' progress): a symlink planted where the old temporary file's name was
//! predictable is not followed; a read-only folder, a full disk and a kill during the
//! write leave the old file as it was, and the first two say why.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

fn dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("invitesim-files-{}-{name}", std::process::id()));
    if d.exists() {
        let _ = fs::set_permissions(&d, fs::Permissions::from_mode(0o755));
        let _ = fs::remove_dir_all(&d);
    }
    fs::create_dir_all(&d).expect("mkdir");
    d
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_invitesim")
}

fn generate(out: &Path, invitations: &str) -> Vec<String> {
    [
        "generate",
        "--people",
        "2000",
        "--invitations",
        invitations,
        "--seed",
        "7",
        "-o",
        out.to_str().expect("utf-8"),
    ]
    .map(str::to_owned)
    .to_vec()
}

const OLD: &str = "the old file\n";

/// Files in `d` other than the ones named.
fn debris(d: &Path, keep: &[&str]) -> Vec<String> {
    fs::read_dir(d)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| !keep.contains(&n.as_str()))
        .collect()
}

#[test]
fn a_symlink_at_the_old_temporary_name_is_not_followed() {
    let d = dir("symlink");
    let victim = d.join("victim");
    fs::write(&victim, "precious\n").expect("victim");
    let out = d.join("world.ron");
    // The names the old code would have used, for every pid this process could have.
    std::os::unix::fs::symlink(
        &victim,
        d.join(format!("world.ron.{}.tmp", std::process::id())),
    )
    .expect("plant");
    invitesim::files::write_atomically(&out, |w| w.write_all(b"new\n")).expect("writes");
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "precious\n");
    assert_eq!(fs::read_to_string(&out).expect("out"), "new\n");
    // And through the command line, whose pid is not known in advance: the write
    // goes to a new file of its own, never through a link.
    let run = Command::new(bin())
        .args(generate(&out, "100"))
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(0));
    assert_eq!(fs::read_to_string(&victim).expect("victim"), "precious\n");
}

#[test]
fn a_replaced_file_keeps_its_permissions() {
    let d = dir("perms");
    let out = d.join("progress.ron");
    fs::write(&out, OLD).expect("old");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o640)).expect("chmod");
    invitesim::files::write_atomically(&out, |w| w.write_all(b"new\n")).expect("writes");
    let mode = fs::metadata(&out).expect("meta").permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(debris(&d, &["progress.ron"]), Vec::<String>::new());
}

#[test]
fn a_new_file_gets_the_permissions_of_any_new_file() {
    let d = dir("new");
    let out = d.join("world.ron");
    let run = Command::new("sh")
        .arg("-c")
        .arg("umask 022; exec \"$0\" \"$@\"")
        .arg(bin())
        .args(generate(&out, "100"))
        .output()
        .expect("runs");
    assert_eq!(run.status.code(), Some(0));
    let mode = fs::metadata(&out).expect("meta").permissions().mode() & 0o777;
    assert_eq!(
        mode, 0o644,
        "0666 less the umask, not a temporary file's 0600"
    );
}

/// Runs the binary as an unprivileged user even when the tests run as root (in a user
/// namespace of its own, where root's files are not its own), so a read-only folder is
/// read-only to it.
fn unprivileged(args: &[String]) -> Output {
    use std::os::unix::fs::MetadataExt;
    // /proc/self belongs to the process's effective user.
    let root = fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    let mut cmd = if root {
        let mut c = Command::new("unshare");
        c.arg("--user").arg(bin());
        c
    } else {
        Command::new(bin())
    };
    cmd.args(args).output().expect("runs")
}

/// A write that failed: exit 2, a message naming the file and `why`, the old file as
/// it was, and nothing else left in its folder.
fn refused_and_intact(run: &Output, why: &str, d: &Path, out: &Path) {
    assert_eq!(run.status.code(), Some(2), "{run:?}");
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("world.ron"), "{err}");
    assert!(err.to_lowercase().contains(why), "{err}");
    assert_eq!(fs::read_to_string(out).expect("old"), OLD);
    assert_eq!(debris(d, &["world.ron"]), Vec::<String>::new());
}

#[test]
fn a_read_only_folder_leaves_the_old_file_and_says_why() {
    let d = dir("readonly");
    let out = d.join("world.ron");
    fs::write(&out, OLD).expect("old");
    fs::set_permissions(&d, fs::Permissions::from_mode(0o555)).expect("chmod");
    let run = unprivileged(&generate(&out, "100"));
    fs::set_permissions(&d, fs::Permissions::from_mode(0o755)).expect("chmod back");
    refused_and_intact(&run, "permission denied", &d, &out);
}

#[test]
fn a_full_disk_leaves_the_old_file_and_says_why() {
    let d = dir("full");
    let out = d.join("world.ron");
    fs::write(&out, OLD).expect("old");
    // A file-size limit of 64 KiB stands in for a full disk: the write fails with
    // "File too large" part-way (SIGXFSZ ignored, as a shell can).
    let script = "trap '' XFSZ; ulimit -f 64; exec \"$0\" \"$@\"";
    let run = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(bin())
        .args(generate(&out, "20000"))
        .output()
        .expect("runs");
    refused_and_intact(&run, "too large", &d, &out);
}

#[test]
fn a_kill_during_the_write_leaves_the_old_file() {
    let d = dir("kill");
    let out = d.join("world.ron");
    fs::write(&out, OLD).expect("old");
    let mut child = Command::new(bin())
        .args(generate(&out, "150000"))
        .spawn()
        .expect("runs");
    // Kill it as soon as its temporary file appears: in the middle of the write.
    let started = std::time::Instant::now();
    let mut seen = false;
    while started.elapsed() < Duration::from_secs(120) {
        if !debris(&d, &["world.ron"]).is_empty() {
            seen = true;
            break;
        }
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    let _ = child.kill();
    let status = child.wait().expect("waits");
    assert!(
        seen && !status.success(),
        "killed while writing: {status:?}"
    );
    assert_eq!(fs::read_to_string(&out).expect("the old file"), OLD);
}
