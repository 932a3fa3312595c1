//! `kill -9` of the real binary while plex.tv holds share answers (issue 18): after a restart
//! and one reconciler run, a share plexgate attempted is plexgate's (a later narrowing reaches
//! plex.tv), and a burst of joins killed mid-way leaves no duplicate share, no share without a
//! grant, nothing `sharing` or `failed`, and an accepted share and grant for everyone told
//! "You're in" (issue 23: with plex.tv answering late, so the kill lands in the middle of many
//! joins and of the store's batched writes).
//! The fake plex.tv runs in this test process, so it outlives the killed binary.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use plexgate::clock::ManualClock;
use plexgate::fakeplex::{self, ALICE, Account, FakePlex, Fault, MOVIES, OWNER};
use plexgate::serve::{build_state, serve};
use plexgate::store::{Grant, GrantStatus, Store};
use plexgate::web::AppState;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use tokio::net::TcpListener;
use tokio::sync::oneshot;

use crate::join::browser::fragment_param;
use crate::support::{client, config_from_env, fast_timing};

const BIN: &str = env!("CARGO_BIN_EXE_plexgate");
const API_KEY: &str = "crash-test-api-key-000000000000000000";
/// Share creations (v1 or v2) as the fake sees them.
const SHARE_POSTS: [&str; 2] = ["/api/servers/", "/api/v2/shared_servers"];

fn vars(fake: &FakePlex) -> Vec<(&'static str, String)> {
    vec![
        ("PLEXGATE_PLEX_API_URL", fake.base_url()),
        ("PLEXGATE_PLEX_CLIENTS_URL", fake.base_url()),
        ("PLEXGATE_PLEX_AUTH_URL", fake.auth_url()),
        ("PLEXGATE_PLEX_TOKEN", OWNER.token.to_owned()),
        ("PLEXGATE_PLEX_SERVER", fakeplex::SERVER_ID.to_owned()),
        ("PLEXGATE_ACCESS_LIBRARIES", "Movies,TV Shows".to_owned()),
        ("PLEXGATE_ACCESS_POLICY", "open".to_owned()),
        ("PLEXGATE_LIMITS_SIGNINS_PER_MINUTE", "0".to_owned()),
        ("PLEXGATE_API_KEY", API_KEY.to_owned()),
    ]
}

