//! The invitee's side (§6.2): list pending invites with their token and accept the one for this
//! server. The dead v1 `/api/invites/requests` listing (410 since 2025) is never called.

use reqwest::Method;
use serde_json::Value;

use super::http::Call;
use super::shares_v2::host;
use super::{AcceptOutcome, PendingInvite, PlexClient, PlexError, json};
use crate::secret::Secret;

impl PlexClient {
    /// `GET clients.plex.tv/api/v2/shared_servers/invites/received/pending` with the invitee's token
    /// (and plexgate's own client id, see [`super::assumptions::INVITES_USE_INSTALL_CLIENT_ID`]).
    pub async fn pending_invites(&self, invitee: &Secret) -> Result<Vec<PendingInvite>, PlexError> {
        let path = [
            "api",
            "v2",
            "shared_servers",
            "invites",
            "received",
            "pending",
        ];
        let reply = self
            .send(Call::new(Method::GET, host(), &path).token(invitee))
            .await?;
        parse_pending(&reply.value()?)
    }

    /// Lists the invitee's pending invites once, picks this server's (§6.2 rule) and accepts it.
    /// `NothingPending` also covers an invite not visible yet: the caller retries the listing as
    /// its `Timing` says. `Ambiguous` accepts nothing (the grant stays "pending acceptance").
    pub async fn accept_invite(
        &self,
        invitee: &Secret,
        owner_username: &str,
        machine_id: &str,
    ) -> Result<AcceptOutcome, PlexError> {
        let invites = self.pending_invites(invitee).await?;
        let share_id = match pick(&invites, owner_username, machine_id) {
            Pick::Accept(id) => id,
            Pick::Nothing => return Ok(AcceptOutcome::NothingPending),
            Pick::Ambiguous => return Ok(AcceptOutcome::Ambiguous),
        };
        let id = share_id.to_string();
        let path = ["api", "v2", "shared_servers", &id, "accept"];
        let call = Call::new(Method::POST, host(), &path).token(invitee);
        match self.send(call).await {
            Ok(_) => Ok(AcceptOutcome::Accepted),
            // Accepted from Plex's email in between: nothing left to accept.
            Err(PlexError::NotFound) => Ok(AcceptOutcome::NothingPending),
            Err(e) => Err(e),
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
enum Pick {
    Accept(u64),
    Nothing,
    Ambiguous,
}

/// §6.2 step 2: by machine id when plex.tv gives it; else the owner's single invite holding a single
/// share; else do not guess.
fn pick(invites: &[PendingInvite], owner_username: &str, mid: &str) -> Pick {
    let by_machine = invites
        .iter()
        .flat_map(|i| &i.shares)
        .find(|(_, m)| m.as_deref() == Some(mid));
    if let Some((id, _)) = by_machine {
        return Pick::Accept(*id);
    }
    let owners: Vec<&PendingInvite> = invites
        .iter()
        .filter(|i| i.owner_username.eq_ignore_ascii_case(owner_username))
        .collect();
    if let [only] = owners.as_slice()
        && let [(id, None)] = only.shares.as_slice()
    {
        return Pick::Accept(*id);
    }
    // Only shares that name no server could still be ours; ones naming another server are not.
    let unnamed = owners
        .iter()
        .flat_map(|i| &i.shares)
        .any(|(_, m)| m.is_none());
    if unnamed {
        Pick::Ambiguous
    } else {
        Pick::Nothing
    }
}

/// `[{owner{username,email,title,friendlyName}, sharedServers[{id, machineIdentifier?}]}]`.
fn parse_pending(v: &Value) -> Result<Vec<PendingInvite>, PlexError> {
    let items = v
        .as_array()
        .ok_or_else(|| PlexError::Protocol("pending invites: not an array".into()))?;
    Ok(items
        .iter()
        .map(|invite| PendingInvite {
            owner_username: invite
                .get("owner")
                .and_then(|o| json::str_of(o, "username"))
                .unwrap_or_default(),
            shares: json::list_of(invite, "sharedServers")
                .iter()
                .filter_map(|s| {
                    Some((json::u64_of(s, "id")?, json::str_of(s, "machineIdentifier")))
                })
                .collect(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn invite(owner: &str, shares: &[(u64, Option<&str>)]) -> PendingInvite {
        PendingInvite {
            owner_username: owner.into(),
            shares: shares
                .iter()
                .map(|(id, m)| (*id, m.map(str::to_owned)))
                .collect(),
        }
    }

    #[test]
    fn parses_the_pending_listing() {
        let v = json::parse(
            r#"[{"owner":{"username":"owner","email":"o@x","title":"Owner","friendlyName":"O"},
                 "sharedServers":[{"id":42,"machineIdentifier":"abc123","name":"Den"}]},
                {"owner":{"username":"someone"},"sharedServers":[{"id":43}]}]"#,
        )
        .unwrap();
        let p = parse_pending(&v).unwrap();
        assert_eq!(
            p,
            vec![
                invite("owner", &[(42, Some("abc123"))]),
                invite("someone", &[(43, None)])
            ]
        );
    }

    #[test]
    fn picks_by_machine_then_by_owner() {
        let mine = invite("owner", &[(42, Some("abc123"))]);
        let other = invite("x", &[(7, None)]);
        assert_eq!(
            pick(&[other.clone(), mine], "owner", "abc123"),
            Pick::Accept(42)
        );
        let unnamed = invite("Owner", &[(43, None)]);
        assert_eq!(
            pick(&[other.clone(), unnamed.clone()], "owner", "abc123"),
            Pick::Accept(43)
        );
        let two = invite("owner", &[(43, None), (44, None)]);
        assert_eq!(pick(&[two], "owner", "abc123"), Pick::Ambiguous);
        assert_eq!(
            pick(&[unnamed.clone(), unnamed], "owner", "abc123"),
            Pick::Ambiguous
        );
        let elsewhere = invite("owner", &[(45, Some("zzz"))]);
        assert_eq!(pick(&[elsewhere, other], "owner", "abc123"), Pick::Nothing);
        assert_eq!(pick(&[], "owner", "abc123"), Pick::Nothing);
    }
}
