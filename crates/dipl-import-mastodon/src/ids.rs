//! Ids that make the archive and the API agree.
//!
//! - A **post** is its ActivityPub object id (the archive's `object.id`, the API's `uri`):
//!   `https://host/users/name/statuses/110000000000000001`. It is the same on every instance,
//!   unlike the API's instance-local `id`. A boost is its `Announce` activity id, which is the
//!   API's `uri` of the reblog wrapper (`…/statuses/<id>/activity`).
//! - An **account** is its ActivityPub actor id, `https://host/users/name` (the archive's
//!   `actor`, the API's `account.uri` from Mastodon 4.2). Older API responses have only the
//!   profile `url`, `https://host/@name`, which Mastodon derives from the same username: it is
//!   mapped to `https://host/users/name`. That holds for accounts on Mastodon (and GoToSocial)
//!   servers; for other software (Misskey, Pleroma …) the derived id may differ from the actor
//!   id, and the two sources then name the account differently.
//! - A **handle** is `name@host`, the `acct` form without `@`.
//! - A post URI of the usual form `https://host/users/name/statuses/<id>` names its author:
//!   `https://host/users/name`, `name@host`. Other forms (`/objects/<uuid>`, `/notes/<id>`)
//!   name no one, and the author stays unknown. The derived handle uses the server's host,
//!   which can differ from the account's WebFinger domain.

/// Splits `scheme://host/path` into host and path segments (query and fragment dropped), at
/// most `N` segments: `None` when there are more.
fn split_url<const N: usize>(url: &str) -> Option<(&str, [&str; N], usize)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let (host, path) = match rest.split_once('/') {
        Some((host, path)) => (host, path),
        None => (rest, ""),
    };
    if host.is_empty() || host.contains(['@', ' ']) {
        return None;
    }
    let mut segments = [""; N];
    let mut n = 0;
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        if n == N {
            return None;
        }
        segments[n] = segment;
        n += 1;
    }
    Some((host, segments, n))
}

/// The host of a URL.
pub fn host(url: &str) -> Option<&str> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    (!host.is_empty() && !host.contains(['@', ' '])).then_some(host)
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '-')
}

/// The author's actor id and handle of a post URI `https://host/users/name/statuses/<id>`.
pub fn status_author(uri: &str) -> Option<(String, String)> {
    let (host, segments, n) = split_url::<4>(uri)?;
    match &segments[..n] {
        ["users", name, "statuses", id] if is_name(name) && !id.is_empty() => {
            let scheme = if uri.starts_with("https://") {
                "https"
            } else {
                "http"
            };
            Some((
                format!("{scheme}://{host}/users/{name}"),
                format!("{name}@{host}"),
            ))
        }
        _ => None,
    }
}

/// The handle `name@host` of an actor id `https://host/users/name`.
pub fn actor_handle(actor: &str) -> Option<String> {
    let (host, segments, n) = split_url::<2>(actor)?;
    match &segments[..n] {
        ["users", name] if is_name(name) => Some(format!("{name}@{host}")),
        _ => None,
    }
}

/// The actor id of a Mastodon profile URL `https://host/@name` (`https://host/users/name`).
pub fn actor_of_profile_url(url: &str) -> Option<String> {
    let (host, segments, n) = split_url::<1>(url)?;
    match &segments[..n] {
        [at_name] => {
            let name = at_name.strip_prefix('@')?;
            // `@name@other.host`: a remote account shown by this server; not its actor id.
            if !is_name(name) {
                return None;
            }
            let scheme = if url.starts_with("https://") {
                "https"
            } else {
                "http"
            };
            Some(format!("{scheme}://{host}/users/{name}"))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_uris_name_their_authors() {
        assert_eq!(
            status_author("https://social.example-mfa.gov/users/mfa_kz/statuses/112233"),
            Some((
                "https://social.example-mfa.gov/users/mfa_kz".into(),
                "mfa_kz@social.example-mfa.gov".into()
            ))
        );
        assert_eq!(
            status_author("https://h.example/users/a/statuses/1/activity"),
            None
        );
        assert_eq!(status_author("https://h.example/objects/d72df992"), None);
        assert_eq!(
            status_author("https://h.example/notes/9mqtfd3vukxt8bvr"),
            None
        );
        assert_eq!(
            status_author("https://threads.net/ap/users/178/post/180/"),
            None
        );
        assert_eq!(status_author("ftp://h/users/a/statuses/1"), None);
        assert_eq!(status_author("https:///users/a/statuses/1"), None);
        assert_eq!(
            actor_handle("https://h.example/users/eu_kz"),
            Some("eu_kz@h.example".into())
        );
        assert_eq!(
            actor_handle("https://h.example/users/eu_kz/statuses/1"),
            None
        );
        assert_eq!(
            actor_of_profile_url("https://h.example/@eu_kz"),
            Some("https://h.example/users/eu_kz".into())
        );
        assert_eq!(
            actor_of_profile_url("https://h.example/@eu_kz@other.example"),
            None
        );
        assert_eq!(actor_of_profile_url("https://h.example/users/eu_kz"), None);
        assert_eq!(host("https://h.example:8443/@x"), Some("h.example:8443"));
    }
}
