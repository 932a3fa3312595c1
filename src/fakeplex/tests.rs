//! Drives the fake over HTTP with a plain reqwest client: headers and errors, formats, PINs and
//! the sign-in page, sections, dead endpoints, faults and the request log.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;

pub(super) struct T {
    pub fake: FakePlex,
    pub http: reqwest::Client,
}

pub(super) const CID: &str = "test-client-id";

/// The full non-secret X-Plex-* set in a query string.
pub(super) const FULL_QUERY: &str = "X-Plex-Product=t&X-Plex-Version=1&X-Plex-Client-Identifier=test-client-id\
&X-Plex-Platform=linux&X-Plex-Platform-Version=1&X-Plex-Device=t&X-Plex-Device-Name=t&X-Plex-Model=t\
&X-Plex-Features=external-media&X-Plex-Language=en";

pub(super) async fn setup() -> T {
    let _ = rustls::crypto::ring::default_provider().install_default();
    let fake = FakePlex::start().await.unwrap();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    T { fake, http }
}

/// (status, content type, body)
pub(super) type Got = (u16, String, String);

impl T {
    /// A request; clients.plex.tv share and invite routes get the full X-Plex-* query, as the
    /// strict rule wants (a test of the rule itself uses [`Self::bare`]).
    pub(super) fn req(&self, method: &str, path: &str) -> reqwest::RequestBuilder {
        let path = if path.starts_with("/api/v2/shared_servers") {
            let sep = if path.contains('?') { '&' } else { '?' };
            format!("{path}{sep}{FULL_QUERY}")
        } else {
            path.to_owned()
        };
        self.bare(method, &path)
    }

    /// A request with nothing added.
    pub(super) fn bare(&self, method: &str, path: &str) -> reqwest::RequestBuilder {
        let m = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        self.http
            .request(m, format!("{}{path}", self.fake.base_url()))
    }

    pub(super) async fn send(rb: reqwest::RequestBuilder) -> Got {
        let resp = rb.send().await.unwrap();
        let status = resp.status().as_u16();
        let ct = resp
            .headers()
            .get("content-type")
            .map(|v| v.to_str().unwrap().to_owned())
            .unwrap_or_default();
        (status, ct, resp.text().await.unwrap())
    }

    /// A v2 call with the client id header, an optional token header, and JSON or XML.
    pub(super) async fn v2(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        json: bool,
    ) -> Got {
        let mut rb = self
            .req(method, path)
            .header("X-Plex-Client-Identifier", CID);
        if let Some(t) = token {
            rb = rb.header("X-Plex-Token", t);
        }
        if json {
            rb = rb.header("Accept", "application/json");
        }
        Self::send(rb).await
    }

    /// A v2 JSON call with a token.
    pub(super) async fn json2(&self, method: &str, path: &str, token: &str) -> Got {
        self.v2(method, path, Some(token), true).await
    }

    pub(super) async fn v2_body(
        &self,
        method: &str,
        path: &str,
        token: &str,
        body: serde_json::Value,
    ) -> Got {
        let rb = self
            .req(method, path)
            .header("X-Plex-Client-Identifier", CID)
            .header("X-Plex-Token", token)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .body(body.to_string());
        Self::send(rb).await
    }

    /// A v1 call with a token header (and a JSON body when given).
    pub(super) async fn v1(
        &self,
        method: &str,
        path: &str,
        token: &str,
        body: Option<serde_json::Value>,
    ) -> Got {
        let mut rb = self.req(method, path).header("X-Plex-Token", token);
        if let Some(b) = body {
            rb = rb
                .header("Content-Type", "application/json")
                .body(b.to_string());
        }
        Self::send(rb).await
    }
}

pub(super) fn json(body: &str) -> serde_json::Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

/// The owner's v1 shared_servers path.
pub(super) fn shared_path() -> String {
    format!("/api/servers/{SERVER_ID}/shared_servers")
}

pub(super) fn error_code(body: &str) -> u64 {
    json(body)["errors"][0]["code"].as_u64().unwrap()
}

#[tokio::test]
async fn v2_without_client_id_is_400_1000() {
    let t = setup().await;
    let (s, ct, body) = T::send(
        t.req("GET", "/api/v2/user")
            .header("X-Plex-Token", OWNER.token)
            .header("Accept", "application/json"),
    )
    .await;
    assert_eq!((s, error_code(&body)), (400, 1000), "{ct} {body}");
    assert_eq!(
        json(&body)["errors"][0]["message"],
        "X-Plex-Client-Identifier is missing"
    );
    // The client id (and the token) may also come in the query string.
    let q = format!(
        "/api/v2/user?X-Plex-Client-Identifier={CID}&X-Plex-Token={}",
        OWNER.token
    );
    let (s, _, _) = T::send(t.req("GET", &q)).await;
    assert_eq!(s, 200);
}

#[tokio::test]
async fn bad_tokens_are_401_and_v1_can_say_422() {
    let t = setup().await;
    let (s, _, body) = t.v2("GET", "/api/v2/user", Some("nope"), true).await;
    assert_eq!((s, error_code(&body)), (401, 1001));
    let (s, _, body) = t.v2("GET", "/api/v2/user", None, false).await;
    assert!(s == 401 && body.contains("<error code=\"1001\""), "{body}");
    let (s, _, body) = t.v1("GET", "/api/users", "nope", None).await;
    assert_eq!(s, 401);
    assert!(
        body.contains("<errors><error>Invalid authentication token.</error></errors>"),
        "{body}"
    );
    t.fake.set_invalid_token_status(422);
    let (s, _, body) = t.v1("GET", "/api/users", "nope", None).await;
    assert!(s == 422 && body.contains("Invalid token"), "{body}");
    t.fake.revoke_token(&OWNER);
    let (s, _, _) = t.json2("GET", "/api/v2/user", OWNER.token).await;
    assert_eq!(s, 401);
}

