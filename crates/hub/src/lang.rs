//! Each request answered in its reader's language: `?lang=`, else the browser's
//! `Accept-Language`, among the interface's languages; English otherwise.

use axum::http::HeaderMap;
use axum::response::Response;
use peercall_core::words::Words;

tokio::task_local! {
    /// The words of the language the request being answered asked for.
    static CLIENT: &'static Words;
}

/// Answers each request in the language it asks for: its pages, and its refusals, including the
/// shared crate's words inside them. Also notes whether a browser asked for a page, so that
/// errors come back as one.
pub async fn in_their_language(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let asked = req.uri().query().and_then(|q| {
        q.split('&')
            .find_map(|kv| kv.strip_prefix("lang="))
            .map(str::to_string)
    });
    let w = words_for(req.headers(), asked.as_deref());
    let page = !req.uri().path().starts_with("/api/")
        && req
            .headers()
            .get(axum::http::header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|a| a.contains("text/html"));
    CLIENT
        .scope(w, crate::error::WANTS_PAGE.scope(page, next.run(req)))
        .await
}

/// The words of the client being answered (English outside a request).
pub fn client() -> &'static Words {
    CLIENT
        .try_with(|w| *w)
        .unwrap_or_else(|_| peercall_core::words::words("en"))
}

/// Message `key` in the client's language.
pub fn tell(key: &str) -> String {
    client().t(key)
}

/// `f` with the shared crate's messages in the client's language.
pub fn theirs<T>(f: impl FnOnce() -> T) -> T {
    peercall_core::words::in_language(client().lang(), f)
}

/// The words of the language a page is asked in: `?lang=`, else the browser's
/// `Accept-Language`, among the languages the interface has; English otherwise.
pub fn words_for(headers: &HeaderMap, asked: Option<&str>) -> &'static Words {
    use fluent_langneg::{NegotiationStrategy, accepted_languages, negotiate_languages};
    let available: Vec<unic_langid::LanguageIdentifier> = peercall_core::words::languages()
        .iter()
        .filter_map(|l| l.parse().ok())
        .collect();
    let requested = match asked {
        Some(l) => l.parse().map(|l| vec![l]).unwrap_or_default(),
        None => accepted_languages::parse(
            headers
                .get(axum::http::header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default(),
        ),
    };
    let english: Option<unic_langid::LanguageIdentifier> = "en".parse().ok();
    let chosen = negotiate_languages(
        &requested,
        &available,
        english.as_ref(),
        NegotiationStrategy::Lookup,
    );
    let lang = chosen
        .first()
        .map_or("en".to_string(), |l| l.language.to_string());
    peercall_core::words::words(&lang)
}
