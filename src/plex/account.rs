//! The account behind a token (§2), its servers (§3), sign-out and keep-alive ping.

use reqwest::Method;
use serde_json::Value;

use super::http::{Call, Host, Reply};
use super::{PlexClient, PlexError, PlexServer, PlexUser, json, xml};
use crate::secret::Secret;

impl PlexClient {
    /// `GET /api/v2/user`: 200 = valid token; 401 = `Unauthorized`; anything else is an error, not
    /// proof the token is bad.
    pub async fn user(&self, token: &Secret) -> Result<PlexUser, PlexError> {
        let call = Call::new(Method::GET, Host::Api, &["api", "v2", "user"]).token(token);
        parse_user(&self.send(call).await?)
    }

    /// `GET /api/v2/resources`: every resource of the account, flagged; shareable ones are
    /// [`PlexServer::is_shareable`] (`owned && provides ∋ server`).
    pub async fn servers(&self, owner: &Secret) -> Result<Vec<PlexServer>, PlexError> {
        let call = Call::new(Method::GET, Host::Api, &["api", "v2", "resources"])
            .query("includeHttps", "1")
            .query("includeRelay", "1")
            .token(owner);
        parse_resources(&self.send(call).await?)
    }

    /// `DELETE /api/v2/users/signout`: invalidates the token at plex.tv.
    pub async fn sign_out(&self, token: &Secret) -> Result<(), PlexError> {
        let path = ["api", "v2", "users", "signout"];
        let call = Call::new(Method::DELETE, Host::Api, &path).token(token);
        self.send(call).await.map(drop)
    }

    /// `GET /api/v2/ping`: keeps a stored token alive and proves it still works.
    pub async fn ping(&self, token: &Secret) -> Result<(), PlexError> {
        let call = Call::new(Method::GET, Host::Api, &["api", "v2", "ping"]).token(token);
        self.send(call).await.map(drop)
    }
}

fn parse_user(reply: &Reply) -> Result<PlexUser, PlexError> {
    let user = if reply.is_json() {
        let v = json::parse(&reply.text)?;
        // The older `/users/account.json` form wraps the object in {"user": …}.
        let v = v.get("user").filter(|u| u.is_object()).unwrap_or(&v);
        PlexUser {
            id: json::need_u64(v, "id", "user")?,
            uuid: json::str_of(v, "uuid").unwrap_or_default(),
            username: json::str_of(v, "username").unwrap_or_default(),
            title: json::str_of(v, "title").unwrap_or_default(),
            email: json::str_of(v, "email"),
            restricted: json::bool_of(v, "restricted").unwrap_or(false),
            thumb: json::str_of(v, "thumb"),
            email_confirmed: json::bool_of(v, "confirmed").unwrap_or(false),
        }
    } else {
        xml::with_root(&reply.text, |root| {
            let u = xml::all(root, "user").next().unwrap_or(root);
            Ok(PlexUser {
                id: xml::need_u64(u, "id")?,
                uuid: xml::attr(u, "uuid").unwrap_or_default(),
                username: xml::attr(u, "username").unwrap_or_default(),
                title: xml::attr(u, "title").unwrap_or_default(),
                email: xml::attr(u, "email"),
                restricted: xml::attr_bool(u, "restricted").unwrap_or(false),
                thumb: xml::attr(u, "thumb"),
                email_confirmed: xml::attr_bool(u, "confirmed").unwrap_or(false),
            })
        })?
    };
    if user.username.is_empty() && user.title.is_empty() {
        return Err(PlexError::Protocol("user without username".into()));
    }
    Ok(user)
}

fn parse_resources(reply: &Reply) -> Result<Vec<PlexServer>, PlexError> {
    let is_server = |provides: Option<String>| {
        provides.is_some_and(|p| p.split(',').any(|x| x.trim() == "server"))
    };
    if reply.is_json() {
        let v = json::parse(&reply.text)?;
        let items = v
            .as_array()
            .ok_or_else(|| PlexError::Protocol("resources: not an array".into()))?;
        return Ok(items
            .iter()
            .filter_map(|r: &Value| {
                Some(PlexServer {
                    name: json::str_of(r, "name").unwrap_or_default(),
                    machine_id: json::str_of(r, "clientIdentifier")?,
                    owned: json::bool_of(r, "owned").unwrap_or(false),
                    is_server: is_server(json::str_of(r, "provides")),
                })
            })
            .collect());
    }
    // v2 XML uses <resource>, the v1 form <Device>; both carry the same attributes.
    xml::with_root(&reply.text, |root| {
        Ok(root
            .descendants()
            .filter(|n| n.has_tag_name("resource") || n.has_tag_name("Device"))
            .filter_map(|r| {
                Some(PlexServer {
                    name: xml::attr(r, "name").unwrap_or_default(),
                    machine_id: xml::attr(r, "clientIdentifier")?,
                    owned: xml::attr_bool(r, "owned").unwrap_or(false),
                    is_server: is_server(xml::attr(r, "provides")),
                })
            })
            .collect())
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn parses_user_json_xml_and_old_form() {
        let j = r#"{"id":1001,"uuid":"0123456789abcdef","username":"alice","title":"Alice","friendlyName":"",
            "email":"alice@example.com","authToken":"t","thumb":"https://plex.tv/users/0123456789abcdef/avatar?c=1",
            "home":false,"restricted":false,"joinedAt":1600000000,"subscription":{"active":false},"roles":[]}"#;
        let u = parse_user(&Reply::for_test(j)).unwrap();
        assert_eq!(
            (u.id, u.username.as_str(), u.email.as_deref()),
            (1001, "alice", Some("alice@example.com"))
        );
        let kid = r#"<user id="1006" uuid="ffff" username="kid" title="Kid" email="" restricted="1"><subscription/><profile/></user>"#;
        let u = parse_user(&Reply::for_test(kid)).unwrap();
        assert!(u.restricted);
        assert_eq!(u.email, None);
        let old = r#"{"user":{"id":5,"uuid":"u","username":"bob","title":"Bob","email":"b@x"}}"#;
        assert_eq!(parse_user(&Reply::for_test(old)).unwrap().id, 5);
    }

    #[test]
    fn parses_resources_json_and_xml() {
        let j = r#"[{"name":"Den","product":"Plex Media Server","clientIdentifier":"abc123","provides":"server",
            "owned":true,"ownerId":null,"connections":[{"uri":"https://1-2-3-4.x.plex.direct:32400"}]},
            {"name":"Phone","clientIdentifier":"p1","provides":"client,player","owned":true},
            {"name":"Friend's","clientIdentifier":"f1","provides":"server","owned":false}]"#;
        let s = parse_resources(&Reply::for_test(j)).unwrap();
        assert_eq!(s.len(), 3);
        assert!(s[0].is_shareable() && !s[1].is_shareable() && !s[2].is_shareable());
        let x = r#"<MediaContainer size="1"><resource name="Den" clientIdentifier="abc123" provides="server,client" owned="1"><connections><connection uri="x"/></connections></resource></MediaContainer>"#;
        let s = parse_resources(&Reply::for_test(x)).unwrap();
        assert_eq!(
            s,
            vec![PlexServer {
                name: "Den".into(),
                machine_id: "abc123".into(),
                owned: true,
                is_server: true
            }]
        );
    }
}
