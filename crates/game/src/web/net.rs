//! The hub over the browser's fetch: the same requests the desktop sends with ureq, awaited on
//! the page's event loop, their answers bounded and read as JSON.

use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use peercall_core::hub_client;

/// Largest answer read from a hub (a competition's files are a few hundred kilobytes).
const MAX_ANSWER: usize = 8 << 20;

/// How long a request may take before it counts as the hub being away.
const TIMEOUT_MS: u32 = 15_000;

/// The page's own address (`http://host:port`): the hub that served the game.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Sends `method path` to the hub at `server` (with the player's `token` and a JSON `body`
/// when given) and returns the status and the JSON answer (`null` when it is not JSON).
/// `Err` when the hub cannot be reached, in words for the player.
pub async fn request(
    server: &str,
    method: &str,
    path: &str,
    token: Option<&str>,
    body: Option<&Value>,
) -> Result<(u16, Value), String> {
    let away = |e: wasm_bindgen::JsValue| {
        let why = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| format!("{e:?}"));
        hub_client::unreachable(server, why).to_string()
    };
    let window = web_sys::window().ok_or("no window")?;
    let init = web_sys::RequestInit::new();
    init.set_method(method);
    let headers = web_sys::Headers::new().map_err(away)?;
    // The hub words its refusals in the player's language.
    headers
        .set("Accept-Language", peercall_core::words::current().lang())
        .map_err(away)?;
    if let Some(t) = token {
        headers
            .set("Authorization", &format!("Bearer {t}"))
            .map_err(away)?;
    }
    if let Some(b) = body {
        headers
            .set("Content-Type", "application/json")
            .map_err(away)?;
        init.set_body(&wasm_bindgen::JsValue::from_str(&b.to_string()));
    }
    init.set_headers(&headers);
    init.set_signal(Some(&web_sys::AbortSignal::timeout_with_u32(TIMEOUT_MS)));
    let url = format!("{}{path}", server.trim_end_matches('/'));
    let req = web_sys::Request::new_with_str_and_init(&url, &init).map_err(away)?;
    let resp: web_sys::Response = JsFuture::from(window.fetch_with_request(&req))
        .await
        .map_err(away)?
        .dyn_into()
        .map_err(away)?;
    let status = resp.status();
    let text = JsFuture::from(resp.text().map_err(away)?)
        .await
        .map_err(away)?
        .as_string()
        .unwrap_or_default();
    if text.len() > MAX_ANSWER {
        return Err(hub_client::unreachable(server, "the answer is too large").to_string());
    }
    Ok((status, serde_json::from_str(&text).unwrap_or(Value::Null)))
}
