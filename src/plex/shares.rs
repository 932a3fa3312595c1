//! Owner-side shares (§5, §7): create, update, remove and list, through the v1 family
//! (`/api/servers/{mid}/shared_servers`, ✔) until it answers "gone", then through v2 (see
//! `shares_v2`). The family that worked is remembered so later calls go straight to it (§5.2a).

use reqwest::Method;
use serde_json::{Value, json};

use super::assumptions::{self, InviteTarget};
use super::http::{Call, Host};
use super::{
    Invitee, PlexClient, PlexError, Removal, Share, ShareFamily, ShareList, SharingFlags, xml,
};
use crate::secret::Secret;

impl PlexClient {
    /// Shares `section_ids` (global ids) of `machine_id` with `invitee`, with these sharing
    /// flags, checking that the share plex.tv made is for that account (else it is removed and
    /// `Mismatch` returned). `AlreadySharing` means the caller should list the shares and update
    /// the existing one.
    pub async fn create_share(
        &self,
        owner: &Secret,
        machine_id: &str,
        invitee: &Invitee,
        section_ids: &[u64],
        flags: SharingFlags,
    ) -> Result<Share, PlexError> {
        let v1 = self.create_share_v1(owner, machine_id, invitee, section_ids, flags);
        let v2 = self.create_share_v2(owner, machine_id, invitee, section_ids, flags);
        self.v1_else_v2(owner, machine_id, v1, v2).await
    }

    /// Replaces the libraries of one share, in the remembered family, keeping every other setting
    /// as plex.tv holds it. `allow_sync` is `Some` only when plexgate means to change downloads
    /// (see [`assumptions::UPDATE_WRITES_BACK_CURRENT_SETTINGS`]).
    pub async fn update_share(
        &self,
        owner: &Secret,
        machine_id: &str,
        share_id: u64,
        section_ids: &[u64],
        allow_sync: Option<bool>,
    ) -> Result<(), PlexError> {
        let v1 = self.update_share_v1(owner, machine_id, share_id, section_ids, allow_sync);
        let v2 = self.update_share_v2(owner, share_id, section_ids, allow_sync);
        self.v1_else_v2(owner, machine_id, v1, v2).await
    }

    /// Removes one share of this server only (never the friendship: `DELETE /api/v2/sharings`
    /// would take every server away). A "not found" counts as [`Removal::AlreadyGone`] only when a
    /// fresh listing shows no share for `user_id` (or with this id) on this server; otherwise the
    /// answer is `StillListed` and the share is still there (§12).
    pub async fn remove_share(
        &self,
        owner: &Secret,
        machine_id: &str,
        share_id: u64,
        user_id: u64,
    ) -> Result<Removal, PlexError> {
        match self.delete_share(owner, machine_id, share_id).await {
            Ok(()) => Ok(Removal::Removed),
            Err(PlexError::NotFound) => {
                let listed = self.list_shares(owner, machine_id).await?;
                let still = listed
                    .iter()
                    .any(|s| s.share_id == share_id || (user_id != 0 && s.user_id == user_id));
                if still {
                    tracing::warn!(
                        share_id,
                        "plex.tv answered 'not found' to a removal but still lists the share"
                    );
                    Err(PlexError::StillListed)
                } else {
                    Ok(Removal::AlreadyGone)
                }
            }
            Err(e) => Err(e),
        }
    }

    async fn delete_share(
        &self,
        owner: &Secret,
        machine_id: &str,
        share_id: u64,
    ) -> Result<(), PlexError> {
        let id = share_id.to_string();
        let path = ["api", "servers", machine_id, "shared_servers", &id];
        let call = Call::new(Method::DELETE, Host::Api, &path)
            .xml()
            .token(owner);
        let v1 = async { self.send(call).await.map(drop) };
        let v2 = self.remove_share_v2(owner, share_id);
        self.v1_else_v2(owner, machine_id, v1, v2).await
    }

