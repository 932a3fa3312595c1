//! Packaging (issue 21): the Containerfile runs as a non-root user, the compose file and the
//! Unraid template name only variables of the config key table, the systemd unit is hardened
//! (`systemd-analyze verify` runs in `tests/programs/systemd.rs`), and `plexgate healthcheck`
//! answers for the local server. scripts/image-check (run by CI) builds
//! the image and runs it; these tests read the files the image and the installs are made from.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use plexgate::config::{KEYS, Kind};

use crate::support::TestApp;

const BIN: &str = env!("CARGO_BIN_EXE_plexgate");

fn repo_file(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every environment name the key table accepts (`<NAME>_FILE` for secrets too).
fn known_env() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for key in KEYS {
        if let Some(env) = key.env {
            names.insert(env.to_owned());
            if key.file_env {
                names.insert(format!("{env}_FILE"));
            }
        }
    }
    names
}

/// Every `PLEXGATE_*` word in `text` (comments included: a commented example must be right too).
fn plexgate_vars(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.starts_with("PLEXGATE_") && !w.ends_with('_'))
        .map(str::to_owned)
        .collect()
}

fn assert_known(what: &str, vars: &BTreeSet<String>) {
    let known = known_env();
    let unknown: Vec<&String> = vars.iter().filter(|v| !known.contains(*v)).collect();
    assert!(
        unknown.is_empty(),
        "{what} names variables the config key table does not have: {unknown:?}"
    );
}

/// The Containerfile's instructions (continuation lines joined, comments dropped), keyword
/// upper-cased, from the last `FROM` on (the stage that becomes the image).
fn containerfile() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for raw in repo_file("Containerfile").lines() {
        let line = raw.trim();
        if line.starts_with('#') || (line.is_empty() && pending.is_empty()) {
            continue;
        }
        if let Some(head) = line.strip_suffix('\\') {
            pending.push_str(head);
            pending.push(' ');
            continue;
        }
        pending.push_str(line);
        let full = std::mem::take(&mut pending);
        let (kw, rest) = full
            .trim()
            .split_once(char::is_whitespace)
            .unwrap_or((&full, ""));
        if kw.eq_ignore_ascii_case("FROM") {
            out.clear();
        }
        out.push((kw.to_ascii_uppercase(), rest.trim().to_owned()));
    }
    out
}

/// The user an image built from `instructions` runs as by default (`None`: root).
fn default_user(instructions: &[(String, String)]) -> Option<String> {
    instructions
        .iter()
        .rev()
        .find(|(kw, _)| kw == "USER")
        .map(|(_, user)| user.clone())
}

fn is_root(user: Option<&str>) -> bool {
    match user {
        None => true,
        Some(u) => {
            let name = u.split(':').next().unwrap_or("").trim();
            name.is_empty() || name == "0" || name == "root"
        }
    }
}

#[test]
fn the_image_runs_as_a_non_root_user_by_default() {
    // The check itself: no USER, or USER root/0, counts as root.
    let root = |text: &str| {
        let ins: Vec<(String, String)> = text
            .lines()
            .filter_map(|l| l.split_once(' '))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        is_root(default_user(&ins).as_deref())
    };
    assert!(root("FROM scratch"));
    assert!(root("FROM scratch\nUSER 1000\nUSER 0:0"));
    assert!(root("FROM scratch\nUSER root"));
    assert!(!root("FROM scratch\nUSER 1000:1000"));

    let ins = containerfile();
    assert_eq!(ins[0], ("FROM".to_owned(), "scratch".to_owned()));
    let user = default_user(&ins);
    assert!(
        !is_root(user.as_deref()),
        "the image would run as root: {user:?}"
    );
    assert_eq!(user.as_deref(), Some("1000:1000"));
    let has = |kw: &str, value: &str| ins.iter().any(|(k, v)| k == kw && v.contains(value));
    assert!(has("ENV", "PLEXGATE_SERVER_LISTEN=0.0.0.0:8080"));
    assert!(has("ENV", "PLEXGATE_SERVER_DATA_DIR=/data"));
    assert!(has("VOLUME", "\"/data\""));
    assert!(has("EXPOSE", "8080"));
    assert!(has("HEALTHCHECK", "CMD [\"/plexgate\", \"healthcheck\"]"));
    assert!(has("LABEL", "org.opencontainers.image.title"));
    let env: String = ins
        .iter()
        .filter(|(k, _)| k == "ENV")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_known("the Containerfile", &plexgate_vars(&env));
}

