//! The v2 share family (§5.2, §7; `~` in plex-api.md): used once v1 share routes answer "gone".

use reqwest::Method;
use serde_json::{Value, json};

use super::assumptions::{self, InviteTarget};
use super::http::{Call, Host};
use super::{Invitee, PlexClient, PlexError, Share, ShareList, SharingFlags, json as j};
use crate::secret::Secret;

/// The host v2 share and invite calls go to (see [`assumptions::V2_SHARES_ON_CLIENTS_HOST`]).
pub(crate) fn host() -> Host {
    if assumptions::V2_SHARES_ON_CLIENTS_HOST {
        Host::Clients
    } else {
        Host::Api
    }
}

const SHARED_SERVERS: [&str; 3] = ["api", "v2", "shared_servers"];

/// The full v2 settings object Plex Web sends for a new share; plexgate never sets content filters.
fn v2_settings(flags: SharingFlags) -> Value {
    json!({
        "allowSync": flags.allow_sync,
        "allowChannels": flags.allow_channels,
        "allowCameraUpload": flags.allow_camera_upload,
        "allowSubtitleAdmin": false,
        "allowTuners": 0,
        "filterMovies": "",
        "filterMusic": "",
        "filterPhotos": "",
        "filterTelevision": "",
        "filterAll": null,
    })
}

impl PlexClient {
    pub(crate) async fn create_share_v2(
        &self,
        owner: &Secret,
        mid: &str,
        invitee: &Invitee,
        section_ids: &[u64],
        flags: SharingFlags,
    ) -> Result<Share, PlexError> {
        let mut body = json!({
            "machineIdentifier": mid,
            "librarySectionIds": section_ids,
            "settings": v2_settings(flags),
            "skipFriendship": assumptions::V2_SKIP_FRIENDSHIP,
        });
        match assumptions::invite_target(invitee) {
            InviteTarget::Email(e) => body["invitedEmail"] = json!(e),
            InviteTarget::Id(id) => body["invitedId"] = json!(id),
        }
        let call = Call::new(Method::POST, host(), &SHARED_SERVERS)
            .token(owner)
            .json_body(body);
        let v = self.send(call).await?.value()?;
        let mut share = parse_v2_share(&v)?;
        if share.user_id == 0 && names_match(&share, invitee) {
            // No invitedId in the answer: the invitee's name or email is the best evidence left.
            share.user_id = invitee.id();
        }
        self.verify_share(owner, mid, share, invitee).await
    }

    /// v2 replaces the whole share, so the current `sharingSettings` are read and sent back (else
    /// they reset); only `allowSync` changes, and only when asked. A share whose settings cannot be
    /// read is not updated (sending defaults would lift the owner's restrictions).
    pub(crate) async fn update_share_v2(
        &self,
        owner: &Secret,
        share_id: u64,
        section_ids: &[u64],
        allow_sync: Option<bool>,
    ) -> Result<(), PlexError> {
        let id = share_id.to_string();
        let path = ["api", "v2", "shared_servers", id.as_str()];
        let current = self
            .send(Call::new(Method::GET, host(), &path).token(owner))
            .await?
            .value()?;
        let Some(Value::Object(map)) = current
            .get("sharingSettings")
            .or_else(|| current.get("settings"))
        else {
            let why = "the share's current settings could not be read";
            return Err(PlexError::Protocol(why.into()));
        };
        let mut settings = Value::Object(map.clone());
        if let Some(sync) = allow_sync {
            settings["allowSync"] = json!(sync);
        }
        let body = json!({ "settings": settings, "librarySectionIds": section_ids });
        let call = Call::new(Method::POST, host(), &path)
            .token(owner)
            .json_body(body);
        self.send(call).await.map(drop)
    }

    pub(crate) async fn remove_share_v2(
        &self,
        owner: &Secret,
        share_id: u64,
    ) -> Result<(), PlexError> {
        let id = share_id.to_string();
        let path = ["api", "v2", "shared_servers", &id];
        let call = Call::new(Method::DELETE, host(), &path).token(owner);
        self.send(call).await.map(drop)
    }

    /// `owned/accepted` (filtered to this server) plus `invites/owned/pending` (`~`: a missing
    /// pending listing only costs the pending shares, with a warning).
    pub(crate) async fn list_shares_v2(
        &self,
        owner: &Secret,
        mid: &str,
    ) -> Result<ShareList, PlexError> {
        let accepted = ["api", "v2", "shared_servers", "owned", "accepted"];
        let v = self
            .send(Call::new(Method::GET, host(), &accepted).token(owner))
            .await?
            .value()?;
        let mut list = ShareList::default();
        for s in v.as_array().map(Vec::as_slice).unwrap_or_default() {
            if for_server(s, mid) {
                match parse_v2_share(s) {
                    Ok(share) => list.shares.push(share),
                    Err(e) => list.skipped.push(format!("accepted share: {e}")),
                }
            }
        }
        let pending = ["api", "v2", "shared_servers", "invites", "owned", "pending"];
        match self
            .send(Call::new(Method::GET, host(), &pending).token(owner))
            .await
        {
            Ok(reply) => {
                let v = reply.value()?;
                for invite in v.as_array().map(Vec::as_slice).unwrap_or_default() {
                    pending_shares(invite, mid, &mut list);
                }
            }
            Err(e @ (PlexError::Gone | PlexError::NotFound)) => {
                tracing::warn!(error = %e, "plex.tv pending-invite listing unavailable; pending shares not listed");
            }
            Err(e) => return Err(e),
        }
        Ok(list)
    }
}

