//! Owner-side shares (§5, §7): create, update, remove and list, through the v1 family
//! (`/api/servers/{mid}/shared_servers`, ✔) until it answers "gone", then through v2 (see
//! `shares_v2`). The family that worked is remembered so later calls go straight to it (§5.2a).

use reqwest::Method;
use serde_json::{Value, json};

use super::assumptions::{self, InviteTarget};
use super::http::{Call, Host};
use super::{Invitee, PlexClient, PlexError, Share, ShareFamily, xml};
use crate::secret::Secret;

impl PlexClient {
    /// Shares `section_ids` (global ids) of `machine_id` with `invitee`, checking that the share
    /// plex.tv made is for that account (else it is removed and `Mismatch` returned).
    /// `AlreadySharing` means the caller should list the shares and update the existing one.
    pub async fn create_share(
        &self,
        owner: &Secret,
        machine_id: &str,
        invitee: &Invitee,
        section_ids: &[u64],
        allow_downloads: bool,
    ) -> Result<Share, PlexError> {
        if self.share_family() == ShareFamily::V1 {
            match self
                .create_share_v1(owner, machine_id, invitee, section_ids, allow_downloads)
                .await
            {
                Err(PlexError::Gone) => self.fall_back_to_v2(),
                other => return other,
            }
        }
        self.create_share_v2(owner, machine_id, invitee, section_ids, allow_downloads)
            .await
    }

    /// Replaces the libraries (and the downloads flag) of one share, in the remembered family.
    pub async fn update_share(
        &self,
        owner: &Secret,
        machine_id: &str,
        share_id: u64,
        section_ids: &[u64],
        allow_downloads: bool,
    ) -> Result<(), PlexError> {
        if self.share_family() == ShareFamily::V1 {
            match self
                .update_share_v1(owner, machine_id, share_id, section_ids, allow_downloads)
                .await
            {
                Err(PlexError::Gone) => self.fall_back_to_v2(),
                other => return other,
            }
        }
        self.update_share_v2(owner, share_id, section_ids, allow_downloads)
            .await
    }

    /// Removes one share of this server only (never the friendship: `DELETE /api/v2/sharings`
    /// would take every server away). `NotFound` means it was already gone.
    pub async fn remove_share(
        &self,
        owner: &Secret,
        machine_id: &str,
        share_id: u64,
    ) -> Result<(), PlexError> {
        if self.share_family() == ShareFamily::V1 {
            let id = share_id.to_string();
            let call = Call::new(
                Method::DELETE,
                Host::Api,
                &["api", "servers", machine_id, "shared_servers", &id],
            )
            .xml()
            .token(owner);
            match self.send(call).await {
                Err(PlexError::Gone) => self.fall_back_to_v2(),
                other => return other.map(drop),
            }
        }
        self.remove_share_v2(owner, share_id).await
    }

    /// Every share of this server, pending ones included (`accepted == false`). v1 reads
    /// `/api/servers/{mid}/shared_servers` (pending = no `acceptedAt`); v2 joins `owned/accepted`
    /// with `invites/owned/pending` (see [`assumptions::LIST_SHARES_PREFERS_V1`]).
    pub async fn list_shares(
        &self,
        owner: &Secret,
        machine_id: &str,
    ) -> Result<Vec<Share>, PlexError> {
        if self.share_family() == ShareFamily::V1 {
            match self.list_shares_v1(owner, machine_id).await {
                Err(PlexError::Gone) => self.fall_back_to_v2(),
                other => return other,
            }
        }
        self.list_shares_v2(owner, machine_id).await
    }

    fn fall_back_to_v2(&self) {
        tracing::warn!("plex.tv v1 share endpoints are gone; using v2 from now on");
        self.set_share_family(ShareFamily::V2);
    }

    async fn create_share_v1(
        &self,
        owner: &Secret,
        mid: &str,
        invitee: &Invitee,
        section_ids: &[u64],
        allow_downloads: bool,
    ) -> Result<Share, PlexError> {
        let target = assumptions::invite_target(invitee);
        let made = self
            .post_share_v1(owner, mid, target, section_ids, allow_downloads)
            .await?;
        let share = match made.into_iter().next() {
            Some(share) => share,
            // A bare 2xx (python-plexapi accepts 204): find the share in the owner's listing.
            None => self
                .list_shares_v1(owner, mid)
                .await?
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
        allow_downloads: bool,
    ) -> Result<Share, PlexError> {
        if self.share_family() != ShareFamily::V1 {
            return Err(PlexError::Gone);
        }
        let target = InviteTarget::Email(account);
        let made = match self
            .post_share_v1(owner, machine_id, target, section_ids, allow_downloads)
            .await
        {
            Err(PlexError::Gone) => {
                self.fall_back_to_v2();
                return Err(PlexError::Gone);
            }
            other => other?,
        };
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
                .into_iter()
                .find(|s| named(s))
                .ok_or_else(|| PlexError::Protocol("share created but not listed".into()))?,
        };
        let anonymous = share.username.is_empty() && share.email.is_none();
        if anonymous || named(&share) {
            return Ok(share);
        }
        if let Err(e) = self.remove_share(owner, machine_id, share.share_id).await {
            tracing::error!(share_id = share.share_id, error = %e, "could not undo a share made for the wrong account");
        }
        Err(PlexError::Mismatch(format!(
            "share {} went to account {} instead of the one named",
            share.share_id, share.user_id
        )))
    }

