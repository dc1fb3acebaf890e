//! A learning system for tests of the game as a cmi5 assignable unit: on a free loopback port it
//! answers the token fetch (once), the launch data and the learner's preferences, keeps the AU's
//! own state, and passes every statement on to a real LRS (Ralph), as an LMS's LRS would; with
//! the CORS answers a browser asks for, since the game's page is on the hub's origin.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

use serde_json::Value;

/// The token the LMS hands out (Basic credentials of the LRS's account).
pub const TOKEN: &str = "cGVlcmNhbGw6c2VjcmV0"; // peercall:secret

/// What the test LMS was asked and holds.
#[derive(Default)]
pub struct Seen {
    /// Token fetches.
    pub fetches: u32,
    /// Statements posted (as they arrived), each request's array.
    pub posts: Vec<Value>,
    /// Requests to the LRS whose Authorization was not the token.
    pub unauthorized: u32,
    /// The AU's own state document, as last written.
    pub own_state: Option<String>,
}

/// A running test LMS.
pub struct Lms {
    /// Its address, `http://127.0.0.1:PORT`.
    pub origin: String,
    /// What it saw.
    pub seen: Arc<Mutex<Seen>>,
    /// The launch data it serves (changed between launches).
    pub launch_data: Arc<Mutex<String>>,
}

/// Starts the LMS, passing statements on to the Ralph LRS on `lrs_port`.
pub fn start(lrs_port: u16) -> Lms {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let origin = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Seen::default()));
    let launch_data = Arc::new(Mutex::new(String::new()));
    let (s, l) = (Arc::clone(&seen), Arc::clone(&launch_data));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (s, l) = (Arc::clone(&s), Arc::clone(&l));
            std::thread::spawn(move || answer(stream, &s, &l, lrs_port));
        }
    });
    Lms {
        origin,
        seen,
        launch_data,
    }
}

fn answer(mut stream: TcpStream, seen: &Mutex<Seen>, launch_data: &Mutex<String>, lrs: u16) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let mut parts = line.split_whitespace();
    let (method, target) = (
        parts.next().unwrap_or_default().to_string(),
        parts.next().unwrap_or_default().to_string(),
    );
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let length: usize = headers
        .get("content-length")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    let _ = reader.read_exact(&mut body);
    let body = String::from_utf8_lossy(&body).into_owned();
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let authorized =
        headers.get("authorization").map(String::as_str) == Some(&format!("Basic {TOKEN}"));
    let (status, reply) = match (method.as_str(), path) {
        ("OPTIONS", _) => (204, String::new()),
        // The course page the learner returns to.
        ("GET", "/back") => (200, r#"{"course": "back"}"#.into()),
        ("POST", "/fetch") => {
            let mut s = seen.lock().unwrap();
            s.fetches += 1;
            if s.fetches == 1 {
                (200, format!(r#"{{"auth-token": "{TOKEN}"}}"#))
            } else {
                (
                    200,
                    r#"{"error-code": "1", "error-text": "already fetched"}"#.into(),
                )
            }
        }
        _ if !authorized && path.starts_with("/xapi/") => {
            seen.lock().unwrap().unauthorized += 1;
            (401, String::new())
        }
        ("GET", "/xapi/activities/state") if query.contains("stateId=LMS.LaunchData") => {
            (200, launch_data.lock().unwrap().clone())
        }
        ("GET", "/xapi/activities/state") => match &seen.lock().unwrap().own_state {
            Some(s) => (200, s.clone()),
            None => (404, String::new()),
        },
        ("PUT", "/xapi/activities/state") => {
            seen.lock().unwrap().own_state = Some(body);
            (204, String::new())
        }
        ("GET", "/xapi/agents/profile") => (200, r#"{"languagePreference": "de-DE"}"#.into()),
        ("POST", "/xapi/statements") => {
            let v: Value = serde_json::from_str(&body).unwrap_or(Value::Null);
            seen.lock().unwrap().posts.push(v);
            forward(lrs, &body)
        }
        _ => (404, String::new()),
    };
    let text = match status {
        200 => "OK",
        204 => "No Content",
        401 => "Unauthorized",
        404 => "Not Found",
        _ => "Status",
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status} {text}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\
         Access-Control-Allow-Origin: *\r\n\
         Access-Control-Allow-Headers: Authorization, Content-Type, X-Experience-API-Version\r\n\
         Access-Control-Allow-Methods: GET, POST, PUT, OPTIONS\r\nConnection: close\r\n\r\n{reply}",
        reply.len()
    );
}

/// Posts `body` to the LRS as the LMS's LRS would store it; its status and answer.
fn forward(lrs: u16, body: &str) -> (u16, String) {
    let out = std::process::Command::new("curl")
        .args([
            "-s",
            "-o",
            "/dev/stdout",
            "-w",
            "\n%{http_code}",
            "-u",
            "peercall:secret",
        ])
        .args(["-H", "X-Experience-API-Version: 1.0.3"])
        .args([
            "-H",
            "Content-Type: application/json",
            "--data-binary",
            body,
        ])
        .arg(format!("http://127.0.0.1:{lrs}/xAPI/statements"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (reply, code) = text.rsplit_once('\n').unwrap_or((&text, "500"));
    (code.trim().parse().unwrap_or(500), reply.to_string())
}
