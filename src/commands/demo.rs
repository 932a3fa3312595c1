//! `plexgate demo` (SPEC §6): the real product against the built-in fake plex.tv on loopback,
//! with a demo owner and friends, so anyone can click through both journeys without a Plex
//! account. Nothing is written outside a temporary data dir (removed on exit) unless
//! `--data-dir` is given.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context as _;
use tokio::net::TcpListener;

use crate::access::tools::{NewAllowEntry, NewInvite};
use crate::access::{Access, AccessError};
use crate::clock::SystemClock;
use crate::config::Config;
use crate::crypto::random_token;
use crate::fakeplex::{self, FakePlex};
use crate::serve::{build_state, serve, shutdown_signal, timing_from};
use crate::store::Store;

/// The port the demo tries first, so its URL is easy to type; a busy port falls back to any.
const PREFERRED: &str = "127.0.0.1:8080";

/// `plexgate demo` options.
#[derive(Debug, Clone, PartialEq, Eq, clap::Args)]
pub struct DemoArgs {
    /// Keep the demo's data here instead of a temporary directory removed on exit.
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Where the app listens [default: 127.0.0.1:8080, or any free loopback port if taken].
    #[arg(long, value_name = "ADDR")]
    pub listen: Option<SocketAddr>,
}

/// A temporary data dir, removed when dropped (after the store is closed).
struct TempDataDir(PathBuf);

impl Drop for TempDataDir {
    fn drop(&mut self) {
        if let Err(e) = std::fs::remove_dir_all(&self.0) {
            eprintln!("could not remove {}: {e}", self.0.display());
        }
    }
}

/// What the demo prints: where to click.
#[derive(Debug)]
struct Links {
    app: String,
    invite: String,
    admin: String,
    fake: String,
}

/// Runs the demo until Ctrl-C (or SIGTERM).
pub async fn run(args: DemoArgs) -> anyhow::Result<()> {
    let (data_dir, _cleanup) = match &args.data_dir {
        Some(d) => (d.clone(), None),
        None => {
            let d = std::env::temp_dir().join(format!("plexgate-demo-{}", random_token(6)));
            (d.clone(), Some(TempDataDir(d)))
        }
    };
    let fake_listener = TcpListener::bind("127.0.0.1:0")
        .await
        .context("binding the fake plex.tv")?;
    let fake = FakePlex::start_on(fake_listener).context("starting the fake plex.tv")?;
    let listener = bind(args.listen).await?;
    let bound = listener.local_addr().context("reading the bound address")?;
    let config = demo_config(&fake, bound, &data_dir)?;
    let dir = config.server.data_dir.clone();
    let store = tokio::task::spawn_blocking(move || Store::open(&dir))
        .await
        .context("opening the store")??;
    let timing = timing_from(&config);
    let state =
        build_state(config, store, Arc::new(SystemClock), timing).context("assembling the app")?;
    state
        .access
        .resolve_owner_once()
        .await
        .context("connecting to the fake plex.tv")?;
    let links = seed(&state.access, &fake, bound).await?;
    print_links(&links, &data_dir, args.data_dir.is_some());
    let served = serve(listener, state, shutdown_signal()).await;
    drop(fake);
    served.context("serving")
}

async fn bind(listen: Option<SocketAddr>) -> anyhow::Result<TcpListener> {
    if let Some(addr) = listen {
        return TcpListener::bind(addr)
            .await
            .with_context(|| format!("binding {addr}"));
    }
    match TcpListener::bind(PREFERRED).await {
        Ok(l) => Ok(l),
        Err(_) => TcpListener::bind("127.0.0.1:0")
            .await
            .context("binding a loopback port"),
    }
}

/// The config a headless install pointed at the fake would have; nothing is read from the
/// environment or a config file, so the demo never touches a real install's settings.
fn demo_config(fake: &FakePlex, bound: SocketAddr, data_dir: &Path) -> anyhow::Result<Config> {
    let base = fake.base_url();
    let vars: HashMap<&str, String> = [
        ("PLEXGATE_SERVER_LISTEN", bound.to_string()),
        ("PLEXGATE_SERVER_PUBLIC_URL", format!("http://{bound}")),
        ("PLEXGATE_SERVER_DATA_DIR", data_dir.display().to_string()),
        ("PLEXGATE_PLEX_API_URL", base.clone()),
        ("PLEXGATE_PLEX_CLIENTS_URL", base),
        ("PLEXGATE_PLEX_AUTH_URL", fake.auth_url()),
        ("PLEXGATE_PLEX_TOKEN", fakeplex::OWNER.token.to_owned()),
        ("PLEXGATE_PLEX_SERVER", fakeplex::SERVER_ID.to_owned()),
        ("PLEXGATE_ACCESS_LIBRARIES", "Movies,TV Shows".to_owned()),
    ]
    .into_iter()
    .collect();
    let env = move |k: &str| vars.get(k).cloned();
    Config::from_toml_str("", Path::new("(demo)"), &env).context("building the demo config")
}

/// Alice on the allowlist, an invite link for Carol, Bob nowhere.
async fn seed(access: &Access, fake: &FakePlex, bound: SocketAddr) -> anyhow::Result<Links> {
    let entry = NewAllowEntry {
        account: fakeplex::ALICE.username.to_owned(),
        libraries: None,
        access_days: None,
        note: Some("demo: allowlisted friend".to_owned()),
        sharing: Default::default(),
    };
    match access.add_allow_entry("demo", entry).await {
        // A kept --data-dir already has her.
        Ok(_) | Err(AccessError::Conflict(_)) => {}
        Err(e) => return Err(e).context("adding alice to the allowlist"),
    }
    let invite = NewInvite {
        max_uses: Some(1),
        expires_in_days: Some(1),
        libraries: None,
        access_days: None,
        note: Some("demo: invite for carol".to_owned()),
        sharing: Default::default(),
    };
    let created = access
        .create_invite("demo", invite)
        .await
        .context("creating the demo invite link")?;
    let app = format!("http://{bound}/");
    Ok(Links {
        admin: format!("http://{bound}/admin"),
        invite: created.url.expose().to_owned(),
        fake: fake.base_url(),
        app,
    })
}

fn print_links(links: &Links, data_dir: &Path, kept: bool) {
    let data = if kept {
        format!("{} (kept)", data_dir.display())
    } else {
        format!("{} (removed on exit)", data_dir.display())
    };
    println!(
        "plexgate demo: the real app against a simulated plex.tv on this machine; nothing leaves it.\n\
         \n\
         app:    {app}\n\
         invite: {invite}\n\
         admin:  {admin}\n\
         \n\
         Each journey ends on the fake Plex sign-in page: pick the account named below.\n\
         - alice is on the allowlist: open the app, \"Sign in with Plex\", pick alice -> You're in.\n\
         - bob is not allowed: same, pick bob -> not on the list, with \"Ask for access\".\n\
         - carol has an invite link (one use): open the invite URL, pick carol -> You're in.\n\
         - the owner: open the admin URL, pick owner -> the admin page.\n\
         \n\
         simulated plex.tv: {fake}\n\
         data:   {data}\n\
         Ctrl-C to stop.",
        app = links.app,
        invite = links.invite,
        admin = links.admin,
        fake = links.fake,
    );
}