    /// Every share of this server, pending ones included (`accepted == false`). Entries that
    /// cannot be read are skipped with a warning (see [`Self::list_shares_checked`]).
    pub async fn list_shares(
        &self,
        owner: &Secret,
        machine_id: &str,
    ) -> Result<Vec<Share>, PlexError> {
        let list = self.list_shares_checked(owner, machine_id).await?;
        for skipped in &list.skipped {
            tracing::warn!(entry = %skipped, "skipped a share entry plex.tv listed");
        }
        Ok(list.shares)
    }

    /// Every share of this server with the entries skipped. v1 reads
    /// `/api/servers/{mid}/shared_servers` (pending = no `acceptedAt`); v2 joins `owned/accepted`
    /// with `invites/owned/pending` (see [`assumptions::LIST_SHARES_PREFERS_V1`]).
    pub async fn list_shares_checked(
        &self,
        owner: &Secret,
        machine_id: &str,
    ) -> Result<ShareList, PlexError> {
        let v1 = self.list_shares_v1(owner, machine_id);
        let v2 = self.list_shares_v2(owner, machine_id);
        self.v1_else_v2(owner, machine_id, v1, v2).await
    }

    /// The v1 call while the install is on v1, unless v1 is confirmed gone; else the v2 call.
    async fn v1_else_v2<T>(
        &self,
        owner: &Secret,
        mid: &str,
        v1: impl Future<Output = Result<T, PlexError>>,
        v2: impl Future<Output = Result<T, PlexError>>,
    ) -> Result<T, PlexError> {
        if self.share_family() == ShareFamily::V1 {
            let first = v1.await;
            if !self.v1_confirmed_gone(&first, owner, mid).await? {
                return first;
            }
        }
        v2.await
    }

    /// After a v1 share call: `Ok(false)` when it did not answer "gone" (the caller keeps its
    /// result). On "gone", a second, read-only v1 call (the owner's listing) decides (§12): gone
    /// too → the install moves to v2 and `Ok(true)`; it answers → the first answer was a stray
    /// error page and `Err(ErrorPage)`.
    async fn v1_confirmed_gone<T>(
        &self,
        first: &Result<T, PlexError>,
        owner: &Secret,
        mid: &str,
    ) -> Result<bool, PlexError> {
        if !matches!(first, Err(PlexError::Gone)) {
            return Ok(false);
        }
        match self.list_shares_v1(owner, mid).await {
            Err(PlexError::Gone) => {
                tracing::warn!(
                    "plex.tv v1 share endpoints are gone (confirmed by a second call); using v2"
                );
                self.set_share_family(ShareFamily::V2);
                Ok(true)
            }
            Ok(_) => {
                tracing::warn!("a v1 share call answered an error page, but v1 still answers");
                Err(PlexError::ErrorPage)
            }
            Err(e) => Err(e),
        }
    }

    /// While on v2: asks v1 again (a read-only listing) and moves back to v1 when it answers.
    /// `Ok(true)` when the family changed back; `Ok(false)` when v1 is still gone (or the install is
    /// on v1 already).
    pub async fn probe_v1(&self, owner: &Secret, machine_id: &str) -> Result<bool, PlexError> {
        if self.share_family() == ShareFamily::V1 {
            return Ok(false);
        }
        match self.list_shares_v1(owner, machine_id).await {
            Ok(_) => {
                tracing::info!("plex.tv v1 share endpoints answer again; using v1");
                self.set_share_family(ShareFamily::V1);
                Ok(true)
            }
            Err(PlexError::Gone) => Ok(false),
            Err(e) => Err(e),
        }
    }

