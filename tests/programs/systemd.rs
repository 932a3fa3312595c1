//! `systemd-analyze verify` on the packaged unit (Debian's `systemd`, installed by `.ci/run`);
//! `tests/it/packaging.rs` checks its hardening settings and `ExecStart`'s arguments.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::process::Command;

use crate::programs::SYSTEMD_ANALYZE;

const BIN: &str = env!("CARGO_BIN_EXE_plexgate");

pub fn the_systemd_unit_verifies() {
    let analyze = SYSTEMD_ANALYZE.path();
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("packaging/systemd/plexgate.service");
    let unit = std::fs::read_to_string(&path).unwrap();
    let program = unit
        .lines()
        .find_map(|l| l.trim().strip_prefix("ExecStart="))
        .and_then(|exec| exec.split_whitespace().next())
        .expect("ExecStart");
    // verify checks that ExecStart's program exists: verify a copy naming the built binary.
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("plexgate.service");
    std::fs::write(&copy, unit.replace(program, BIN)).unwrap();
    let out = Command::new(analyze)
        .arg("verify")
        .arg(&copy)
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    // Unknown keys are only warnings to systemd: any output counts as a failure here.
    assert!(out.status.success() && said.trim().is_empty(), "{said}");
}
