//! `plexgate check` (SPEC §6): config, store, plex.tv, owner token, server, libraries; one line
//! each, saying what failed and why. While a server holds the data dir it says so and reports
//! that server's `/healthz` instead of opening the store.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use crate::access::{
    AccessError, DEFAULT_LIBRARIES_KEY, OWNER_SERVER_KEY, OWNER_TOKEN_KEY, owner::pick_server,
    resolve_libraries,
};
use crate::config::Config;
use crate::plex::{PlexClient, Section};
use crate::secret::Secret;
use crate::serve::{plex_settings, timing_from};
use crate::store::{Store, StoreError};

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// It passed.
    Ok,
    /// It failed; the text says why.
    Failed,
    /// It could not be run (an earlier check failed, or a running server holds the store); the
    /// text says why. Not a failure by itself.
    Skipped,
}

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// What was checked (`config`, `store`, `plex.tv`…).
    pub name: &'static str,
    /// How it came out.
    pub outcome: Outcome,
    /// The result, or what failed (or was skipped) and why.
    pub text: String,
}

impl Line {
    /// Whether this line fails the check.
    pub fn failed(&self) -> bool {
        self.outcome == Outcome::Failed
    }
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.outcome {
            Outcome::Skipped => write!(f, "{}: skipped: {}", self.name, self.text),
            Outcome::Ok | Outcome::Failed => write!(f, "{}: {}", self.name, self.text),
        }
    }
}

fn line(name: &'static str, outcome: Outcome, text: impl Into<String>) -> Line {
    Line {
        name,
        outcome,
        text: text.into(),
    }
}

fn pass(name: &'static str, text: impl Into<String>) -> Line {
    line(name, Outcome::Ok, text)
}

fn fail(name: &'static str, text: impl Into<String>) -> Line {
    line(name, Outcome::Failed, text)
}

fn skip(name: &'static str, why: impl Into<String>) -> Line {
    line(name, Outcome::Skipped, why)
}

/// The checks after `config`, in the order they are printed.
pub const NAMES: [&str; 5] = ["store", "plex.tv", "owner token", "server", "libraries"];

/// The `config` line: `Ok` when `loaded` is, else the error.
pub fn config_line<E: fmt::Display>(path: &std::path::Path, loaded: &Result<Config, E>) -> Line {
    match loaded {
        Err(e) => fail("config", format!("invalid: {e}")),
        Ok(_) if path.exists() => pass("config", format!("ok ({})", path.display())),
        Ok(_) => pass(
            "config",
            format!(
                "ok (built-in defaults and environment; {} not found)",
                path.display()
            ),
        ),
    }
}

/// Every line after a failed config: nothing else can be checked.
pub fn skipped_after_config() -> Vec<Line> {
    NAMES
        .iter()
        .map(|name| skip(name, "the config is invalid"))
        .collect()
}

/// Runs every check after `config` (the caller reports the config line); `out` gets each of
/// the five lines (store, plex.tv, owner token, server, libraries) as soon as it is known.
/// True when none failed.
pub async fn run(config: &Config, out: &mut dyn FnMut(&Line)) -> bool {
    let mut all_ok = true;
    let mut emit = |line: Line| {
        all_ok &= !line.failed();
        out(&line);
    };
    let data_dir = config.server.data_dir.clone();
    let opened = tokio::task::spawn_blocking(move || Store::open(&data_dir)).await;
    let why = match opened {
        Ok(Ok(store)) => {
            emit(pass(
                "store",
                format!("ok ({})", config.server.data_dir.display()),
            ));
            for line in plex_lines(config, &store).await {
                emit(line);
            }
            return all_ok;
        }
        Ok(Err(StoreError::AlreadyInUse { .. })) => {
            for line in running_server(config).await {
                emit(line);
            }
            return all_ok;
        }
        Ok(Err(e)) => e.to_string(),
        Err(e) => e.to_string(),
    };
    emit(fail("store", format!("cannot open: {why}")));
    for name in &NAMES[1..] {
        emit(skip(name, "the store could not be opened"));
    }
    false
}

