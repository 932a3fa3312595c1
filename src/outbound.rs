//! The one way plexgate builds an outgoing HTTP client (plex.tv, notifications, `check`,
//! `healthcheck`): rustls with ring, trusting the Mozilla roots compiled into the binary plus the
//! system bundle when there is one. The container image has no CA bundle at all, so without the
//! built-in roots no HTTPS call could be made there.

/// The Mozilla root certificates shipped in the binary (from `webpki-root-certs`).
pub fn builtin_roots() -> Vec<reqwest::Certificate> {
    webpki_root_certs::TLS_SERVER_ROOT_CERTS
        .iter()
        .filter_map(|der| reqwest::Certificate::from_der(der.as_ref()).ok())
        .collect()
}

/// A client builder with the ring provider installed and the built-in roots merged with the
/// system's (reqwest's platform verifier adds the system bundle when one exists and no longer
/// fails when none does).
pub fn client_builder() -> reqwest::ClientBuilder {
    // reqwest is built with `rustls-no-provider`; a second install attempt is harmless.
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::builder().tls_certs_merge(builtin_roots())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_root_parses_and_the_client_builds() {
        // Mozilla's store holds well over 100 roots; a parse failure would silently drop some.
        assert_eq!(
            builtin_roots().len(),
            webpki_root_certs::TLS_SERVER_ROOT_CERTS.len()
        );
        assert!(builtin_roots().len() > 100);
        assert!(client_builder().build().is_ok());
    }
}
