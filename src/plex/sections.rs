//! Library sections by their plex.tv **global** ids (§4): v1 `/api/servers/{mid}` and v2
//! `/api/v2/servers/{mid}` are joined by id; a short or empty list is a warning, never an error that
//! would clear a saved set. Clean answers are cached per machine id.

use reqwest::Method;
use tokio::time::Instant;

use super::http::{Call, Host, Reply};
use super::{PlexClient, PlexError, Section, Sections, json, lock, xml};
use crate::secret::Secret;

impl PlexClient {
    /// The server's sections (union of v1 and v2 by global id), cached for `section_cache_ttl`.
    pub async fn sections(&self, owner: &Secret, machine_id: &str) -> Result<Sections, PlexError> {
        let ttl = self.settings().section_cache_ttl;
        if let Some((at, cached)) = lock(&self.inner.sections).get(machine_id)
            && at.elapsed() < ttl
        {
            return Ok(cached.clone());
        }
        let (v1, v2) = tokio::join!(
            self.sections_v1(owner, machine_id),
            self.sections_v2(owner, machine_id)
        );
        let merged = merge(v1, v2)?;
        // Only a clean answer is kept: after a partial one, the next call asks plex.tv again.
        if merged.warnings.is_empty() {
            lock(&self.inner.sections)
                .insert(machine_id.to_owned(), (Instant::now(), merged.clone()));
        }
        Ok(merged)
    }

    /// The sections last read cleanly for a server, however old, without asking plex.tv: for
    /// callers that must never wait on it (a forward-auth check). `None` before the first read.
    pub fn cached_sections(&self, machine_id: &str) -> Option<Sections> {
        lock(&self.inner.sections)
            .get(machine_id)
            .map(|(_, s)| s.clone())
    }

    /// Drops the cached sections of a server (after the owner asks for a refresh).
    pub fn forget_sections(&self, machine_id: &str) {
        lock(&self.inner.sections).remove(machine_id);
    }

    async fn sections_v1(&self, owner: &Secret, mid: &str) -> Result<Vec<Section>, PlexError> {
        let call = Call::new(Method::GET, Host::Api, &["api", "servers", mid])
            .xml()
            .token(owner);
        parse_v1(&self.send(call).await?, mid)
    }

    async fn sections_v2(&self, owner: &Secret, mid: &str) -> Result<Vec<Section>, PlexError> {
        let call = Call::new(Method::GET, Host::Api, &["api", "v2", "servers", mid]).token(owner);
        parse_v2(&self.send(call).await?)
    }
}

/// Joins the two answers (§4 rule); fails only when neither list could be read, or on a bad token.
fn merge(
    v1: Result<Vec<Section>, PlexError>,
    v2: Result<Vec<Section>, PlexError>,
) -> Result<Sections, PlexError> {
    let mut warnings = Vec::new();
    let (v1, v2) = match (v1, v2) {
        (Err(PlexError::Unauthorized), _) | (Err(_), Err(PlexError::Unauthorized)) => {
            return Err(PlexError::Unauthorized);
        }
        (Err(e), Err(_)) => return Err(e),
        (Err(e), Ok(v2)) => {
            warnings.push(format!("v1 section list failed: {e}"));
            (Vec::new(), v2)
        }
        (Ok(v1), Err(e)) => {
            warnings.push(format!("v2 section list failed: {e}"));
            (v1, Vec::new())
        }
        (Ok(v1), Ok(v2)) => {
            if v1.is_empty() && !v2.is_empty() {
                warnings.push("v1 listed no sections".to_owned());
            } else if v2.len() < v1.len() {
                warnings.push("v2 listed fewer sections than v1".to_owned());
            } else if v1.len() < v2.len() {
                warnings.push("v1 listed fewer sections than v2".to_owned());
            }
            (v1, v2)
        }
    };
    let mut sections = v1;
    for s in v2 {
        match sections.iter_mut().find(|have| have.id == s.id) {
            Some(have) => fill_gaps(have, s),
            None => sections.push(s),
        }
    }
    if sections.is_empty() {
        warnings
            .push("plex.tv listed no library sections; the saved library set is kept".to_owned());
    }
    Ok(Sections { sections, warnings })
}

fn fill_gaps(have: &mut Section, other: Section) {
    if have.key.is_empty() {
        have.key = other.key;
    }
    if have.title.is_empty() {
        have.title = other.title;
    }
    if have.kind.is_empty() {
        have.kind = other.kind;
    }
}

