//! PIN sign-in (plex-api.md §1): create a strong PIN, build the app.plex.tv/auth URL, check the PIN.

use std::time::Duration;

use reqwest::Method;
use tokio::time::Instant;
use url::form_urlencoded;

use super::http::{Call, Host, Reply};
use super::{Pin, PinState, PlexClient, PlexError, assumptions, json, lock, xml};
use crate::secret::Secret;

impl PlexClient {
    /// `POST /api/v2/pins?strong=true` (no token): a long code app.plex.tv/auth accepts.
    pub async fn create_pin(&self) -> Result<Pin, PlexError> {
        let (k, v) = assumptions::STRONG_PIN_QUERY;
        let call = Call::new(Method::POST, Host::Api, &["api", "v2", "pins"]).query(k, v);
        let (pin, _) = parse_pin(&self.send(call).await?)?;
        Ok(pin)
    }

    /// `GET /api/v2/pins/{id}` with the same client id that created it. A 404 (error 1020) means
    /// expired or unknown; a 429 comes back as `RateLimited` (poll at most once a second).
    pub async fn check_pin(&self, pin_id: u64) -> Result<PinState, PlexError> {
        self.space_pin_check(pin_id).await;
        let id = pin_id.to_string();
        let call = Call::new(Method::GET, Host::Api, &["api", "v2", "pins", &id]);
        let answer = self.send(call).await;
        self.pin_checked(pin_id);
        match answer {
            Err(PlexError::NotFound) => Ok(PinState::Expired),
            Err(e) => Err(e),
            Ok(reply) => match parse_pin(&reply)? {
                (_, Some(token)) => Ok(PinState::Authorized(token)),
                (_, None) => Ok(PinState::Waiting),
            },
        }
    }

    /// Waits until `pin_check_spacing` has passed since this PIN's last check was answered (real
    /// time), and holds that place for this check. Spacing from the *answer*, not from the
    /// moment the last check was sent, is what plex.tv sees: a slow last request that arrived
    /// late would otherwise let this one land within the spacing and draw a 429. Entries older
    /// than an hour are forgotten.
    async fn space_pin_check(&self, pin_id: u64) {
        let spacing = self.settings().pin_check_spacing;
        let wait = {
            let mut checks = lock(&self.inner.pin_checks);
            let now = Instant::now();
            checks.retain(|_, at| now.duration_since(*at) < Duration::from_secs(3600));
            let next = checks
                .get(&pin_id)
                .map_or(now, |last| *last + spacing)
                .max(now);
            checks.insert(pin_id, next);
            next - now
        };
        if !wait.is_zero() {
            tokio::time::sleep(wait).await;
        }
    }

    /// Records when a check of this PIN was answered; the next one waits `pin_check_spacing`
    /// from here.
    fn pin_checked(&self, pin_id: u64) {
        let now = Instant::now();
        let mut checks = lock(&self.inner.pin_checks);
        let at = checks.entry(pin_id).or_insert(now);
        // A check of the same PIN started meanwhile may hold a later place; keep it.
        *at = (*at).max(now);
    }

    /// The Plex sign-in page for this PIN; Plex sends the browser to `forward_url` (http/https
    /// only) once the PIN is approved, without any token.
    pub fn sign_in_url(&self, pin_code: &str, forward_url: &str) -> String {
        let s = self.settings();
        let mut params = form_urlencoded::Serializer::new(String::new());
        params
            .append_pair("clientID", &s.client_id)
            .append_pair("code", pin_code);
        if !forward_url.is_empty() {
            params.append_pair("forwardUrl", forward_url);
        }
        params.append_pair("context[device][product]", &s.product);
        let mut base = s.auth_url.clone();
        base.set_fragment(None);
        format!(
            "{}{}{}",
            base.as_str(),
            assumptions::SIGN_IN_FRAGMENT,
            params.finish()
        )
    }
}

/// Reads a PIN (JSON, or `<pin …>` XML) and its token when approved.
fn parse_pin(reply: &Reply) -> Result<(Pin, Option<Secret>), PlexError> {
    let (id, code, expires_in, token) = if reply.is_json() {
        let v = json::parse(&reply.text)?;
        (
            json::need_u64(&v, "id", "PIN")?,
            json::str_of(&v, "code"),
            json::u64_of(&v, "expiresIn"),
            json::str_of(&v, "authToken"),
        )
    } else {
        xml::with_root(&reply.text, |root| {
            let pin = xml::all(root, "pin").next().unwrap_or(root);
            Ok((
                xml::need_u64(pin, "id")?,
                xml::attr(pin, "code"),
                xml::attr_u64(pin, "expiresIn"),
                xml::attr(pin, "authToken"),
            ))
        })?
    };
    let code = code.ok_or_else(|| PlexError::Protocol("PIN without code".into()))?;
    Ok((
        Pin {
            id,
            code,
            expires_in,
        },
        token.map(Secret::new),
    ))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;
    use crate::plex::PlexSettings;

    fn reply(text: &str) -> Reply {
        Reply::for_test(text)
    }

    #[test]
    fn parses_json_and_xml_pins() {
        let j = r#"{"id":1234,"code":"abcdefghij0123456789klmno","product":"plexgate","trusted":false,
            "qr":"https://plex.tv/api/v2/pins/qr/x","clientIdentifier":"cid","location":{"code":"US"},
            "expiresIn":1800,"createdAt":"2026-11-25T02:00:00Z","expiresAt":"2026-11-25T02:30:00Z",
            "authToken":null,"newRegistration":null}"#;
        let (pin, token) = parse_pin(&reply(j)).unwrap();
        assert_eq!(
            pin,
            Pin {
                id: 1234,
                code: "abcdefghij0123456789klmno".into(),
                expires_in: Some(1800)
            }
        );
        assert!(token.is_none());
        let x = r#"<?xml version="1.0" encoding="UTF-8"?><pin id="99" code="7RQZ" expiresIn="900" authToken="tok-1"/>"#;
        let (pin, token) = parse_pin(&reply(x)).unwrap();
        assert_eq!(pin.id, 99);
        assert_eq!(token.unwrap().expose(), "tok-1");
        assert!(parse_pin(&reply(r#"{"code":"x"}"#)).is_err());
    }

    #[test]
    fn sign_in_url_carries_the_parameters_after_the_hash() {
        let client = PlexClient::new(PlexSettings::new("cid-1").unwrap()).unwrap();
        let url = client.sign_in_url("abc", "https://gw.example/auth/plex/callback?x=1");
        assert_eq!(
            url,
            "https://app.plex.tv/auth#?clientID=cid-1&code=abc\
             &forwardUrl=https%3A%2F%2Fgw.example%2Fauth%2Fplex%2Fcallback%3Fx%3D1\
             &context%5Bdevice%5D%5Bproduct%5D=plexgate"
        );
    }
}
