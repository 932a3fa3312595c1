//! Unit tests: defaults, the shipped file, errors that name key and origin, value parsing.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::Path;
use std::time::Duration;

use super::*;

fn no_env(_: &str) -> Option<String> {
    None
}

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::from_toml_str(text, Path::new("/etc/plexgate/config.toml"), &no_env)
}

fn err(text: &str) -> String {
    parse(text).unwrap_err().to_string()
}

/// `text` (as `c.toml`) with one environment variable set.
fn parse_env(text: &str, name: &'static str, value: &'static str) -> Result<Config, ConfigError> {
    Config::from_toml_str(text, Path::new("c.toml"), &with_env(name, value))
}

fn env_err(name: &'static str, value: &'static str) -> String {
    parse_env("", name, value).unwrap_err().to_string()
}

fn contains_all(e: &str, parts: &[&str]) {
    assert!(parts.iter().all(|p| e.contains(p)), "{e}");
}

fn proxies(c: &Config) -> Vec<String> {
    let nets = c.server.trusted_proxies.iter();
    nets.map(ToString::to_string).collect()
}

fn with_env(name: &'static str, value: &'static str) -> impl Fn(&str) -> Option<String> {
    move |n: &str| (n == name).then(|| value.to_owned())
}

#[test]
fn defaults_parse() {
    let c = Config::default();
    assert_eq!(c.server.listen.to_string(), "127.0.0.1:8080");
    assert!(c.server.public_url.is_default());
    assert_eq!(c.server.data_dir, Path::new("data"));
    assert_eq!(proxies(&c), ["127.0.0.0/8", "::1/128"]);
    assert_eq!(c.log.format, LogFormat::Text);
    assert_eq!(c.events.keep_days, 730);
    assert_eq!(c.plex.api_url.as_str(), "https://plex.tv/");
    assert_eq!(c.plex.clients_url.as_str(), "https://clients.plex.tv/");
    assert_eq!(c.plex.auth_url.as_str(), "https://app.plex.tv/auth");
    assert!(c.plex.token.is_none() && c.plex.server.is_none());
    assert_eq!(c.access.policy, Policy::Invite);
    assert!(c.access.libraries.is_none() && !c.access.allow_downloads);
    assert_eq!(c.session.lifetime, Duration::from_secs(30 * 86_400));
    assert_eq!(c.session.idle, Duration::from_secs(14 * 86_400));
    assert_eq!(c.admin.idle, Duration::from_secs(30 * 60));
    assert_eq!(c.limits.signins_per_minute, 30);
    assert_eq!(c.reconcile.interval, Duration::from_secs(600));
    assert_eq!(c.reconcile.max_removals, 5);
    assert_eq!(c.backup.keep, 7);
    assert_eq!(
        c.notify,
        NotifyConfig {
            webhook_url: None,
            discord_url: None,
            ntfy_url: None
        }
    );
    assert!(c.api.key.is_none());
    assert!(!c.sso.enabled && c.sso.cookie_domain.is_none() && c.sso.apps.is_empty());
    assert_eq!(c.sso.default_allow, SsoRule::Admins);
    assert!(KEYS.iter().all(|k| !c.is_set(&k.dotted())));
    assert!(c.source().is_none());
}

#[test]
fn print_config_uncommented_is_exactly_default() {
    let text = print_config();
    let uncommented: String = text
        .lines()
        .map(|l| l.strip_prefix("# ").unwrap_or(l))
        .map(|l| format!("{l}\n"))
        .collect();
    let loaded = parse(&uncommented).unwrap();
    assert_eq!(loaded, Config::default());
    assert_eq!(
        format!("{:?}", loaded.server),
        format!("{:?}", Config::default().server)
    );
    for key in KEYS {
        assert_eq!(
            loaded.is_set(&key.dotted()),
            key.default.is_some(),
            "{}",
            key.dotted()
        );
        assert!(
            text.contains(key.meaning),
            "{} meaning missing",
            key.dotted()
        );
        if let Some(env) = key.env {
            assert!(text.contains(env), "{env} missing");
        }
    }
    // As shipped (all commented out) nothing is set.
    let shipped = parse(&text).unwrap();
    assert_eq!(shipped, Config::default());
    assert!(KEYS.iter().all(|k| !shipped.is_set(&k.dotted())));
}

