//! Course packages for learning systems: the cmi5 course structure (`cmi5.xml`), one assignable
//! unit per call, each launched from the hub's web game with its scenario named in the address.

use crate::words::say;

/// The cmi5 course structure's namespace (cmi5 1.0, "quartz").
pub const CMI5_NAMESPACE: &str = "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd";

/// One assignable unit: a call of the course.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The scenario id (the AU is launched with `?scenario=ID`).
    pub scenario: String,
    /// Its title.
    pub title: String,
    /// What the call is about.
    pub description: String,
    /// The scaled score that passes (0 to 1), if the LMS is to judge one.
    pub mastery: Option<f64>,
}

/// A course: its title, its description and its calls.
#[derive(Debug, Clone, PartialEq)]
pub struct Course {
    /// The course's id (an IRI), from which the AUs' ids are made.
    pub id: String,
    /// Its title.
    pub title: String,
    /// What it teaches.
    pub description: String,
    /// Its calls, in order.
    pub units: Vec<Unit>,
}

/// `s` with XML's special characters escaped, and control characters dropped (they cannot be
/// written in XML 1.0).
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `s` percent-encoded for a query string.
pub fn url_component(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The launch address of `unit` on the game at `play` (the hub's `/play/`).
pub fn launch_url(play: &str, unit: &Unit) -> String {
    let sep = if play.contains('?') { '&' } else { '?' };
    format!("{play}{sep}scenario={}", url_component(&unit.scenario))
}

/// Checks the game's address for a course: an absolute http(s) URL, since a course package's
/// AUs are launched from the learning system, not from inside the package.
pub fn check_play_url(play: &str) -> Result<(), String> {
    let ok = (play.starts_with("https://") || play.starts_with("http://"))
        && play.len() <= 2000
        && !play.chars().any(|c| c.is_control() || c.is_whitespace());
    if ok {
        Ok(())
    } else {
        Err(say(
            "core-lms-url",
            &[("url", crate::untrusted::clip(play, 80).as_ref().into())],
        ))
    }
}

/// The course structure (`cmi5.xml`) of `course`, its AUs launched from `play`: moveOn
/// CompletedAndPassed where a mastery score is set, else Completed; each in a window of its own
/// (the game's page may not be framed by another site).
pub fn cmi5_xml(course: &Course, play: &str) -> String {
    let text = |s: &str| {
        format!(
            "<langstring lang=\"en-US\">{}</langstring>",
            xml_escape(s.trim())
        )
    };
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!("<courseStructure xmlns=\"{CMI5_NAMESPACE}\">\n"));
    out.push_str(&format!(
        "  <course id=\"{}\">\n    <title>{}</title>\n    <description>{}</description>\n  </course>\n",
        xml_escape(&course.id),
        text(&course.title),
        text(&course.description),
    ));
    for u in &course.units {
        let (move_on, mastery) = match u.mastery {
            Some(m) => (
                "CompletedAndPassed",
                format!(
                    " masteryScore=\"{}\"",
                    (m.clamp(0.0, 1.0) * 100.0).round() / 100.0
                ),
            ),
            None => ("Completed", String::new()),
        };
        out.push_str(&format!(
            "  <au id=\"{}/au/{}\" moveOn=\"{move_on}\"{mastery} launchMethod=\"OwnWindow\">\n    <title>{}</title>\n    <description>{}</description>\n    <url>{}</url>\n  </au>\n",
            xml_escape(&course.id),
            url_component(&u.scenario),
            text(&u.title),
            text(&u.description),
            xml_escape(&launch_url(play, u)),
        ));
    }
    out.push_str("</courseStructure>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_escaped_and_marks_set_how_the_lms_judges() {
        let course = Course {
            id: "https://hub.invalid/courses/on&boarding".into(),
            title: "Calls <for> \"new\" hires".into(),
            description: "Peer contracts first.\u{7}".into(),
            units: vec![
                Unit {
                    scenario: "demo request".into(),
                    title: "Come & demo".into(),
                    description: "A demo.".into(),
                    mastery: Some(0.7),
                },
                Unit {
                    scenario: "free-pilot".into(),
                    title: "Pilot".into(),
                    description: "A pilot.".into(),
                    mastery: None,
                },
            ],
        };
        let xml = cmi5_xml(&course, "https://hub.invalid/play/?lang=de");
        assert!(
            xml.contains("Calls &lt;for&gt; &quot;new&quot; hires"),
            "{xml}"
        );
        assert!(xml.contains("on&amp;boarding"), "{xml}");
        assert!(!xml.contains('\u{7}'));
        assert!(
            xml.contains("moveOn=\"CompletedAndPassed\" masteryScore=\"0.7\""),
            "{xml}"
        );
        assert!(xml.contains("moveOn=\"Completed\" launchMethod"), "{xml}");
        assert!(
            xml.contains(
                "<url>https://hub.invalid/play/?lang=de&amp;scenario=demo%20request</url>"
            ),
            "{xml}"
        );
        assert!(check_play_url("https://hub.invalid/play/").is_ok());
        assert!(check_play_url("play/index.html").is_err());
        assert!(check_play_url("https://a b").is_err());
    }
}