/// `http://{server.listen}{prefix}/healthz`, with a wildcard address replaced by loopback.
pub fn healthz_url(config: &Config) -> String {
    let listen = config.server.listen;
    let ip = match listen.ip() {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    let addr = SocketAddr::new(ip, listen.port());
    format!(
        "http://{addr}{}/healthz",
        config.server.public_url.path_prefix()
    )
}

/// The local server's `/healthz` (at [`healthz_url`]): its JSON, or why there is none.
pub async fn fetch_healthz(config: &Config) -> Result<serde_json::Value, String> {
    let url = healthz_url(config);
    let client = crate::outbound::client_builder()
        .timeout(std::time::Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|e| format!("cannot build an HTTP client: {e}"))?;
    let body = match client.get(&url).send().await {
        // 503 still carries the states (a store that cannot write).
        Ok(resp) if resp.status().is_success() || resp.status().as_u16() == 503 => resp
            .text()
            .await
            .map_err(|e| format!("{url}: {}", e.without_url()))?,
        Ok(resp) => return Err(format!("{url} answered {}", resp.status())),
        Err(e) => return Err(format!("{url} did not answer: {}", e.without_url())),
    };
    serde_json::from_str(&body).map_err(|_| format!("{url} answered something other than JSON"))
}

/// One string field of a `/healthz` answer (`?` when missing).
pub fn health_field(health: &serde_json::Value, key: &str) -> String {
    health
        .get(key)
        .and_then(|v| v.as_str())
        .unwrap_or("?")
        .to_owned()
}

/// The five lines while a server holds the data dir: its `/healthz` stands in for the store,
/// plex.tv and the owner token; the server and libraries need the store, so they are skipped.
async fn running_server(config: &Config) -> Vec<Line> {
    let url = healthz_url(config);
    let health = match fetch_healthz(config).await {
        Ok(h) => h,
        Err(e) => {
            let mut lines = vec![fail("store", format!("{}, but {e}", super::SERVER_RUNNING))];
            for name in &NAMES[1..] {
                lines.push(skip(name, "the running server did not answer /healthz"));
            }
            return lines;
        }
    };
    let [status, plex, token, store] =
        ["status", "plex", "owner_token", "store"].map(|k| health_field(&health, k));
    let mut lines = vec![line(
        "store",
        if status == "ok" && store == "ok" {
            Outcome::Ok
        } else {
            Outcome::Failed
        },
        format!(
            "{} ({url}: status {status}, plex.tv {plex}, owner token {token}, store {store})",
            super::SERVER_RUNNING
        ),
    )];
    let from_server = "(the running server's /healthz)";
    lines.push(match plex.as_str() {
        "reachable" => pass("plex.tv", format!("reachable {from_server}")),
        "unreachable" => fail("plex.tv", format!("unreachable {from_server}")),
        _ => skip("plex.tv", "the running server has not reached plex.tv yet"),
    });
    lines.push(match token.as_str() {
        "valid" => pass("owner token", format!("valid {from_server}")),
        "invalid" => fail(
            "owner token",
            format!("invalid {from_server}: reconnect Plex from the admin page"),
        ),
        "not_configured" => fail(
            "owner token",
            "not configured: open the setup link the server prints, or set plex.token",
        ),
        _ => skip("owner token", "the running server has not checked it yet"),
    });
    for name in ["server", "libraries"] {
        lines.push(skip(
            name,
            "the running server holds the store: its dashboard shows this",
        ));
    }
    lines
}

/// The owner token: `plex.token`, else the one the setup wizard stored.
fn owner_token(config: &Config, store: &Store) -> Result<(Secret, Option<String>), Line> {
    if let Some(t) = &config.plex.token {
        return Ok((t.clone(), config.plex.server.clone()));
    }
    let stored = store.read_blocking(|tx| {
        let server = tx.get_setting::<String>(OWNER_SERVER_KEY)?;
        Ok((tx.get_secret_setting(OWNER_TOKEN_KEY), server))
    });
    match stored {
        Ok((Ok(Some(t)), server)) => Ok((t, config.plex.server.clone().or(server))),
        Ok((Ok(None), _)) => Err(fail(
            "owner token",
            "not configured: open the setup link the server prints, or set plex.token",
        )),
        Ok((Err(StoreError::Crypto), _)) => Err(fail(
            "owner token",
            "invalid: the stored token cannot be decrypted with this install's key file \
             (restored from another install?): reconnect Plex from the admin page",
        )),
        Ok((Err(e), _)) | Err(e) => Err(fail("owner token", format!("cannot read it: {e}"))),
    }
}

/// The four plex.tv lines (plex.tv, owner token, server, libraries), in order; those that could
/// not be run after a failure are skipped, saying why.
async fn plex_lines(config: &Config, store: &Store) -> Vec<Line> {
    /// Appends the lines not reached, as skipped because of `why`.
    fn rest(mut lines: Vec<Line>, why: &str) -> Vec<Line> {
        for name in &NAMES[1 + lines.len()..] {
            lines.push(skip(name, why));
        }
        lines
    }
    let (token, wanted) = match owner_token(config, store) {
        Ok(found) => found,
        Err(line) => {
            let lines = vec![skip("plex.tv", "no owner token to ask it with"), line];
            return rest(lines, "needs a valid owner token");
        }
    };
    let timing = timing_from(config);
    let plex = match plex_settings(config, store, &timing).and_then(PlexClient::new) {
        Ok(p) => p,
        Err(e) => {
            let lines = vec![fail("plex.tv", format!("cannot build the client: {e}"))];
            return rest(lines, "plex.tv could not be asked");
        }
    };
    let mut lines = Vec::new();
    match plex.user(&token).await {
        Ok(_) => {
            lines.push(pass("plex.tv", "reachable"));
            lines.push(pass("owner token", "valid"));
        }
        Err(e) if e.is_unauthorized() => {
            lines.push(pass("plex.tv", "reachable"));
            lines.push(fail("owner token", format!("invalid: {e}")));
            return rest(lines, "needs a valid owner token");
        }
        Err(e) if e.is_retryable() => {
            lines.push(fail("plex.tv", format!("unreachable: {e}")));
            return rest(lines, "plex.tv could not be reached");
        }
        Err(e) => {
            lines.push(fail("plex.tv", format!("reachable, but: {e}")));
            return rest(lines, "plex.tv did not answer as expected");
        }
    }
    let server = match plex.servers(&token).await {
        Ok(servers) => match pick_server(&servers, wanted.as_deref()) {
            Ok(s) => s.clone(),
            Err(e) => {
                lines.push(fail("server", format!("not found: {e}")));
                return rest(lines, "needs the server");
            }
        },
        Err(e) => {
            lines.push(fail("server", format!("cannot list servers: {e}")));
            return rest(lines, "needs the server");
        }
    };
    lines.push(pass("server", format!("found {}", server.name)));
    lines.push(libraries_line(config, store, &plex, &token, &server.machine_id).await);
    lines
}

async fn libraries_line(
    config: &Config,
    store: &Store,
    plex: &PlexClient,
    token: &Secret,
    machine_id: &str,
) -> Line {
    let sections = match plex.sections(token, machine_id).await {
        Ok(s) if s.sections.is_empty() => {
            return fail("libraries", "plex.tv listed no libraries for this server");
        }
        Ok(s) => s.sections,
        Err(e) => return fail("libraries", format!("cannot list them: {e}")),
    };
    let ids = match &config.access.libraries {
        Some(refs) => match resolve_libraries(refs, &sections) {
            Ok(ids) => ids,
            Err(AccessError::Invalid(msg)) => {
                return fail("libraries", format!("access.libraries: {msg}"));
            }
            Err(e) => return fail("libraries", e.to_string()),
        },
        None => match store.read_blocking(|tx| tx.get_setting::<Vec<u64>>(DEFAULT_LIBRARIES_KEY)) {
            Ok(Some(ids)) if !ids.is_empty() => ids,
            Ok(_) => {
                return fail(
                    "libraries",
                    format!(
                        "none chosen yet: set access.libraries or pick them in the admin page (the server has {})",
                        titles(&sections, None)
                    ),
                );
            }
            Err(e) => return fail("libraries", format!("cannot read the default set: {e}")),
        },
    };
    let missing: Vec<String> = ids
        .iter()
        .filter(|id| !sections.iter().any(|s| s.id == **id))
        .map(u64::to_string)
        .collect();
    if !missing.is_empty() {
        return fail(
            "libraries",
            format!(
                "the default set names sections the server no longer has: {}",
                missing.join(", ")
            ),
        );
    }
    pass(
        "libraries",
        format!("resolvable ({})", titles(&sections, Some(&ids))),
    )
}

/// The titles of `ids` (in that order), or of every section.
fn titles(sections: &[Section], ids: Option<&[u64]>) -> String {
    let picked: Vec<&str> = match ids {
        Some(ids) => ids
            .iter()
            .filter_map(|id| sections.iter().find(|s| s.id == *id))
            .map(|s| s.title.as_str())
            .collect(),
        None => sections.iter().map(|s| s.title.as_str()).collect(),
    };
    picked.join(", ")
}
