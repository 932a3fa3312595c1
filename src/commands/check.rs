//! `plexgate check` (SPEC §6): config, store, plex.tv, owner token, server, libraries; one line
//! each, saying what failed and why. While a server holds the data dir it says so and reports
//! that server's `/healthz` instead of opening the store.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

use crate::access::{
    AccessError, DEFAULT_LIBRARIES_KEY, OWNER_SERVER_KEY, OWNER_TOKEN_KEY, owner::pick_server,
    resolve_libraries,
};
use crate::app::{plex_settings, timing_from};
use crate::config::Config;
use crate::plex::{PlexClient, Section};
use crate::secret::Secret;
use crate::store::{Store, StoreError};

/// One line of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// What was checked (`config`, `store`, `plex.tv`…).
    pub name: &'static str,
    /// Whether it passed.
    pub ok: bool,
    /// The result, or what failed and why.
    pub text: String,
}

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.text)
    }
}

fn pass(name: &'static str, text: impl Into<String>) -> Line {
    Line {
        name,
        ok: true,
        text: text.into(),
    }
}

fn fail(name: &'static str, text: impl Into<String>) -> Line {
    Line {
        name,
        ok: false,
        text: text.into(),
    }
}

/// Runs every check after `config` (the caller reports the config line); `out` gets each line
/// as soon as it is known.
pub async fn run(config: &Config, out: &mut dyn FnMut(&Line)) -> bool {
    let mut all_ok = true;
    let mut emit = |line: Line| {
        all_ok &= line.ok;
        out(&line);
    };
    let data_dir = config.server.data_dir.clone();
    let opened = tokio::task::spawn_blocking(move || Store::open(&data_dir)).await;
    let store = match opened {
        Ok(Ok(store)) => store,
        Ok(Err(StoreError::AlreadyInUse { .. })) => {
            emit(pass("store", super::SERVER_RUNNING));
            emit(running_server(config).await);
            return all_ok;
        }
        Ok(Err(e)) => {
            emit(fail("store", format!("cannot open: {e}")));
            return false;
        }
        Err(e) => {
            emit(fail("store", format!("cannot open: {e}")));
            return false;
        }
    };
    emit(pass(
        "store",
        format!("ok ({})", config.server.data_dir.display()),
    ));
    for line in plex_lines(config, &store).await {
        emit(line);
    }
    all_ok
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

/// The running server's `/healthz`, as one line: ok when it answers with plex.tv reachable,
/// a valid owner token and a working store.
async fn running_server(config: &Config) -> Line {
    let url = healthz_url(config);
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = match reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none())
        .build()
    {
        Ok(c) => c,
        Err(e) => return fail("server", format!("cannot build an HTTP client: {e}")),
    };
    let body = match client.get(&url).send().await {
        // 503 still carries the states (a store that cannot write).
        Ok(resp) if resp.status().is_success() || resp.status().as_u16() == 503 => {
            resp.text().await.unwrap_or_default()
        }
        Ok(resp) => return fail("server", format!("{url} answered {}", resp.status())),
        Err(e) => {
            return fail(
                "server",
                format!("{url} did not answer: {}", e.without_url()),
            );
        }
    };
    let health: serde_json::Value = serde_json::from_str(&body).unwrap_or_default();
    let field = |k: &str| {
        health
            .get(k)
            .and_then(|v| v.as_str())
            .unwrap_or("?")
            .to_owned()
    };
    let (status, plex, token, store) = (
        field("status"),
        field("plex"),
        field("owner_token"),
        field("store"),
    );
    let text =
        format!("{url}: status {status}, plex.tv {plex}, owner token {token}, store {store}");
    let ok = status == "ok" && plex == "reachable" && token == "valid" && store == "ok";
    Line {
        name: "server",
        ok,
        text,
    }
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

async fn plex_lines(config: &Config, store: &Store) -> Vec<Line> {
    let mut lines = Vec::new();
    let (token, wanted) = match owner_token(config, store) {
        Ok(found) => found,
        Err(line) => return vec![line],
    };
    let timing = timing_from(config);
    let plex = match PlexClient::new(plex_settings(config, store, &timing)) {
        Ok(p) => p,
        Err(e) => return vec![fail("plex.tv", format!("cannot build the client: {e}"))],
    };
    match plex.user(&token).await {
        Ok(_) => {
            lines.push(pass("plex.tv", "reachable"));
            lines.push(pass("owner token", "valid"));
        }
        Err(e) if e.is_unauthorized() => {
            lines.push(pass("plex.tv", "reachable"));
            lines.push(fail("owner token", format!("invalid: {e}")));
            return lines;
        }
        Err(e) if e.is_retryable() => {
            lines.push(fail("plex.tv", format!("unreachable: {e}")));
            return lines;
        }
        Err(e) => {
            lines.push(fail("plex.tv", format!("reachable, but: {e}")));
            return lines;
        }
    }
    let server = match plex.servers(&token).await {
        Ok(servers) => match pick_server(&servers, wanted.as_deref()) {
            Ok(s) => s.clone(),
            Err(e) => {
                lines.push(fail("server", format!("not found: {e}")));
                return lines;
            }
        },
        Err(e) => {
            lines.push(fail("server", format!("cannot list servers: {e}")));
            return lines;
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
