//! The real binary: start-up output, the data-dir lock, graceful shutdown and secrets in logs.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod log_secrecy;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use plexgate::fakeplex::FakePlex;
use rustix::process::Signal;

use crate::programs::Spawned;

pub const BIN: &str = env!("CARGO_BIN_EXE_plexgate");

/// The binary serving on a free loopback port with `data_dir`, talking to the fake plex.tv at
/// `plex` (never the real one) and logging at `debug` unless `extra` says otherwise.
pub fn plexgate(data_dir: &Path, plex: &FakePlex, extra: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.env_clear()
        .env("PLEXGATE_SERVER_LISTEN", "127.0.0.1:0")
        .env("PLEXGATE_SERVER_DATA_DIR", data_dir)
        .env("PLEXGATE_PLEX_API_URL", plex.base_url())
        .env("PLEXGATE_PLEX_CLIENTS_URL", plex.base_url())
        .env("PLEXGATE_PLEX_AUTH_URL", plex.auth_url())
        .env("RUST_LOG", "debug")
        .current_dir(data_dir.parent().unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in extra {
        cmd.env(k, v);
    }
    cmd
}

/// A fake plex.tv on its own runtime, for the tests that are not async themselves.
pub fn local_plex() -> (tokio::runtime::Runtime, FakePlex) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let fake = rt.block_on(FakePlex::start()).unwrap();
    (rt, fake)
}

/// A started server (its own process group, ended on drop): its stdout lines arrive on a
/// channel, its stderr is read all along (a full pipe would stall it); `addr` is where it
/// listens.
pub struct Running {
    process: Spawned,
    lines: mpsc::Receiver<String>,
    stderr: Option<std::thread::JoinHandle<String>>,
    pub seen: Vec<String>,
    pub addr: String,
}

pub fn start(cmd: &mut Command) -> Running {
    let mut process = Spawned::spawn(cmd).unwrap();
    let stdout = process.child.stdout.take().unwrap();
    let mut err = process.child.stderr.take().unwrap();
    let stderr = std::thread::spawn(move || {
        let mut all = String::new();
        let _ = err.read_to_string(&mut all);
        all
    });
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let addr = loop {
        let line = lines
            .recv_timeout(Duration::from_secs(30))
            .expect("server printed its address");
        seen.push(line.clone());
        if let Some(rest) = line.split("listening on http://").nth(1) {
            break rest.trim().to_owned();
        }
    };
    Running {
        process,
        lines,
        stderr: Some(stderr),
        seen,
        addr,
    }
}

impl Running {
    pub fn next_line(&mut self) -> String {
        let l = self.lines.recv_timeout(Duration::from_secs(30)).unwrap();
        self.seen.push(l.clone());
        l
    }

    fn get(&self, path: &str) -> u16 {
        // A blocking request via a tiny runtime: keeps this test free of async plumbing.
        crate::support::tls();
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        let url = format!("http://{}{path}", self.addr);
        rt.block_on(async {
            let resp = crate::support::client().get(url).send().await.unwrap();
            resp.status().as_u16()
        })
    }

    /// SIGTERM, then everything it wrote to stderr, and whether it exited cleanly.
    pub fn terminate(mut self) -> (bool, String, Vec<String>) {
        self.process.signal(Signal::TERM);
        let status = self.process.child.wait().unwrap();
        let err = self.stderr.take().unwrap().join().unwrap();
        while let Ok(l) = self.lines.try_recv() {
            self.seen.push(l);
        }
        (status.success(), err, self.seen)
    }
}

#[test]
fn first_run_prints_setup_link_and_second_instance_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (_rt, fake) = local_plex();
    let mut first = start(&mut plexgate(&data, &fake, &[]));
    let setup = first.next_line();
    assert!(setup.contains("setup link"), "{setup}");
    let url = first.next_line();
    // Only server.listen is set: the link is the address plexgate listens on (issue 20).
    assert!(
        url.trim()
            .starts_with(&format!("http://{}/setup?code=", first.addr)),
        "{url}"
    );
    assert_eq!(first.get("/healthz"), 200);

    let second = plexgate(&data, &fake, &[]).output().unwrap();
    assert!(!second.status.success());
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(err.contains("already in use by another plexgate"), "{err}");
    assert!(!err.contains("panicked"), "{err}");

    let (clean, err, _) = first.terminate();
    assert!(clean, "SIGTERM shuts down gracefully with exit 0");
    // stderr is a pipe here, as under journald or `docker logs`: no colour codes, and request
    // durations rounded to two decimals.
    assert!(
        !err.contains('\x1b'),
        "ANSI escape codes in piped logs:\n{err}"
    );
    let durations: Vec<&str> = err
        .split_whitespace()
        .filter_map(|w| w.strip_prefix("ms="))
        .collect();
    assert!(!durations.is_empty(), "a request line with ms=:\n{err}");
    for ms in durations {
        let decimals = ms.split_once('.').map_or(0, |(_, d)| d.len());
        assert!(decimals <= 2, "ms={ms} is not rounded");
    }
}

#[test]
fn version_and_print_config() {
    let v = Command::new(BIN).arg("--version").output().unwrap();
    assert!(v.status.success());
    assert!(String::from_utf8_lossy(&v.stdout).contains(env!("CARGO_PKG_VERSION")));
    let c = Command::new(BIN).arg("print-config").output().unwrap();
    assert!(c.status.success());
    let text = String::from_utf8_lossy(&c.stdout);
    assert!(text.contains("# listen = \"127.0.0.1:8080\""), "{text}");
}

#[test]
fn a_bad_config_key_stops_the_start_with_a_clear_message() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("plexgate.toml");
    std::fs::write(&cfg, "[server]\nlisen = \"127.0.0.1:1\"\n").unwrap();
    let out = Command::new(BIN)
        .arg("--config")
        .arg(&cfg)
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("server.lisen"), "{err}");
    assert!(err.contains("plexgate.toml"), "{err}");
}