/// A small YAML reader for the compose file: every line is a comment, `key: value`, `key:` or
/// `- item`, indented by two spaces a level; returns (indent, key, value) of the mapping lines.
fn yaml_lines(text: &str) -> Vec<(usize, String, String)> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let trimmed = raw.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        let indent = raw.len() - trimmed.len();
        assert!(
            indent % 2 == 0 && !raw.contains('\t'),
            "line {}: bad indent",
            n + 1
        );
        if let Some(item) = trimmed.strip_prefix("- ") {
            assert!(!item.trim().is_empty(), "line {}: empty item", n + 1);
            continue;
        }
        let (key, value) = trimmed
            .split_once(':')
            .unwrap_or_else(|| panic!("line {}: not `key: value`: {raw}", n + 1));
        assert!(
            !key.is_empty()
                && key
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "_-.".contains(c)),
            "line {}: bad key {key:?}",
            n + 1
        );
        assert!(
            value.is_empty() || value.starts_with(' '),
            "line {}: `key:value` needs a space",
            n + 1
        );
        out.push((indent, key.to_owned(), value.trim().to_owned()));
    }
    out
}

#[test]
fn compose_and_unraid_name_the_config_variables() {
    let compose = repo_file("compose.yaml");
    let lines = yaml_lines(&compose);
    let top: Vec<&str> = lines
        .iter()
        .filter(|(i, _, _)| *i == 0)
        .map(|(_, k, _)| k.as_str())
        .collect();
    assert_eq!(top, ["services", "volumes", "secrets"]);
    let env_start = lines
        .iter()
        .position(|(_, k, _)| k == "environment")
        .expect("an environment block");
    let env_indent = lines[env_start].0;
    let env: BTreeSet<String> = lines[env_start + 1..]
        .iter()
        .take_while(|(i, _, _)| *i > env_indent)
        .map(|(_, k, _)| k.clone())
        .collect();
    for needed in [
        "PLEXGATE_SERVER_PUBLIC_URL",
        "PLEXGATE_API_KEY_FILE",
        "PLEXGATE_ACCESS_POLICY",
    ] {
        assert!(env.contains(needed), "compose.yaml misses {needed}");
    }
    assert_known("compose.yaml", &env);
    assert_known("compose.yaml (comments)", &plexgate_vars(&compose));
    assert!(compose.contains(":/data"), "the volume is mounted on /data");

    let xml = repo_file("packaging/unraid/plexgate.xml");
    let doc = roxmltree::Document::parse(&xml).expect("the Unraid template parses");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "Container");
    let configs: Vec<roxmltree::Node> = root
        .children()
        .filter(|n| n.has_tag_name("Config"))
        .collect();
    let of_type = |t: &str| -> Vec<roxmltree::Node> {
        configs
            .iter()
            .filter(|n| n.attribute("Type") == Some(t))
            .copied()
            .collect()
    };
    let vars: BTreeSet<String> = of_type("Variable")
        .iter()
        .map(|n| n.attribute("Target").unwrap().to_owned())
        .collect();
    assert_known("the Unraid template", &vars);
    for needed in [
        "PLEXGATE_SERVER_PUBLIC_URL",
        "PLEXGATE_ACCESS_POLICY",
        "PLEXGATE_API_KEY",
    ] {
        assert!(vars.contains(needed), "the Unraid template misses {needed}");
    }
    let targets = |t: &str| -> Vec<&str> {
        of_type(t)
            .iter()
            .map(|n| n.attribute("Target").unwrap())
            .collect()
    };
    assert_eq!(targets("Port"), ["8080"]);
    assert_eq!(targets("Path"), ["/data"]);
    // The policy's dropdown offers exactly the values the key accepts.
    let policy = of_type("Variable")
        .into_iter()
        .find(|n| n.attribute("Target") == Some("PLEXGATE_ACCESS_POLICY"))
        .unwrap();
    let key = KEYS
        .iter()
        .find(|k| k.env == Some("PLEXGATE_ACCESS_POLICY"))
        .unwrap();
    let Kind::Choice(choices) = key.kind else {
        panic!("access.policy is a choice")
    };
    let offered: Vec<&str> = policy.attribute("Default").unwrap().split('|').collect();
    assert_eq!(offered, choices);
    assert_known("the Unraid template (comments)", &plexgate_vars(&xml));
}

