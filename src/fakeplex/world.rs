//! The fake's world: who exists, which servers and sections they own, and the mutable state
//! (tokens, PINs, shares, friendships, knobs the tests turn). Seeded by [`World::seed`].

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use crate::clock::Clock;

use super::faults::Fault;
use super::{
    ALICE, Account, BOB, CAROL, DAVE, KID, LoggedRequest, MOVIES, MUSIC, OTHER_SERVER_ID, OWNER,
    PHOTOS, SERVER_ID, SERVER_NAME, STRANGER, TV,
};

/// Every account the fake knows, in display order (the sign-in page shows them all).
pub(crate) const ACCOUNTS: [Account; 7] = [OWNER, ALICE, BOB, CAROL, DAVE, KID, STRANGER];

/// The named accounts, then the generated crowd of friends.
pub(crate) fn all_accounts() -> impl Iterator<Item = &'static Account> {
    ACCOUNTS.iter().chain(super::crowd())
}

/// Looks an account up by id.
pub(crate) fn account(id: u64) -> Option<&'static Account> {
    all_accounts().find(|a| a.id == id)
}

/// Looks an account up the way v1 `invited_email` does: by email or by username, any case. A
/// managed Home user has neither, so it cannot be found by name (plex.tv refuses such an invite).
pub(crate) fn account_by_name_or_email(s: &str) -> Option<&'static Account> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    all_accounts().find(|a| {
        a.username.eq_ignore_ascii_case(s) || a.email.is_some_and(|e| e.eq_ignore_ascii_case(s))
    })
}

/// The display title: the username, or "Kid" for the managed Home user (whose username is empty).
pub(crate) fn title(a: &Account) -> &'static str {
    if a.username.is_empty() {
        "Kid"
    } else {
        a.username
    }
}

/// The least spacing between two checks of one PIN (plex.tv answers 429 below it).
pub(crate) const PIN_CHECK_INTERVAL: Duration = Duration::from_millis(500);

/// A managed Home user: restricted, no email, a member of the owner's Home.
pub(crate) fn is_managed(id: u64) -> bool {
    id == KID.id
}

/// The account's 16-hex uuid (stable, derived from the id).
pub(crate) fn uuid(id: u64) -> String {
    format!("{:016x}", id.wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// The avatar URL plex.tv hands out.
pub(crate) fn thumb(id: u64) -> String {
    format!("https://plex.tv/users/{}/avatar?c=1", uuid(id))
}

/// One library section: a local `key` on the server and a different plex.tv global `id`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Section {
    pub id: u64,
    pub key: &'static str,
    pub title: &'static str,
    pub kind: &'static str,
}

/// A Plex Media Server registered with the fake plex.tv.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Server {
    pub machine_id: &'static str,
    /// plex.tv's numeric server id (`serverId` in listings).
    pub numeric_id: u64,
    pub name: &'static str,
    pub owner_id: u64,
    pub sections: &'static [Section],
}

const fn section(id: u64, key: &'static str, title: &'static str, kind: &'static str) -> Section {
    Section {
        id,
        key,
        title,
        kind,
    }
}

const OWNER_SECTIONS: [Section; 4] = [
    section(MOVIES, "1", "Movies", "movie"),
    section(TV, "2", "TV Shows", "show"),
    section(MUSIC, "3", "Music", "artist"),
    section(PHOTOS, "4", "Photos", "photo"),
];

const OTHER_SECTIONS: [Section; 1] = [section(229_900_001, "1", "Stranger Movies", "movie")];

/// The two servers: the owner's and the stranger's.
pub(crate) const SERVERS: [Server; 2] = [
    Server {
        machine_id: SERVER_ID,
        numeric_id: 5_000_001,
        name: SERVER_NAME,
        owner_id: OWNER.id,
        sections: &OWNER_SECTIONS,
    },
    Server {
        machine_id: OTHER_SERVER_ID,
        numeric_id: 5_000_002,
        name: "Stranger's Server",
        owner_id: STRANGER.id,
        sections: &OTHER_SECTIONS,
    },
];