#[test]
fn shipped_config_toml_is_print_config() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/config.toml");
    let shipped = std::fs::read_to_string(path).unwrap();
    assert_eq!(
        shipped,
        print_config(),
        "regenerate config.toml with `plexgate print-config`"
    );
}

#[test]
fn markdown_table_rows_match_spec() {
    let table = markdown_table();
    assert!(table.starts_with("| key | env | default | meaning |\n|---|---|---|---|\n"));
    assert_eq!(table.lines().count(), KEYS.len() + 2);
    for row in [
        "| `server.listen` | `PLEXGATE_SERVER_LISTEN` | `127.0.0.1:8080` | address to bind |",
        "| `server.trusted_proxies` | `PLEXGATE_SERVER_TRUSTED_PROXIES` | `127.0.0.0/8, ::1/128` | CIDRs whose forwarded headers are believed (a reverse proxy on the same host works as is) |",
        "| `plex.token` | `PLEXGATE_PLEX_TOKEN` (`_FILE`) | none | owner token for headless installs |",
        "| `sso.default_allow` | `PLEXGATE_SSO_DEFAULT_ALLOW` | `admins` | rule for hosts without an app entry |",
        "| `[[sso.apps]]` | file or admin page | none | `host`, `path`?, `name`?, `allow`, `users`?, `libraries`?, `bypass`? |",
    ] {
        assert!(
            table.lines().any(|l| l == row),
            "missing row {row}\n{table}"
        );
    }
}

#[test]
fn unknown_key_names_key_and_file() {
    let e = err("[server]\nlisen = \"0.0.0.0:80\"\n");
    contains_all(&e, &["server.lisen", "/etc/plexgate/config.toml"]);
    let e = err("listen = \"0.0.0.0:80\"\n");
    contains_all(&e, &["`listen`", "/etc/plexgate/config.toml"]);
}

#[test]
fn unknown_section_names_section_and_file() {
    let e = err("[sever]\nlisten = \"0.0.0.0:80\"\n");
    contains_all(&e, &["[sever]", "/etc/plexgate/config.toml"]);
}

#[test]
fn bad_values_name_key_and_origin() {
    for (text, key) in [
        ("[admin]\nidle = \"soon\"\n", "admin.idle"),
        ("[reconcile]\ninterval = \"0s\"\n", "reconcile.interval"),
        (
            "[server]\ntrusted_proxies = [\"10.0.0.0/33\"]\n",
            "server.trusted_proxies",
        ),
        (
            "[server]\npublic_url = \"ftp://example.com\"\n",
            "server.public_url",
        ),
        (
            "[server]\npublic_url = \"https://u:p@example.com\"\n",
            "server.public_url",
        ),
        (
            "[server]\npublic_url = \"https://example.com/?x=1\"\n",
            "server.public_url",
        ),
        ("[server]\nlisten = 8080\n", "server.listen"),
        ("[server]\nlisten = \"1.2.3.4\"\n", "server.listen"),
        ("[access]\npolicy = \"maybe\"\n", "access.policy"),
        ("[access]\nlibraries = [-3]\n", "access.libraries"),
        ("[events]\nkeep_days = -1\n", "events.keep_days"),
        ("[plex]\napi_url = \"file:///etc/passwd\"\n", "plex.api_url"),
        ("[sso]\ndefault_allow = \"everyone\"\n", "sso.default_allow"),
        (
            "[[sso.apps]]\nhots = \"a.example.com\"\nallow = \"owner\"\n",
            "sso.apps",
        ),
    ] {
        let e = err(text);
        assert!(
            e.contains(&format!("`{key}`")) && e.contains("/etc/plexgate/config.toml"),
            "{text}: {e}"
        );
    }
    let e = env_err("PLEXGATE_ACCESS_POLICY", "maybe");
    contains_all(&e, &["access.policy", "PLEXGATE_ACCESS_POLICY", "maybe"]);
    let e = env_err("PLEXGATE_BACKUP_KEEP", "seven");
    contains_all(&e, &["backup.keep", "PLEXGATE_BACKUP_KEEP"]);
}