/// Bounded polling (the box may be busy; nothing here measures time).
async fn wait_until(what: &str, mut ok: impl FnMut() -> bool) {
    for _ in 0..3000 {
        if ok() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("gave up waiting: {what}");
}

/// The real binary, started against the fake; `origin` is where it listens.
struct Binary {
    child: Child,
    origin: String,
}

impl Binary {
    async fn start(data: &Path, fake: &FakePlex) -> Binary {
        let mut cmd = Command::new(BIN);
        cmd.env_clear()
            .env("PLEXGATE_SERVER_LISTEN", "127.0.0.1:0")
            .env("PLEXGATE_SERVER_DATA_DIR", data)
            .env("RUST_LOG", "warn")
            .current_dir(data.parent().unwrap())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        for (k, v) in vars(fake) {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = std::sync::mpsc::channel();
        // Reads to the end, so the child never blocks on a full pipe.
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        let addr = tokio::task::spawn_blocking(move || {
            loop {
                let line = lines
                    .recv_timeout(Duration::from_secs(60))
                    .expect("the server prints its address");
                if let Some(rest) = line.split("listening on http://").nth(1) {
                    break rest.trim().to_owned();
                }
            }
        })
        .await
        .unwrap();
        let binary = Binary {
            child,
            origin: format!("http://{addr}"),
        };
        let health = format!("{}/healthz", binary.origin);
        for _ in 0..3000 {
            if let Ok(r) = client().get(&health).send().await
                && r.text()
                    .await
                    .unwrap_or_default()
                    .contains("\"owner_token\":\"valid\"")
            {
                return binary;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("the owner never resolved");
    }

    /// `kill -9`: no shutdown, no flush, nothing after this instant.
    fn kill_9(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Binary {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn set_cookies(resp: &reqwest::Response, jar: &mut BTreeMap<String, String>) {
    for v in resp.headers().get_all(SET_COOKIE) {
        let pair = v.to_str().unwrap().split(';').next().unwrap_or_default();
        if let Some((k, v)) = pair.split_once('=') {
            jar.insert(k.to_owned(), v.to_owned());
        }
    }
}

fn cookie_header(jar: &BTreeMap<String, String>) -> String {
    jar.iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("; ")
}

/// One friend's sign-in; `Some(true)` when the page said "You're in", `None` when the server
/// went away first.
async fn join(origin: String, fake: FakePlex, who: Account) -> Option<bool> {
    let c = client();
    let mut jar = BTreeMap::new();
    let start = c.get(format!("{origin}/auth/plex")).send().await.ok()?;
    set_cookies(&start, &mut jar);
    let to = start.headers().get(LOCATION)?.to_str().ok()?.to_owned();
    let code = fragment_param(&to, "code")?;
    assert!(fake.approve_pin_code(&code, &who));
    let back = c
        .get(format!("{origin}/auth/plex/callback"))
        .header(COOKIE, cookie_header(&jar))
        .send()
        .await
        .ok()?;
    set_cookies(&back, &mut jar);
    let page = match back.headers().get(LOCATION) {
        Some(to) => {
            let to = to.to_str().ok()?.to_owned();
            c.get(format!("{origin}{to}"))
                .header(COOKIE, cookie_header(&jar))
                .send()
                .await
                .ok()?
        }
        None => back,
    };
    let ok = page.status() == 200;
    let body = page.text().await.ok()?;
    Some(ok && body.contains("<h1>You&#x27;re in</h1>"))
}

/// plexgate started again in this process on the same data dir, the owner resolved; its clock
/// stands past any retry time the killed process recorded.
struct Restarted {
    state: AppState,
    origin: String,
    stop: Option<oneshot::Sender<()>>,
}

impl Restarted {
    async fn start(data: &Path, fake: &FakePlex) -> Restarted {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let owned = vars(fake);
        let pairs: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let config = config_from_env(&pairs, addr.port(), data);
        let store = Store::open(data).unwrap();
        let clock = ManualClock::new(SystemTime::now() + Duration::from_secs(2 * 3600));
        let state = build_state(config, store, Arc::new(clock), fast_timing()).unwrap();
        let (tx, rx) = oneshot::channel::<()>();
        tokio::spawn(serve(listener, state.clone(), async move {
            let _ = rx.await;
        }));
        state.access.resolve_owner_once().await.unwrap();
        Restarted {
            state,
            origin: format!("http://{addr}"),
            stop: Some(tx),
        }
    }

    async fn grants(&self) -> Vec<Grant> {
        self.state
            .access
            .store()
            .read(|tx| tx.list_grants())
            .await
            .unwrap()
    }
}

impl Drop for Restarted {
    fn drop(&mut self) {
        if let Some(tx) = self.stop.take() {
            let _ = tx.send(());
        }
    }
}

/// Swallows the next `n` share creations: plex.tv makes the share, the answer never comes.
fn swallow_share_posts(fake: &FakePlex, n: u32) {
    for p in SHARE_POSTS {
        fake.inject(Fault::swallow(p).method("POST").times(n));
    }
}

fn swallowed(fake: &FakePlex) -> usize {
    fake.requests()
        .iter()
        .filter(|r| r.method == "POST" && r.status == 0)
        .count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_share_whose_answer_was_lost_in_a_crash_is_plexgates_own() {
    let fake = FakePlex::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = Binary::start(&data, &fake).await;
    swallow_share_posts(&fake, 1);
    let joining = tokio::spawn(join(first.origin.clone(), fake.clone(), ALICE));
    wait_until("plex.tv made Alice's share", || {
        fake.shares().iter().any(|s| s.user_id == ALICE.id)
    })
    .await;
    first.kill_9();
    assert_ne!(joining.await.unwrap(), Some(true));

    let app = Restarted::start(&data, &fake).await;
    let report = app.state.access.run_once().await.unwrap();
    assert!(report.errors.is_empty(), "{report:?}");
    let alice = app
        .grants()
        .await
        .into_iter()
        .find(|g| g.plex_id == ALICE.id)
        .unwrap();
    assert!(!alice.external, "plexgate's own share: {alice:?}");
    assert!(
        matches!(alice.status, GrantStatus::Pending | GrantStatus::Accepted),
        "{alice:?}"
    );

    // Narrowing its libraries reaches plex.tv.
    let resp = client()
        .patch(format!("{}/api/v1/users/{}", app.origin, ALICE.id))
        .bearer_auth(API_KEY)
        .json(&serde_json::json!({"libraries": ["Movies"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200, "{}", resp.text().await.unwrap());
    let shares: Vec<Vec<u64>> = fake
        .shares()
        .into_iter()
        .filter(|s| s.user_id == ALICE.id)
        .map(|s| s.section_ids)
        .collect();
    assert_eq!(shares, vec![vec![MOVIES]]);
    let users = client()
        .get(format!("{}/api/v1/users", app.origin))
        .bearer_auth(API_KEY)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let users: serde_json::Value = serde_json::from_str(&users).unwrap();
    let listed = users
        .as_array()
        .or_else(|| users["users"].as_array())
        .unwrap()
        .iter()
        .find(|u| u["plex_id"] == ALICE.id)
        .cloned()
        .unwrap();
    assert_eq!(listed["managed_by_plexgate"], true, "{listed}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn kill_9_during_a_burst_of_joins_leaves_nothing_half_done() {
    const FRIENDS: usize = 50;
    const HELD: u32 = 5;
    let fake = FakePlex::start().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = Binary::start(&data, &fake).await;
    swallow_share_posts(&fake, HELD);
    // Every other plex.tv answer comes late, so many joins are mid-way when the kill comes
    // (and the store's writer batches their writes: issue 23).
    fake.inject(Fault::delay("/", Duration::from_millis(20)));
    let done = Arc::new(AtomicUsize::new(0));
    let friends: Vec<Account> = fakeplex::crowd().iter().take(FRIENDS).copied().collect();
    assert_eq!(friends.len(), FRIENDS);
    let tasks: Vec<_> = friends
        .iter()
        .map(|f| {
            let (origin, fake, f, done) = (first.origin.clone(), fake.clone(), *f, done.clone());
            tokio::spawn(async move {
                let r = join(origin, fake, f).await;
                done.fetch_add(1, Ordering::SeqCst);
                (f.id, r)
            })
        })
        .collect();
    // Kill once some joins are through and plex.tv holds the answers of a few shares it made.
    wait_until("a part of the burst is through", || {
        done.load(Ordering::SeqCst) >= 20 && swallowed(&fake) >= HELD as usize
    })
    .await;
    first.kill_9();
    let mut told_in = BTreeSet::new();
    for t in tasks {
        let (id, r) = t.await.unwrap();
        if r == Some(true) {
            told_in.insert(id);
        }
    }

    let app = Restarted::start(&data, &fake).await;
    app.state.access.run_once().await.unwrap();
    let grants = app.grants().await;
    let shares: Vec<_> = fake
        .shares()
        .into_iter()
        .filter(|s| s.machine_id == fakeplex::SERVER_ID)
        .collect();
    // Everyone told "You're in" has an accepted share, and plexgate still knows it: no answered
    // join was lost with the process.
    assert!(!told_in.is_empty(), "nobody got through before the kill");
    for id in &told_in {
        assert!(
            shares.iter().any(|s| s.user_id == *id && s.accepted),
            "{id} was told \"You're in\" without an accepted share"
        );
        let g = grants.iter().find(|g| g.plex_id == *id);
        assert!(
            g.is_some_and(|g| g.status == GrantStatus::Accepted && !g.external),
            "{id} was told \"You're in\" but plexgate lost the grant: {g:?}"
        );
    }
    // No duplicate shares, no share without a grant.
    let mut per_user = BTreeMap::new();
    for s in &shares {
        *per_user.entry(s.user_id).or_insert(0) += 1;
        assert!(
            grants.iter().any(|g| g.plex_id == s.user_id),
            "share without a grant: {s:?}"
        );
    }
    assert!(
        per_user.values().all(|n| *n == 1),
        "duplicates: {per_user:?}"
    );
    // Every share plexgate attempted is plexgate's, and nothing is left half-done.
    for g in &grants {
        if g.share_attempted {
            assert!(
                !g.external,
                "plexgate's own share recorded as external: {g:?}"
            );
        }
        assert!(
            !matches!(g.status, GrantStatus::Sharing | GrantStatus::Failed),
            "left half-done: {g:?}"
        );
    }
    let attempted = grants.iter().filter(|g| g.share_attempted).count();
    assert!(attempted >= HELD as usize, "{grants:?}");
}