    async fn create_share_v1(
        &self,
        owner: &Secret,
        mid: &str,
        invitee: &Invitee,
        section_ids: &[u64],
        flags: SharingFlags,
    ) -> Result<Share, PlexError> {
        let target = assumptions::invite_target(invitee);
        let made = self
            .post_share_v1(owner, mid, target, section_ids, flags)
            .await?;
        let share = match made.into_iter().next() {
            Some(share) => share,
            // A bare 2xx (python-plexapi accepts 204): find the share in the owner's listing.
            None => self
                .list_shares_v1(owner, mid)
                .await?
                .shares
                .into_iter()
                .find(|s| s.user_id == invitee.id())
                .ok_or_else(|| PlexError::Protocol("share created but not listed".into()))?,
        };
        self.verify_share(owner, mid, share, invitee).await
    }

    /// Shares with a Plex username or email whose account id is not known yet (the owner
    /// invites directly). v1 `invited_email` takes either; plex.tv's answer names the account
    /// (`userID`). A share whose username and email both differ from `account` went to someone
    /// else: it is undone and `Mismatch` returned. v1 only: v2 has no name lookup we trust, so
    /// once v1 is gone this answers `Gone`.
    pub async fn create_share_for_email(
        &self,
        owner: &Secret,
        machine_id: &str,
        account: &str,
        section_ids: &[u64],
        flags: SharingFlags,
    ) -> Result<Share, PlexError> {
        if self.share_family() != ShareFamily::V1 {
            return Err(PlexError::Gone);
        }
        let target = InviteTarget::Email(account);
        let posted = self
            .post_share_v1(owner, machine_id, target, section_ids, flags)
            .await;
        if self.v1_confirmed_gone(&posted, owner, machine_id).await? {
            return Err(PlexError::Gone);
        }
        let made = posted?;
        let named = |s: &Share| {
            s.username.eq_ignore_ascii_case(account)
                || s.email
                    .as_deref()
                    .is_some_and(|e| e.eq_ignore_ascii_case(account))
        };
        let share = match made.into_iter().next() {
            Some(share) => share,
            None => self
                .list_shares_v1(owner, machine_id)
                .await?
                .shares
                .into_iter()
                .find(|s| named(s))
                .ok_or_else(|| PlexError::Protocol("share created but not listed".into()))?,
        };
        let anonymous = share.username.is_empty() && share.email.is_none();
        if anonymous || named(&share) {
            return Ok(share);
        }
        self.undo_share(owner, machine_id, &share).await;
        Err(PlexError::Mismatch(format!(
            "share {} went to account {} instead of the one named",
            share.share_id, share.user_id
        )))
    }

    /// Removes a share made for the wrong account, logging a failure (the caller reports the mismatch).
    async fn undo_share(&self, owner: &Secret, mid: &str, share: &Share) {
        if let Err(e) = self
            .remove_share(owner, mid, share.share_id, share.user_id)
            .await
        {
            tracing::error!(share_id = share.share_id, error = %e, "could not undo a share made for the wrong account");
        }
    }

    /// `POST …/shared_servers`; the shares in the answer (none for a bare 2xx).
    async fn post_share_v1(
        &self,
        owner: &Secret,
        mid: &str,
        target: InviteTarget<'_>,
        section_ids: &[u64],
        flags: SharingFlags,
    ) -> Result<Vec<Share>, PlexError> {
        let mut shared = json!({ "library_section_ids": section_ids });
        match target {
            InviteTarget::Email(e) => shared["invited_email"] = json!(e),
            InviteTarget::Id(id) => shared["invited_id"] = json!(id),
        }
        let body = json!({
            "server_id": mid,
            "shared_server": shared,
            "sharing_settings": v1_flags(flags),
        });
        let path = ["api", "servers", mid, "shared_servers"];
        let call = Call::new(Method::POST, Host::Api, &path)
            .xml()
            .token(owner)
            .json_body(body);
        let reply = self.send(call).await?;
        if reply.text.trim().is_empty() {
            Ok(Vec::new())
        } else {
            let list = parse_v1_shares(&reply.text)?;
            Ok(list.shares)
        }
    }