/// `<MediaContainer><Server machineIdentifier…><Section id key type title/></Server></MediaContainer>`.
fn parse_v1(reply: &Reply, mid: &str) -> Result<Vec<Section>, PlexError> {
    xml::with_root(&reply.text, |root| {
        let server = xml::all(root, "Server")
            .find(|s| s.attribute("machineIdentifier") == Some(mid))
            .or_else(|| xml::all(root, "Server").next())
            .unwrap_or(root);
        Ok(xml::all(server, "Section")
            .filter_map(section_from_xml)
            .collect())
    })
}

fn section_from_xml(n: roxmltree::Node<'_, '_>) -> Option<Section> {
    Some(Section {
        id: xml::attr_u64(n, "id")?,
        key: xml::attr(n, "key").unwrap_or_default(),
        title: xml::attr(n, "title").unwrap_or_default(),
        kind: xml::attr(n, "type").unwrap_or_default(),
    })
}

/// `{"librarySections":[{id,title,key,type}]}` (or an XML answer with the same attributes).
fn parse_v2(reply: &Reply) -> Result<Vec<Section>, PlexError> {
    if !reply.is_json() {
        return xml::with_root(&reply.text, |root| {
            Ok(root
                .descendants()
                .filter(|n| n.has_tag_name("librarySection") || n.has_tag_name("Section"))
                .filter_map(section_from_xml)
                .collect())
        });
    }
    let v = json::parse(&reply.text)?;
    Ok(json::list_of(&v, "librarySections")
        .iter()
        .filter_map(|s| {
            Some(Section {
                id: json::u64_of(s, "id")?,
                key: json::str_of(s, "key").unwrap_or_default(),
                title: json::str_of(s, "title").unwrap_or_default(),
                kind: json::str_of(s, "type").unwrap_or_default(),
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    const V1: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<MediaContainer friendlyName="myPlex" identifier="com.plexapp.plugins.myplex" size="1">
  <Server name="Den" address="1.2.3.4" port="32400" machineIdentifier="abc123" owned="1">
    <Section id="118181361" key="1" type="movie" title="Movies"/>
    <Section id="118181362" key="2" type="show" title="TV Shows"/>
  </Server>
</MediaContainer>"#;

    fn ids(s: &Sections) -> Vec<u64> {
        s.sections.iter().map(|s| s.id).collect()
    }

    #[test]
    fn parses_both_forms() {
        let v1 = parse_v1(&Reply::for_test(V1), "abc123").unwrap();
        assert_eq!(
            v1[0],
            Section {
                id: 118181361,
                key: "1".into(),
                title: "Movies".into(),
                kind: "movie".into()
            }
        );
        let v2 = r#"{"librarySections":[{"id":118181362,"title":"TV Shows","key":"2","type":"show"},
            {"id":118181363,"title":"Music","key":"3","type":"artist"}]}"#;
        assert_eq!(parse_v2(&Reply::for_test(v2)).unwrap().len(), 2);
        assert!(
            parse_v2(&Reply::for_test(r#"{"librarySections":[]}"#))
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn union_by_id_with_warnings() {
        let v1 = parse_v1(&Reply::for_test(V1), "abc123").unwrap();
        let short = vec![v1[0].clone()];
        let s = merge(Ok(v1.clone()), Ok(short)).unwrap();
        assert_eq!(ids(&s), vec![118181361, 118181362]);
        assert_eq!(
            s.warnings,
            vec!["v2 listed fewer sections than v1".to_owned()]
        );
        let s = merge(Ok(v1.clone()), Ok(v1.clone())).unwrap();
        assert!(s.warnings.is_empty());
        let s = merge(Err(PlexError::Gone), Ok(v1)).unwrap();
        assert_eq!(s.sections.len(), 2);
        assert_eq!(s.warnings.len(), 1);
        let empty = merge(Ok(vec![]), Ok(vec![])).unwrap();
        assert!(empty.sections.is_empty() && !empty.warnings.is_empty());
        assert_eq!(
            merge(Err(PlexError::Unauthorized), Ok(vec![])),
            Err(PlexError::Unauthorized)
        );
        assert_eq!(
            merge(Err(PlexError::Timeout), Err(PlexError::Gone)),
            Err(PlexError::Timeout)
        );
    }
}
