//! Programs the tests start (the plexgate binary, nginx, caddy, chromedriver and its Chromium):
//! each in a process group of its own, ended as a whole when the test ends however it ends, so no
//! worker or browser keeps a port open after the run. And where the tests look for the external
//! programs: on `PATH`, as `.ci/run` decides what to install (`command -v`).
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use rustix::process::{Pid, Signal, kill_process, kill_process_group};

/// How long a group may take to exit after SIGTERM before it gets SIGKILL.
const GRACE: Duration = Duration::from_secs(5);

/// A started program that leads its own process group. Dropping it sends SIGTERM to the whole
/// group (nginx's master and workers, chromedriver and every Chromium process it started), waits
/// up to [`GRACE`] for the leader, then SIGKILLs whatever of the group is left.
pub struct Spawned {
    pub child: Child,
}

impl Spawned {
    /// Spawns `cmd` as the leader of a new process group.
    pub fn spawn(cmd: &mut Command) -> std::io::Result<Self> {
        use std::os::unix::process::CommandExt as _;
        let child = cmd.process_group(0).spawn()?;
        Ok(Self { child })
    }

    fn pid(&self) -> Pid {
        Pid::from_child(&self.child)
    }

    /// Sends `signal` to the leader only (e.g. SIGTERM to test a graceful shutdown).
    pub fn signal(&self, signal: Signal) {
        kill_process(self.pid(), signal).unwrap();
    }
}

impl Drop for Spawned {
    fn drop(&mut self) {
        let group = self.pid();
        let _ = kill_process_group(group, Signal::TERM);
        let deadline = Instant::now() + GRACE;
        while Instant::now() < deadline {
            match self.child.try_wait() {
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                _ => break,
            }
        }
        // Whatever ignored SIGTERM (or outlived its parent) goes now.
        let _ = kill_process_group(group, Signal::KILL);
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether this run is CI: `CI` set to anything non-empty. Under CI a missing program fails.
pub fn under_ci() -> bool {
    std::env::var_os("CI").is_some_and(|v| !v.is_empty())
}

/// `name` as `command -v` finds it: the first executable file called `name` in a `PATH` entry.
pub fn on_path(name: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt as _;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| {
            p.metadata()
                .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        })
}

/// `name` on `PATH`, else the first of `also` that exists (only where `.ci/run` accepts it too,
/// e.g. `/usr/sbin/nginx`, off a non-root `PATH`).
pub fn find_program(name: &str, also: &[&str]) -> Option<PathBuf> {
    on_path(name).or_else(|| also.iter().map(PathBuf::from).find(|p| p.is_file()))
}

/// Says, where `cargo test` shows it, that the running test did not run (libtest captures
/// `eprintln!`; this writes to the process's stderr directly).
pub fn say_skipped(reason: &str) {
    let thread = std::thread::current();
    let test = thread.name().unwrap_or("a test");
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "SKIPPED {test}: {reason}");
}

/// Every program in `names` (each as [`find_program`] finds it), or `None` after saying the
/// test is skipped, naming the Debian packages to install. Under CI a missing program fails the
/// test instead: `.ci/run` installs them.
pub fn required_programs(names: &[(&str, &[&str])], packages: &str) -> Option<Vec<PathBuf>> {
    let found: Vec<Option<PathBuf>> = names
        .iter()
        .map(|(n, also)| find_program(n, also))
        .collect();
    if found.iter().all(Option::is_some) {
        return Some(found.into_iter().flatten().collect());
    }
    let missing: Vec<&str> = names
        .iter()
        .zip(&found)
        .filter(|(_, f)| f.is_none())
        .map(|((n, _), _)| *n)
        .collect();
    let reason = format!(
        "{} not found on PATH (apt-get install {packages}, as .ci/run does)",
        missing.join(", ")
    );
    assert!(
        !under_ci(),
        "CI is set, so a missing program fails: {reason}"
    );
    say_skipped(&reason);
    None
}