/// Looks a server up by machine identifier.
pub(crate) fn server(machine_id: &str) -> Option<&'static Server> {
    SERVERS.iter().find(|s| s.machine_id == machine_id)
}

/// Sharing settings (v1 `sharing_settings`, v2 `settings`/`sharingSettings`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Settings {
    pub allow_sync: bool,
    pub allow_camera_upload: bool,
    pub allow_channels: bool,
    pub allow_subtitle_admin: bool,
    pub filter_movies: String,
    pub filter_television: String,
    pub filter_music: String,
    pub filter_photos: String,
}

/// Which API family made a share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Via {
    V1,
    V2,
    /// Made "in Plex's UI" (seeded or through [`super::FakePlex::add_share`]).
    External,
}

/// One shared_server: one owner's server shared with one account.
#[derive(Debug, Clone)]
pub(crate) struct Share {
    pub id: u64,
    pub owner_id: u64,
    pub user_id: u64,
    pub machine_id: String,
    pub section_ids: Vec<u64>,
    pub settings: Settings,
    pub accepted: bool,
    pub invited_at: i64,
    pub accepted_at: Option<i64>,
    pub via: Via,
    /// Pending listings by the invitee that still leave this invite out.
    pub hidden_listings: u32,
}

/// A PIN (plex-api.md §1).
#[derive(Debug, Clone)]
pub(crate) struct Pin {
    pub id: u64,
    pub code: String,
    pub client_id: String,
    pub product: String,
    pub strong: bool,
    pub created_at: i64,
    pub expires_at: i64,
    pub auth_token: Option<String>,
    pub last_poll_ms: Option<u128>,
}

/// The fake's clock: wall time plus an offset tests move with `advance`.
#[derive(Debug, Clone, Default)]
pub(crate) struct FakeClock {
    offset_ms: Arc<AtomicU64>,
}

impl FakeClock {
    pub(crate) fn advance(&self, by: Duration) {
        let add = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.offset_ms.fetch_add(add, Ordering::SeqCst);
    }

    /// Milliseconds since the epoch (for the PIN poll spacing).
    pub(crate) fn millis(&self) -> u128 {
        self.now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0)
    }
}

impl Clock for FakeClock {
    fn now(&self) -> SystemTime {
        SystemTime::now() + Duration::from_millis(self.offset_ms.load(Ordering::SeqCst))
    }
}

/// All mutable state, behind one `std::sync::Mutex` never held across an `.await`.
#[derive(Debug)]
pub(crate) struct World {
    pub clock: FakeClock,
    /// Valid tokens -> account id.
    pub tokens: BTreeMap<String, u64>,
    pub pins: BTreeMap<u64, Pin>,
    pub shares: BTreeMap<u64, Share>,
    /// (owner id, friend id).
    pub friendships: BTreeSet<(u64, u64)>,
    pub faults: Vec<Fault>,
    pub log: Vec<LoggedRequest>,
    pub next_id: u64,
    pub minted: u64,
    pub invite_delay: u32,
    pub invalid_token_status: u16,
    pub empty_v1_sections: bool,
    pub empty_v2_sections: bool,
    /// Checks of one PIN closer than this answer 429 (zero = off).
    pub pin_check_interval: Duration,
    /// clients.plex.tv share/invite calls need the full X-Plex-* set in the query.
    pub strict_clients_query: bool,
    /// Invites to addresses without an account: share id -> email.
    pub accountless: BTreeMap<u64, String>,
}

