//! What each channel receives (SPEC §7): the generic webhook a JSON object, Discord one line as
//! `content`, ntfy the line as text with a `Title` header.

use serde::Serialize;

use super::{EventKind, Notification, NotifyAccount};
use crate::clock::rfc3339;

/// The generic webhook body: `{event, at, server, account: {plex_id, username}, detail}`.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct GenericBody<'a> {
    /// The event name (`join`, `request`, `grant_failed`, `expired`, `owner_token`, `test`).
    pub event: &'static str,
    /// When it happened, RFC 3339.
    pub at: String,
    /// The shared server's name ("" while unknown).
    pub server: &'a str,
    /// Whom it concerns; `null` for `owner_token` when the owner is not known yet.
    pub account: Option<&'a NotifyAccount>,
    /// A short human detail.
    pub detail: &'a str,
}

/// The generic webhook's JSON.
pub fn generic(n: &Notification) -> GenericBody<'_> {
    GenericBody {
        event: n.kind.as_str(),
        at: rfc3339(n.at),
        server: &n.server,
        account: n.account.as_ref(),
        detail: &n.detail,
    }
}

/// The one human line Discord and ntfy show.
pub fn line(n: &Notification) -> String {
    let who = n
        .account
        .as_ref()
        .map_or("someone", |a| a.username.as_str());
    let server = if n.server.is_empty() {
        "your Plex server"
    } else {
        n.server.as_str()
    };
    let text = match n.kind {
        EventKind::Join => format!("{who} joined {server}"),
        EventKind::Request => format!("{who} asked for access to {server}"),
        EventKind::GrantFailed => format!("Sharing {server} with {who} failed"),
        EventKind::Expired => format!("{who}'s access to {server} expired and was removed"),
        EventKind::OwnerToken => {
            format!("plex.tv refused the owner token for {server}: reconnect Plex in plexgate")
        }
        EventKind::Test => format!("plexgate test notification from {server}"),
    };
    let full = if n.detail.is_empty() {
        text
    } else {
        format!("{text} ({})", n.detail)
    };
    // One line: names and details come from outside, so control characters go.
    full.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Discord's body. A zero-width space after `@` keeps a username like "everyone" from pinging
/// the whole channel.
pub fn discord(n: &Notification) -> serde_json::Value {
    serde_json::json!({ "content": line(n).replace('@', "@\u{200b}") })
}

/// ntfy's `Title` header: fixed ASCII words per event (a header cannot carry every name).
pub fn ntfy_title(kind: EventKind) -> &'static str {
    match kind {
        EventKind::Join => "plexgate: new friend",
        EventKind::Request => "plexgate: access request",
        EventKind::GrantFailed => "plexgate: sharing failed",
        EventKind::Expired => "plexgate: access expired",
        EventKind::OwnerToken => "plexgate: owner token refused",
        EventKind::Test => "plexgate: test notification",
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn join() -> Notification {
        Notification {
            kind: EventKind::Join,
            at: 0,
            server: "Home".into(),
            account: Some(NotifyAccount {
                plex_id: 7,
                username: "al\nice".into(),
            }),
            detail: "libraries Movies".into(),
        }
    }

    #[test]
    fn shapes_follow_spec_7() {
        let n = join();
        let v = serde_json::to_value(generic(&n)).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"event": "join", "at": "1970-01-01T00:00:00Z", "server": "Home",
                "account": {"plex_id": 7, "username": "al\nice"}, "detail": "libraries Movies"})
        );
        assert_eq!(line(&n), "al ice joined Home (libraries Movies)");
        let mut n = n;
        n.account.as_mut().unwrap().username = "@everyone".into();
        let d = discord(&n);
        assert!(!d["content"].as_str().unwrap().contains("@everyone"));
        assert!(ntfy_title(EventKind::OwnerToken).is_ascii());
    }

    #[test]
    fn a_test_is_one_fixed_line() {
        let mut n = join();
        n.kind = EventKind::Test;
        n.detail.clear();
        assert_eq!(line(&n), "plexgate test notification from Home");
        assert_eq!(serde_json::to_value(generic(&n)).unwrap()["event"], "test");
        n.server.clear();
        assert_eq!(line(&n), "plexgate test notification from your Plex server");
        assert!(ntfy_title(EventKind::Test).is_ascii());
    }
}