    /// §5.2a step 2: a share made for another account is undone and reported, never kept.
    pub(crate) async fn verify_share(
        &self,
        owner: &Secret,
        mid: &str,
        share: Share,
        invitee: &Invitee,
    ) -> Result<Share, PlexError> {
        if share.user_id == invitee.id() {
            return Ok(share);
        }
        self.undo_share(owner, mid, &share).await;
        Err(PlexError::Mismatch(format!(
            "share {} went to account {} instead of {}",
            share.share_id,
            share.user_id,
            invitee.id()
        )))
    }

    /// `PUT …/shared_servers/{id}` with the section ids only; when downloads change, with every
    /// current setting of the share read back and only `allowSync` changed.
    async fn update_share_v1(
        &self,
        owner: &Secret,
        mid: &str,
        share_id: u64,
        section_ids: &[u64],
        allow_sync: Option<bool>,
    ) -> Result<(), PlexError> {
        let id = share_id.to_string();
        let path = ["api", "servers", mid, "shared_servers", id.as_str()];
        let mut body = json!({
            "server_id": mid,
            "shared_server": { "library_section_ids": section_ids },
        });
        if let Some(sync) = allow_sync {
            let call = Call::new(Method::GET, Host::Api, &path).xml().token(owner);
            let mut settings = current_v1_settings(&self.send(call).await?.text)?;
            settings["allowSync"] = json!(if sync { "1" } else { "0" });
            body["sharing_settings"] = settings;
        }
        let call = Call::new(Method::PUT, Host::Api, &path)
            .xml()
            .token(owner)
            .json_body(body);
        self.send(call).await.map(drop)
    }

    async fn list_shares_v1(&self, owner: &Secret, mid: &str) -> Result<ShareList, PlexError> {
        let path = ["api", "servers", mid, "shared_servers"];
        let call = Call::new(Method::GET, Host::Api, &path).xml().token(owner);
        parse_v1_shares(&self.send(call).await?.text)
    }
}

/// v1 `sharing_settings` for a new share: the three flags as strings "0"/"1"; no content filters
/// (a new share has none; plexgate never restricts content).
fn v1_flags(flags: SharingFlags) -> Value {
    let flag = |b: bool| if b { "1" } else { "0" };
    json!({
        "allowSync": flag(flags.allow_sync),
        "allowCameraUpload": flag(flags.allow_camera_upload),
        "allowChannels": flag(flags.allow_channels),
    })
}

/// The setting attributes v1 lists on a `<SharedServer>` (and takes back in `sharing_settings`).
const V1_SETTING_KEYS: [&str; 7] = [
    "allowSync",
    "allowCameraUpload",
    "allowChannels",
    "allowSubtitleAdmin",
    "filterMovies",
    "filterTelevision",
    "filterMusic",
];

/// The current settings of the one share in a v1 answer, as `sharing_settings` takes them.
fn current_v1_settings(text: &str) -> Result<Value, PlexError> {
    xml::with_root(text, |root| {
        let s = xml::all(root, "SharedServer")
            .next()
            .ok_or_else(|| PlexError::Protocol("share answer without <SharedServer>".into()))?;
        let mut out = serde_json::Map::new();
        for key in V1_SETTING_KEYS {
            if let Some(v) = s.attribute(key) {
                out.insert(key.to_owned(), json!(v));
            }
        }
        Ok(Value::Object(out))
    })
}

