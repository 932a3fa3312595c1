//! `plexgate demo` from the real binary: the printed links work, an invited friend signs in
//! through the fake's sign-in page, and the temporary data dir is gone after Ctrl-C.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use rustix::process::Signal;

use super::web::{Jar, fragment_param};
use crate::programs::Spawned;

/// The value after `label` on the printed lines.
fn printed(lines: &[String], label: &str) -> String {
    lines
        .iter()
        .find_map(|l| l.strip_prefix(label))
        .unwrap_or_else(|| panic!("{label} in {lines:?}"))
        .trim()
        .to_owned()
}

#[test]
fn an_invited_friend_signs_in_through_the_demo() {
    let mut demo = Spawned::spawn(
        Command::new(env!("CARGO_BIN_EXE_plexgate"))
            .args(["demo", "--listen", "127.0.0.1:0"])
            .env_clear()
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    )
    .unwrap();
    let stdout = demo.child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut lines = Vec::new();
    loop {
        let line = rx
            .recv_timeout(Duration::from_secs(60))
            .expect("the demo prints its links");
        let done = line.contains("Ctrl-C to stop");
        lines.push(line);
        if done {
            break;
        }
    }
    let app = printed(&lines, "app:");
    let invite = printed(&lines, "invite:");
    assert!(printed(&lines, "admin:").ends_with("/admin"));
    let data = printed(&lines, "data:");
    let data_dir = data.trim_end_matches(" (removed on exit)").to_owned();
    assert!(std::path::Path::new(&data_dir).exists(), "{data_dir}");

    crate::support::tls();
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let mut jar = Jar::default();
        let page = jar.get(&invite).await;
        assert_eq!(page.status, 200, "{}", page.body);
        let code = invite.rsplit('/').next().unwrap();
        let start = jar.get(&format!("{app}auth/plex?invite={code}")).await;
        assert_eq!(start.status, 303, "{}", start.body);
        // The fake's sign-in page offers carol; its form approves the PIN as her.
        let auth = &start.location;
        let page = jar.get(auth).await;
        assert!(page.body.contains("Sign in as carol"), "{}", page.body);
        let fake_base = auth.split("/auth").next().unwrap();
        let approved = jar
            .post_form(
                &format!("{fake_base}/auth/approve"),
                &[
                    ("code", &fragment_param(auth, "code")),
                    ("clientID", &fragment_param(auth, "clientID")),
                    ("forwardUrl", &fragment_param(auth, "forwardUrl")),
                    ("account", "carol"),
                ],
            )
            .await;
        assert_eq!(approved.status, 302, "{}", approved.body);
        let done = jar.get(&approved.location).await;
        assert_eq!(done.status, 303, "{}", done.body);
        assert!(
            done.location.ends_with("/me?welcome=1"),
            "{}",
            done.location
        );
        let done = jar.get(&format!("{app}me?welcome=1")).await;
        assert_eq!(done.status, 200, "{}", done.body);
        assert!(done.body.contains("You&#x27;re in"), "{}", done.body);
    });

    demo.signal(Signal::INT);
    assert!(
        demo.child.wait().unwrap().success(),
        "Ctrl-C stops the demo cleanly"
    );
    assert!(
        !std::path::Path::new(&data_dir).exists(),
        "the temporary data dir is removed"
    );
}
