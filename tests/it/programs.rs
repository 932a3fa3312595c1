//! Programs the tests start (the plexgate binary, nginx, caddy, chromedriver and its Chromium):
//! each in a process group of its own, ended as a whole when the test ends however it ends, so no
//! worker or browser keeps a port open after the run. And where the tests look for the external
//! programs: on `PATH`, as `.ci/run` decides what to install (`command -v`).
#![allow(clippy::unwrap_used, clippy::expect_used, dead_code)]

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

/// A program from outside Rust that some tests need, and the Debian package `.ci/run` installs
/// it from.
pub struct Program {
    pub name: &'static str,
    /// Where else `.ci/run` accepts it (e.g. `/usr/sbin/nginx`, off a non-root `PATH`).
    pub also: &'static [&'static str],
    pub package: &'static str,
}

pub const CHROMIUM: Program = Program {
    name: "chromium",
    also: &[],
    package: "chromium",
};
pub const CHROMEDRIVER: Program = Program {
    name: "chromedriver",
    also: &[],
    package: "chromium-driver",
};
pub const NGINX: Program = Program {
    name: "nginx",
    also: &["/usr/sbin/nginx"],
    package: "nginx",
};
pub const CADDY: Program = Program {
    name: "caddy",
    also: &[],
    package: "caddy",
};
/// Apache with mod_auth_openidc (the OIDC relying-party test); the module is checked too.
pub const APACHE: Program = Program {
    name: "apache2",
    also: &["/usr/sbin/apache2"],
    package: "apache2 libapache2-mod-auth-openidc",
};
pub const SYSTEMD_ANALYZE: Program = Program {
    name: "systemd-analyze",
    also: &["/usr/bin/systemd-analyze"],
    package: "systemd",
};

impl Program {
    /// On `PATH`, else the first of [`Program::also`] that exists.
    pub fn find(&self) -> Option<PathBuf> {
        on_path(self.name).or_else(|| self.also.iter().map(PathBuf::from).find(|p| p.is_file()))
    }

    /// The program's path; a missing one fails the test (a skipped test run on purpose, with
    /// `--include-ignored`, fails rather than passes).
    pub fn path(&self) -> PathBuf {
        self.find()
            .unwrap_or_else(|| panic!("{}", missing(&[self]).unwrap_or_default()))
    }
}

/// Why a test needing `needs` cannot run here: which are missing and what to install, or `None`
/// when every one is found.
pub fn missing(needs: &[&Program]) -> Option<String> {
    let absent: Vec<&&Program> = needs.iter().filter(|p| p.find().is_none()).collect();
    if absent.is_empty() {
        return None;
    }
    let names: Vec<&str> = absent.iter().map(|p| p.name).collect();
    let packages: Vec<&str> = absent.iter().map(|p| p.package).collect();
    Some(format!(
        "{} not found on PATH (apt-get install {}, as .ci/run does)",
        names.join(", "),
        packages.join(" ")
    ))
}