#[test]
fn the_systemd_unit_is_hardened() {
    let unit = repo_file("packaging/systemd/plexgate.service");
    let settings: Vec<&str> = unit
        .lines()
        .map(str::trim)
        .filter(|l| !l.starts_with('#'))
        .collect();
    for needed in [
        "DynamicUser=yes",
        "StateDirectory=plexgate",
        "ProtectSystem=strict",
        "NoNewPrivileges=yes",
        "PrivateTmp=yes",
        "CapabilityBoundingSet=",
        "Restart=on-failure",
        "Environment=PLEXGATE_SERVER_DATA_DIR=/var/lib/plexgate",
    ] {
        assert!(settings.contains(&needed), "the unit misses {needed}");
    }
    let exec = settings
        .iter()
        .find_map(|l| l.strip_prefix("ExecStart="))
        .expect("ExecStart");
    let (program, args) = exec.split_once(' ').unwrap();
    assert_eq!(program, "/usr/local/bin/plexgate");
    assert_known("the unit", &plexgate_vars(&unit));

    // The arguments ExecStart passes are ones the binary accepts (`--help` after them parses
    // them without serving).
    let mut argv: Vec<&str> = args.split_whitespace().collect();
    argv.push("--help");
    let help = Command::new(BIN).args(&argv).output().unwrap();
    assert!(help.status.success(), "{argv:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn healthcheck_exits_zero_only_while_the_server_answers() {
    let app = TestApp::start().await;
    let run = |listen: String| async move {
        let dir = tempfile::tempdir().unwrap();
        let mut cmd = Command::new(BIN);
        cmd.env_clear()
            .env("PLEXGATE_SERVER_LISTEN", listen)
            .current_dir(dir.path())
            .arg("healthcheck");
        tokio::task::spawn_blocking(move || cmd.output().unwrap())
            .await
            .unwrap()
    };
    // server.listen as the image sets it: the wildcard address is asked on loopback.
    let out = run(format!("0.0.0.0:{}", app.addr.port())).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let addr = app.addr;
    app.stop().await;
    let out = run(addr.to_string()).await;
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("unhealthy: "),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn https_to_plex_tv_works_without_a_system_ca_bundle() {
    // As in the image: no CA bundle anywhere (the variables point the system lookup at nothing).
    // The built-in Mozilla roots let the client build and connect; without them it would stop at
    // "No CA certificates were loaded from the system" before connecting.
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .env_clear()
        .env("SSL_CERT_FILE", dir.path().join("none.pem"))
        .env("SSL_CERT_DIR", dir.path().join("none"))
        .env("PLEXGATE_SERVER_DATA_DIR", dir.path().join("data"))
        .env("PLEXGATE_PLEX_TOKEN", "t")
        // Nothing listens on the discard port of loopback: connecting is as far as it gets.
        .env("PLEXGATE_PLEX_API_URL", "https://127.0.0.1:9")
        .current_dir(dir.path())
        .arg("check")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    let line = text
        .lines()
        .find(|l| l.starts_with("plex.tv: "))
        .unwrap_or_default();
    assert!(
        line.starts_with("plex.tv: unreachable: ") && line.contains("Connection refused"),
        "{text}"
    );
}
