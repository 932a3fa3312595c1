//! The client's IP address (SPEC §4): the socket peer, unless the peer is a trusted proxy; then
//! `X-Forwarded-For` is read right to left, skipping trusted hops.

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap};
use ipnet::IpNet;

/// The resolved client IP, available to every handler and layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientIp(pub IpAddr);

/// Whether `ip` lies in one of the trusted CIDRs (IPv4-mapped IPv6 counts as IPv4).
pub fn is_trusted(ip: IpAddr, trusted: &[IpNet]) -> bool {
    let ip = canonical(ip);
    trusted.iter().any(|net| net.contains(&ip))
}

fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// Resolves the client IP from the peer and the headers.
///
/// Only a trusted peer's `X-Forwarded-For` is read. Walking right to left, trusted hops are skipped
/// and the first untrusted address is the client; a malformed entry stops the walk there (it
/// was written by someone we do not trust), falling back to the last trusted hop seen.
pub fn resolve(peer: IpAddr, headers: &HeaderMap, trusted: &[IpNet]) -> IpAddr {
    let peer = canonical(peer);
    if !is_trusted(peer, trusted) {
        return peer;
    }
    let mut client = peer;
    // Several X-Forwarded-For headers are one list, in order.
    let hops = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>();
    for hop in hops.iter().rev() {
        let Some(ip) = parse_hop(hop) else {
            break;
        };
        client = canonical(ip);
        if !is_trusted(client, trusted) {
            break;
        }
    }
    client
}

fn parse_hop(hop: &str) -> Option<IpAddr> {
    // Some proxies write "ip:port" or "[v6]:port".
    let with_port = || hop.parse::<SocketAddr>().ok().map(|s| s.ip());
    hop.parse::<IpAddr>().ok().or_else(with_port)
}

/// Where layers find the trusted proxy list without knowing the whole app state.
pub trait TrustedProxies {
    /// The configured trusted CIDRs.
    fn trusted_proxies(&self) -> &[IpNet];
}

impl<S> FromRequestParts<S> for ClientIp
where
    S: TrustedProxies + Send + Sync,
{
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Ok(client_ip(parts, state.trusted_proxies()))
    }
}

/// The client IP of a request.
pub fn client_ip(parts: &Parts, trusted: &[IpNet]) -> ClientIp {
    ClientIp(resolve(peer(&parts.extensions), &parts.headers, trusted))
}

/// The socket peer (never a header); without connection info (never in the real server) it
/// is `0.0.0.0`.
pub fn peer(extensions: &Extensions) -> IpAddr {
    let info = extensions.get::<ConnectInfo<SocketAddr>>();
    info.map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use axum::http::HeaderValue;

    fn nets(s: &[&str]) -> Vec<IpNet> {
        s.iter().map(|n| n.parse().unwrap()).collect()
    }

    fn xff(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert("x-forwarded-for", HeaderValue::from_str(v).unwrap());
        h
    }

    #[test]
    fn untrusted_peer_header_is_ignored() {
        let t = nets(&["127.0.0.0/8"]);
        let ip = resolve("203.0.113.9".parse().unwrap(), &xff("1.2.3.4"), &t);
        assert_eq!(ip, "203.0.113.9".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn trusted_peer_reads_right_to_left_skipping_trusted_hops() {
        let t = nets(&["127.0.0.0/8", "10.0.0.0/8"]);
        let ip = resolve(
            "127.0.0.1".parse().unwrap(),
            &xff("6.6.6.6, 198.51.100.7, 10.1.2.3"),
            &t,
        );
        // 6.6.6.6 was sent by the client itself and is not believed.
        assert_eq!(ip, "198.51.100.7".parse::<IpAddr>().unwrap());
    }

    #[test]
    fn garbage_stops_the_walk_and_mapped_v6_counts_as_v4() {
        let t = nets(&["127.0.0.0/8"]);
        let peer: IpAddr = "::ffff:127.0.0.1".parse().unwrap();
        assert_eq!(
            resolve(peer, &xff("nonsense"), &t),
            "127.0.0.1".parse::<IpAddr>().unwrap()
        );
        assert_eq!(
            resolve(peer, &xff("[2001:db8::1]:443"), &t),
            "2001:db8::1".parse::<IpAddr>().unwrap()
        );
    }
}