impl World {
    /// The seeded world: every account's token valid, the owner friends with alice, bob, carol and
    /// dave, and dave holding an accepted share made in Plex's UI (Movies and TV Shows).
    pub(crate) fn seed() -> Self {
        let clock = FakeClock::default();
        let now = clock.unix();
        let mut w = Self {
            clock,
            tokens: all_accounts().map(|a| (a.token.to_owned(), a.id)).collect(),
            pins: BTreeMap::new(),
            shares: BTreeMap::new(),
            friendships: [ALICE, BOB, CAROL, DAVE]
                .iter()
                .map(|f| (OWNER.id, f.id))
                .collect(),
            faults: Vec::new(),
            log: Vec::new(),
            next_id: 90_000_001,
            minted: 0,
            invite_delay: 0,
            invalid_token_status: 401,
            empty_v1_sections: false,
            empty_v2_sections: false,
            pin_check_interval: PIN_CHECK_INTERVAL,
            strict_clients_query: true,
            accountless: BTreeMap::new(),
        };
        w.add_external_share(DAVE.id, &[MOVIES, TV], true);
        if let Some(s) = w.shares.values_mut().next() {
            s.invited_at = now - 86_400;
            s.accepted_at = Some(now - 86_000);
        }
        w
    }

    pub(crate) fn now(&self) -> i64 {
        self.clock.unix()
    }

    pub(crate) fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// The account a token belongs to, if it is still valid.
    pub(crate) fn account_for(&self, token: Option<&str>) -> Option<&'static Account> {
        token
            .and_then(|t| self.tokens.get(t))
            .and_then(|id| account(*id))
    }

    /// A fresh token for a sign-in, as plex.tv mints one per approved PIN (device): signing one
    /// out leaves the account's other sessions alone. It starts with the account's well-known
    /// token, so a test searching for that token finds a leaked minted one too.
    pub(crate) fn token_for_sign_in(&mut self, acct: &Account) -> String {
        self.minted += 1;
        let t = format!("{}-{}", acct.token, self.minted);
        self.tokens.insert(t.clone(), acct.id);
        t
    }

    /// Invalidates every token of an account.
    pub(crate) fn revoke_all(&mut self, account_id: u64) {
        self.tokens.retain(|_, id| *id != account_id);
    }

    /// A share "made in Plex's UI": the owner's server, no invite delay, a friendship as Plex adds.
    pub(crate) fn add_external_share(
        &mut self,
        user_id: u64,
        section_ids: &[u64],
        accepted: bool,
    ) -> u64 {
        self.friendships.insert((OWNER.id, user_id));
        self.insert_owner_share(user_id, section_ids, accepted)
    }

    /// A pending invite to an address without a Plex account (user id 0, listed with `userID=""`).
    pub(crate) fn add_accountless_invite(&mut self, email: &str) -> u64 {
        let id = self.insert_owner_share(0, &[MOVIES], false);
        self.accountless.insert(id, email.to_owned());
        id
    }

    /// Inserts a share of the owner's server made outside the API (default settings, no delay).
    fn insert_owner_share(&mut self, user_id: u64, section_ids: &[u64], accepted: bool) -> u64 {
        let id = self.next_id();
        let now = self.now();
        self.shares.insert(
            id,
            Share {
                id,
                owner_id: OWNER.id,
                user_id,
                machine_id: SERVER_ID.to_owned(),
                section_ids: section_ids.to_vec(),
                settings: Settings::default(),
                accepted,
                invited_at: now,
                accepted_at: accepted.then_some(now),
                via: Via::External,
                hidden_listings: 0,
            },
        );
        id
    }

    /// Approves a PIN for `acct`; false when it is unknown or expired.
    pub(crate) fn approve(&mut self, pin_id: u64, acct: &Account) -> bool {
        let now = self.now();
        let live = self.pins.get(&pin_id).is_some_and(|p| p.expires_at > now);
        if !live {
            return false;
        }
        let token = self.token_for_sign_in(acct);
        if let Some(p) = self.pins.get_mut(&pin_id) {
            p.auth_token = Some(token);
        }
        true
    }

    /// The live PIN with this code.
    pub(crate) fn pin_by_code(&self, code: &str) -> Option<u64> {
        let now = self.now();
        self.pins
            .values()
            .find(|p| p.code == code && p.expires_at > now)
            .map(|p| p.id)
    }
}