#[tokio::test]
async fn user_and_ping_answer_json_or_xml_by_accept() {
    let t = setup().await;
    let (s, ct, body) = t.json2("GET", "/api/v2/user", ALICE.token).await;
    assert!(s == 200 && ct.starts_with("application/json"));
    let u = json(&body);
    assert_eq!(
        (u["id"].as_u64(), u["username"].as_str()),
        (Some(ALICE.id), Some("alice"))
    );
    assert_eq!(u["email"], "alice@example.com");
    assert_eq!(u["restricted"], false);
    let (_, _, body) = t.json2("GET", "/api/v2/user", KID.token).await;
    let k = json(&body);
    assert!(k["email"].is_null() && k["restricted"] == true && k["home"] == true);

    let (s, ct, body) = t.v2("GET", "/api/v2/user", Some(OWNER.token), false).await;
    assert!(s == 200 && ct.contains("xml"), "{ct}");
    let doc = roxmltree::Document::parse(&body).unwrap();
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "user");
    assert_eq!(root.attribute("id"), Some(OWNER.id.to_string().as_str()));
    assert!(root.attribute("scrobbleTypes").is_some());
    assert_eq!(root.attribute("homeAdmin"), Some("1"));
    let names: Vec<&str> = root
        .children()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    assert!(
        names.contains(&"subscription") && names.contains(&"profile"),
        "{names:?}"
    );

    let (_, _, body) = t.json2("GET", "/api/v2/ping", OWNER.token).await;
    assert_eq!(json(&body), serde_json::json!({"pong": true}));
    let (_, _, body) = t.v2("GET", "/api/v2/ping", Some(OWNER.token), false).await;
    let doc = roxmltree::Document::parse(&body).unwrap();
    assert_eq!(doc.root_element().text(), Some("true"));
}

#[tokio::test]
async fn resources_list_the_owned_server_and_a_foreign_one() {
    let t = setup().await;
    let (s, _, body) = t
        .json2("GET", "/api/v2/resources?includeHttps=1", OWNER.token)
        .await;
    assert_eq!(s, 200);
    let list = json(&body);
    let list = list.as_array().unwrap();
    let server = list
        .iter()
        .find(|r| r["owned"] == true && r["provides"].as_str().unwrap().contains("server"))
        .unwrap();
    assert_eq!(
        (server["clientIdentifier"].as_str(), server["name"].as_str()),
        (Some(SERVER_ID), Some(SERVER_NAME))
    );
    assert!(!server["connections"].as_array().unwrap().is_empty());
    assert!(
        list.iter()
            .any(|r| r["owned"] == false && r["clientIdentifier"] == OTHER_SERVER_ID)
    );
    let (_, _, xml) = t
        .v2("GET", "/api/v2/resources", Some(OWNER.token), false)
        .await;
    let doc = roxmltree::Document::parse(&xml).unwrap();
    assert!(doc.descendants().any(|n| n.has_tag_name("connection")));
}

#[tokio::test]
async fn sections_have_global_ids_and_only_the_owner_reads_them() {
    let t = setup().await;
    let v1_path = format!("/api/servers/{SERVER_ID}");
    let v2_path = format!("/api/v2/servers/{SERVER_ID}");
    let (s, _, xml) = t.v1("GET", &v1_path, OWNER.token, None).await;
    assert_eq!(s, 200);
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let secs: Vec<(String, String)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("Section"))
        .map(|n| {
            (
                n.attribute("id").unwrap().to_owned(),
                n.attribute("key").unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(secs.len(), 4);
    assert!(
        secs.contains(&(MOVIES.to_string(), "1".to_owned())) && secs.iter().all(|(i, k)| i != k)
    );
    let (_, _, body) = t.json2("GET", &v2_path, OWNER.token).await;
    assert_eq!(json(&body)["librarySections"][1]["id"], TV);

    // Not the caller's server.
    assert_eq!(t.v1("GET", &v1_path, ALICE.token, None).await.0, 404);
    let (s, _, body) = t
        .json2(
            "GET",
            &format!("/api/v2/servers/{OTHER_SERVER_ID}"),
            OWNER.token,
        )
        .await;
    assert_eq!((s, error_code(&body)), (404, 1002));

    t.fake.empty_sections(true, true);
    let (_, _, xml) = t.v1("GET", &v1_path, OWNER.token, None).await;
    assert!(!xml.contains("<Section"));
    let (_, _, body) = t.json2("GET", &v2_path, OWNER.token).await;
    assert_eq!(json(&body)["librarySections"], serde_json::json!([]));
}

#[tokio::test]
async fn dead_endpoints_are_410_and_unknown_routes_html_404() {
    let t = setup().await;
    for (m, p) in [
        ("GET", "/api/invites/requests"),
        ("GET", "/api/invites/requested"),
        ("DELETE", "/api/invites/requested/5"),
        ("DELETE", "/api/friends/5"),
        ("PUT", "/api/invites/requests/5"),
    ] {
        let (s, _, body) = t.v1(m, p, OWNER.token, None).await;
        assert_eq!(s, 410, "{m} {p}");
        assert!(body.contains(
            "<Response code=\"410\" status=\"This endpoint was deprecated and removed\"/>"
        ));
    }
    let (s, ct, _) = t.json2("GET", "/api/v2/nothing/here", OWNER.token).await;
    assert!(s == 404 && ct.starts_with("text/html"));
    let (s, ct, _) = t.v1("GET", "/nowhere", OWNER.token, None).await;
    assert!(s == 404 && ct.starts_with("text/html"));
}