/// `<MediaContainer><SharedServer id userID username email acceptedAt allowSync…><Section id shared/>`.
/// An entry without a usable `id` or `userID` (a pending invite to an address with no Plex account
/// has `userID=""`) is skipped with a line naming the field (§12).
pub(crate) fn parse_v1_shares(text: &str) -> Result<ShareList, PlexError> {
    xml::with_root(text, |root| {
        let mut list = ShareList::default();
        for s in xml::all(root, "SharedServer") {
            let (Some(share_id), Some(user_id)) =
                (xml::attr_u64(s, "id"), xml::attr_u64(s, "userID"))
            else {
                let field = if xml::attr_u64(s, "id").is_none() {
                    "id"
                } else {
                    "userID"
                };
                list.skipped.push(format!(
                    "<SharedServer> with no usable {field} ({field}=\"{}\")",
                    s.attribute(field).unwrap_or_default()
                ));
                continue;
            };
            let accepted = match xml::attr_bool(s, "pending") {
                Some(pending) => !pending,
                None => xml::attr(s, "acceptedAt").is_some_and(|a| a != "0"),
            };
            list.shares.push(Share {
                share_id,
                user_id,
                username: xml::attr(s, "username").unwrap_or_default(),
                email: xml::attr(s, "email"),
                section_ids: xml::children(s, "Section")
                    .filter(|sec| xml::attr_bool(*sec, "shared").unwrap_or(true))
                    .filter_map(|sec| xml::attr_u64(sec, "id"))
                    .collect(),
                accepted,
                allow_sync: xml::attr_bool(s, "allowSync").unwrap_or(false),
            });
        }
        Ok(list)
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn parses_v1_shared_servers() {
        let x = r#"<?xml version="1.0" encoding="UTF-8"?>
<MediaContainer friendlyName="myPlex" size="2">
  <SharedServer id="5551" username="alice" email="alice@example.com" userID="1001" accessToken="secret"
      name="Den" acceptedAt="1700000000" invitedAt="1690000000" allowSync="1" allowCameraUpload="0"
      allowChannels="0" owned="1">
    <Section id="118181361" key="1" title="Movies" type="movie" shared="1"/>
    <Section id="118181362" key="2" title="TV Shows" type="show" shared="0"/>
  </SharedServer>
  <SharedServer id="5552" username="kid" email="" userID="1006" acceptedAt="" invitedAt="1690000000" allowSync="0"/>
</MediaContainer>"#;
        let shares = parse_v1_shares(x).unwrap().shares;
        assert_eq!(
            shares[0],
            Share {
                share_id: 5551,
                user_id: 1001,
                username: "alice".into(),
                email: Some("alice@example.com".into()),
                section_ids: vec![118181361],
                accepted: true,
                allow_sync: true,
            }
        );
        assert!(!shares[1].accepted);
        assert_eq!(shares[1].email, None);
        assert!(
            parse_v1_shares("<MediaContainer size=\"0\"/>")
                .unwrap()
                .shares
                .is_empty()
        );
    }

    #[test]
    fn an_unreadable_entry_is_skipped_and_named() {
        let x = r#"<MediaContainer><SharedServer id="1" userID="" email="new@x"/>
            <SharedServer id="2" userID="7" username="bob"/></MediaContainer>"#;
        let list = parse_v1_shares(x).unwrap();
        assert_eq!(list.shares.len(), 1);
        assert_eq!(list.shares[0].user_id, 7);
        assert_eq!(list.skipped.len(), 1);
        assert!(list.skipped[0].contains("userID"), "{:?}", list.skipped);
    }

    #[test]
    fn flags_are_strings_and_current_settings_are_read_back() {
        let f = SharingFlags {
            allow_sync: true,
            allow_channels: false,
            allow_camera_upload: true,
        };
        assert_eq!(v1_flags(f)["allowSync"], "1");
        assert_eq!(v1_flags(f)["allowChannels"], "0");
        assert_eq!(v1_flags(f)["allowCameraUpload"], "1");
        let x = r#"<MediaContainer><SharedServer id="1" userID="2" allowSync="0"
            allowCameraUpload="1" filterMovies="contentRating=G%2CPG"/></MediaContainer>"#;
        let cur = current_v1_settings(x).unwrap();
        assert_eq!(cur["allowCameraUpload"], "1");
        assert_eq!(cur["filterMovies"], "contentRating=G%2CPG");
        assert!(cur.get("allowChannels").is_none());
    }
}