/// A share whose machineIdentifier is this server's (or which names no server at all).
fn for_server(s: &Value, mid: &str) -> bool {
    j::str_of(s, "machineIdentifier").is_none_or(|m| m == mid)
}

/// `{invited?, sharedServers[…]}`: each shared server of this machine becomes a pending share;
/// one that cannot be read is skipped and named.
fn pending_shares(invite: &Value, mid: &str, out: &mut ShareList) {
    let invited = invite.get("invited");
    for s in j::list_of(invite, "sharedServers") {
        if !for_server(s, mid) {
            continue;
        }
        let mut share = match parse_v2_share(s) {
            Ok(share) => share,
            Err(e) => {
                out.skipped.push(format!("pending share: {e}"));
                continue;
            }
        };
        share.accepted = false;
        if let Some(person) = invited {
            share.user_id = j::u64_of(person, "id").unwrap_or(share.user_id);
            share.username = j::str_of(person, "username").unwrap_or(share.username);
            share.email = j::str_of(person, "email").or(share.email);
        }
        if !out
            .shares
            .iter()
            .any(|have| have.share_id == share.share_id)
        {
            out.shares.push(share);
        }
    }
}

fn names_match(share: &Share, invitee: &Invitee) -> bool {
    let Invitee::Account {
        email, username, ..
    } = invitee;
    let same = |a: &str, b: &str| !a.is_empty() && a.eq_ignore_ascii_case(b);
    same(&share.username, username)
        || matches!((&share.email, email), (Some(a), Some(b)) if same(a, b))
}

/// A v2 share object (§5.2 field list). `user_id` is 0 when plex.tv names no invited account id.
pub(crate) fn parse_v2_share(v: &Value) -> Result<Share, PlexError> {
    let invited = v.get("invited").filter(|i| i.is_object());
    let from_invited = |key: &str| invited.and_then(|i| j::str_of(i, key));
    let mut section_ids: Vec<u64> = v
        .get("librarySectionIds")
        .and_then(Value::as_array)
        .map(|ids| {
            ids.iter()
                .filter_map(|id| {
                    id.as_u64()
                        .or_else(|| id.as_str()?.parse().ok())
                        // The XML form lists scalars as `<librarySectionId id="…"/>`.
                        .or_else(|| j::u64_of(id, "id"))
                })
                .collect()
        })
        .unwrap_or_default();
    if section_ids.is_empty() {
        section_ids = j::list_of(v, "libraries")
            .iter()
            .filter_map(|l| j::u64_of(l, "id"))
            .collect();
    }
    let settings = v.get("sharingSettings").or_else(|| v.get("settings"));
    Ok(Share {
        share_id: j::need_u64(v, "id", "share")?,
        user_id: j::u64_of(v, "invitedId")
            .or_else(|| invited.and_then(|i| j::u64_of(i, "id")))
            .unwrap_or(0),
        username: from_invited("username")
            .or_else(|| from_invited("title"))
            .unwrap_or_default(),
        email: j::str_of(v, "invitedEmail").or_else(|| from_invited("email")),
        section_ids,
        accepted: j::bool_of(v, "accepted").unwrap_or_else(|| j::str_of(v, "acceptedAt").is_some()),
        allow_sync: settings
            .and_then(|s| j::bool_of(s, "allowSync"))
            .unwrap_or(false),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn parses_a_v2_share() {
        let v = j::parse(
            r#"{"id":777,"name":"Den","ownerId":1,"invitedId":1002,"invitedEmail":"bob@example.com",
            "serverId":9,"machineIdentifier":"abc123","accepted":false,"acceptedAt":null,"deletedAt":null,
            "numLibraries":2,"allLibraries":false,"invited":{"id":1002,"uuid":"u","title":"Bob","username":"bob",
            "restricted":false,"thumb":"t","status":"pending"},"sharingSettings":{"allowSync":true,"allowChannels":false},
            "libraries":[{"id":118181361,"key":1,"title":"Movies","type":"movie"},{"id":118181362,"key":2,"title":"TV","type":"show"}]}"#,
        )
        .unwrap();
        let s = parse_v2_share(&v).unwrap();
        assert_eq!(
            (s.share_id, s.user_id, s.username.as_str()),
            (777, 1002, "bob")
        );
        assert_eq!(s.section_ids, vec![118181361, 118181362]);
        assert!(!s.accepted && s.allow_sync);
        assert!(for_server(&v, "abc123") && !for_server(&v, "other"));
    }

    #[test]
    fn pending_listing_names_the_invited_account() {
        let v = j::parse(
            r#"[{"invited":{"id":1003,"username":"carol","email":"c@x"},
                "sharedServers":[{"id":12,"machineIdentifier":"abc123","libraries":[{"id":5}]},
                                 {"id":13,"machineIdentifier":"zzz"}]}]"#,
        )
        .unwrap();
        let mut list = ShareList::default();
        pending_shares(&v[0], "abc123", &mut list);
        let out = list.shares;
        assert_eq!(out.len(), 1);
        assert_eq!(
            (out[0].share_id, out[0].user_id, out[0].section_ids.clone()),
            (12, 1003, vec![5])
        );
    }
}