    /// `POST …/shared_servers`; the shares in the answer (none for a bare 2xx).
    async fn post_share_v1(
        &self,
        owner: &Secret,
        mid: &str,
        target: InviteTarget<'_>,
        section_ids: &[u64],
        allow_downloads: bool,
    ) -> Result<Vec<Share>, PlexError> {
        let mut shared = json!({ "library_section_ids": section_ids });
        match target {
            InviteTarget::Email(e) => shared["invited_email"] = json!(e),
            InviteTarget::Id(id) => shared["invited_id"] = json!(id),
        }
        let body = json!({
            "server_id": mid,
            "shared_server": shared,
            "sharing_settings": v1_settings(allow_downloads),
        });
        let call = Call::new(
            Method::POST,
            Host::Api,
            &["api", "servers", mid, "shared_servers"],
        )
        .xml()
        .token(owner)
        .json_body(body);
        let reply = self.send(call).await?;
        if reply.text.trim().is_empty() {
            Ok(Vec::new())
        } else {
            parse_v1_shares(&reply.text)
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
        if let Err(e) = self.remove_share(owner, mid, share.share_id).await {
            tracing::error!(share_id = share.share_id, error = %e, "could not undo a share made for the wrong account");
        }
        Err(PlexError::Mismatch(format!(
            "share {} went to account {} instead of {}",
            share.share_id,
            share.user_id,
            invitee.id()
        )))
    }

    async fn update_share_v1(
        &self,
        owner: &Secret,
        mid: &str,
        share_id: u64,
        section_ids: &[u64],
        allow_downloads: bool,
    ) -> Result<(), PlexError> {
        let mut body = json!({
            "server_id": mid,
            "shared_server": { "library_section_ids": section_ids },
        });
        if assumptions::V1_UPDATE_SENDS_SETTINGS {
            body["sharing_settings"] = v1_settings(allow_downloads);
        }
        let id = share_id.to_string();
        let call = Call::new(
            Method::PUT,
            Host::Api,
            &["api", "servers", mid, "shared_servers", &id],
        )
        .xml()
        .token(owner)
        .json_body(body);
        self.send(call).await.map(drop)
    }

    async fn list_shares_v1(&self, owner: &Secret, mid: &str) -> Result<Vec<Share>, PlexError> {
        let call = Call::new(
            Method::GET,
            Host::Api,
            &["api", "servers", mid, "shared_servers"],
        )
        .xml()
        .token(owner);
        parse_v1_shares(&self.send(call).await?.text)
    }
}

/// v1 `sharing_settings`: strings "0"/"1"; no filters (plexgate never restricts content).
fn v1_settings(allow_downloads: bool) -> Value {
    let flag = |b: bool| if b { "1" } else { "0" };
    json!({
        "allowSync": flag(allow_downloads),
        "allowCameraUpload": "0",
        "allowChannels": "0",
        "filterMovies": "",
        "filterTelevision": "",
        "filterMusic": "",
    })
}

/// `<MediaContainer><SharedServer id userID username email acceptedAt allowSync…><Section id shared/>`.
pub(crate) fn parse_v1_shares(text: &str) -> Result<Vec<Share>, PlexError> {
    xml::with_root(text, |root| {
        xml::all(root, "SharedServer")
            .map(|s| {
                let accepted = match xml::attr_bool(s, "pending") {
                    Some(pending) => !pending,
                    None => xml::attr(s, "acceptedAt").is_some_and(|a| a != "0"),
                };
                Ok(Share {
                    share_id: xml::need_u64(s, "id")?,
                    user_id: xml::need_u64(s, "userID")?,
                    username: xml::attr(s, "username").unwrap_or_default(),
                    email: xml::attr(s, "email"),
                    section_ids: xml::children(s, "Section")
                        .filter(|sec| xml::attr_bool(*sec, "shared").unwrap_or(true))
                        .filter_map(|sec| xml::attr_u64(sec, "id"))
                        .collect(),
                    accepted,
                    allow_sync: xml::attr_bool(s, "allowSync").unwrap_or(false),
                })
            })
            .collect()
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
        let shares = parse_v1_shares(x).unwrap();
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
                .is_empty()
        );
    }

    #[test]
    fn v1_settings_are_strings() {
        assert_eq!(v1_settings(true)["allowSync"], "1");
        assert_eq!(v1_settings(false)["allowSync"], "0");
    }
}