#[test]
fn syntax_error_names_file() {
    let e = err("[server\n");
    contains_all(&e, &["/etc/plexgate/config.toml", "not valid TOML"]);
}

#[test]
fn public_url_prefix_handling() {
    let u = PublicUrl::parse("https://ex.com/plex/").unwrap();
    assert_eq!(u.path_prefix(), "/plex");
    assert_eq!(u.base(), "https://ex.com/plex");
    assert_eq!(
        u.join("/auth/plex/callback"),
        "https://ex.com/plex/auth/plex/callback"
    );
    assert!(u.is_https() && !u.is_default());
    assert_eq!(u.host(), "ex.com");
    let root = PublicUrl::parse("http://ex.com:8080/").unwrap();
    assert_eq!(
        (root.base(), root.path_prefix(), root.host()),
        ("http://ex.com:8080", "", "ex.com")
    );
    assert_eq!(root.join("/me"), "http://ex.com:8080/me");
    assert!(!root.is_https());
    assert!(
        PublicUrl::parse("http://localhost:8080")
            .unwrap()
            .is_default()
    );
    assert!(
        PublicUrl::parse("http://localhost:8080/")
            .unwrap()
            .is_default()
    );
    assert_eq!(
        PublicUrl::parse("https://ex.com/a/b//")
            .unwrap()
            .path_prefix(),
        "/a/b"
    );
    for bad in [
        "ftp://ex.com",
        "https://ex.com/#x",
        "https://ex.com/?a",
        "https://me@ex.com",
        "/plex",
    ] {
        assert!(PublicUrl::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn bare_ips_are_single_hosts() {
    let c = parse("[server]\ntrusted_proxies = [\"10.1.2.3\", \"fd00::1\", \"192.168.1.7/24\"]\n")
        .unwrap();
    assert_eq!(
        proxies(&c),
        ["10.1.2.3/32", "fd00::1/128", "192.168.1.0/24"]
    );
}

#[test]
fn secrets_never_in_debug() {
    let text = "[plex]\ntoken = \"tok-SECRET-1\"\n[notify]\nwebhook_url = \"https://h/SECRET-2\"\n\
                discord_url = \"https://d/SECRET-3\"\nntfy_url = \"https://n/SECRET-4\"\n[api]\nkey = \"SECRET-5\"\n";
    let c = parse(text).unwrap();
    assert_eq!(c.plex.token.as_ref().unwrap().expose(), "tok-SECRET-1");
    for dbg in [format!("{c:?}"), format!("{c:#?}")] {
        assert!(!dbg.contains("SECRET"), "{dbg}");
    }
}

#[test]
fn missing_file_explicit_or_not() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nope.toml");
    let c = Config::load(&path, false, &with_env("PLEXGATE_BACKUP_KEEP", "3")).unwrap();
    assert_eq!(c.backup.keep, 3);
    assert!(c.source().is_none());
    let e = Config::load(&path, true, &no_env).unwrap_err();
    assert!(matches!(e, ConfigError::Missing { .. }) && e.to_string().contains("nope.toml"));
    std::fs::write(&path, "[backup]\nkeep = 2\n").unwrap();
    let c = Config::load(&path, true, &no_env).unwrap();
    assert_eq!((c.backup.keep, c.source()), (2, Some(path.as_path())));
    assert!(c.is_set("backup.keep") && !c.is_set("backup.nothing"));
}

#[test]
fn env_wins_over_file_and_empty_env_is_unset() {
    let c = parse_env("[backup]\nkeep = 2\n", "PLEXGATE_BACKUP_KEEP", "9").unwrap();
    assert_eq!(c.backup.keep, 9);
    let c = parse_env("", "PLEXGATE_PLEX_SERVER", "").unwrap();
    assert!(c.plex.server.is_none() && !c.is_set("plex.server"));
}

#[test]
fn env_lists_and_bools() {
    let env = |n: &str| match n {
        "PLEXGATE_ACCESS_LIBRARIES" => Some(" Movies , 42,, TV Shows ,4k2".to_owned()),
        "PLEXGATE_SERVER_TRUSTED_PROXIES" => Some("10.0.0.0/8, 192.168.1.1".to_owned()),
        "PLEXGATE_ACCESS_ALLOW_DOWNLOADS" => Some("1".to_owned()),
        _ => None,
    };
    let c = Config::from_toml_str("", Path::new("c.toml"), &env).unwrap();
    let libs = c.access.libraries.unwrap();
    assert_eq!(
        libs,
        [
            LibraryRef::Title("Movies".into()),
            LibraryRef::Id(42),
            LibraryRef::Title("TV Shows".into()),
            LibraryRef::Title("4k2".into())
        ]
    );
    assert_eq!(c.server.trusted_proxies.len(), 2);
    assert!(c.access.allow_downloads);
    let e = env_err("PLEXGATE_SSO_ENABLED", "yes");
    contains_all(&e, &["sso.enabled", "PLEXGATE_SSO_ENABLED"]);
}

#[test]
fn sso_needs_cookie_domain_and_reads_apps() {
    let e = err("[sso]\nenabled = true\n");
    contains_all(&e, &["sso.cookie_domain", "/etc/plexgate/config.toml"]);
    let c = parse(
        "[server]\npublic_url = \"https://auth.example.com\"\n\
         [sso]\nenabled = true\ncookie_domain = \"example.com\"\n\
         [[sso.apps]]\nhost = \"t.example.com\"\nallow = \"friends\"\nlibraries = [\"Movies\", 7]\n\
         [[sso.apps]]\nhost = \"s.example.com\"\npath = \"/x\"\nname = \"S\"\nallow = \"deny\"\nbypass = [\"/api/\"]\n",
    )
    .unwrap();
    assert_eq!(c.sso.apps.len(), 2);
    assert_eq!(
        c.sso.apps[0].libraries,
        [LibraryRef::Title("Movies".into()), LibraryRef::Id(7)]
    );
    assert_eq!(
        (c.sso.apps[1].allow, c.sso.apps[1].bypass.as_slice()),
        (SsoRule::Deny, &["/api/".to_owned()][..])
    );
    assert!(c.is_set("sso.apps"));
}

#[test]
fn choice_words_match_enums() {
    for key in KEYS {
        if let Kind::Choice(words) = key.kind {
            for w in words {
                let text = format!("[{}]\n{} = \"{w}\"\n", key.section, key.name);
                let c = parse(&text).unwrap_or_else(|e| panic!("{text}: {e}"));
                assert!(c.is_set(&key.dotted()));
            }
        }
    }
    assert_eq!(Policy::Allowlist.to_string(), "allowlist");
    assert_eq!("open".parse::<Policy>().unwrap(), Policy::Open);
}

#[test]
fn bad_cookie_domains_are_refused_naming_the_key() {
    let head = "[server]\npublic_url = \"https://auth.example.com\"\n[sso]\nenabled = true\n";
    for bad in [
        "127.0.0.1",
        "com",
        "example",
        "duckdns.org",
        "co.uk",
        "other.org",
    ] {
        let e = err(&format!("{head}cookie_domain = \"{bad}\"\n"));
        assert!(e.contains("sso.cookie_domain"), "{bad}: {e}");
    }
    let e = err(&format!(
        "{head}cookie_domain = \"example.com\"\n[[sso.apps]]\nhost = \"a.evil.test\"\nallow = \"owner\"\n"
    ));
    assert!(e.contains("sso.apps") && e.contains("a.evil.test"), "{e}");
}
