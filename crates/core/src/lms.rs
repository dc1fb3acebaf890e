//! Course packages for learning systems: the cmi5 course structure (`cmi5.xml`), one assignable
//! unit per call, each launched from the hub's web game with its scenario named in the address;
//! and the SCORM 1.2 and 2004 manifests (`imsmanifest.xml`), one SCO per call, the web game
//! inside the package.

use crate::scorm::Version;
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

/// The SCORM manifest (`imsmanifest.xml`) of `course` for `version`: one item per call, each
/// launching the package's web game (`index.html?scenario=ID`, whose `files` are listed), with
/// the call's mastery score (1.2's `adlcp:masteryscore`, 2004's primary objective satisfied by
/// measure); the calls in order, free to choose.
pub fn scorm_manifest(course: &Course, version: Version, files: &[String]) -> String {
    let id = format!("peercall-{}", ncname(&course.id));
    let title = xml_escape(course.title.trim());
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    match version {
        Version::V12 => out.push_str(&format!(
            "<manifest identifier=\"{id}\" version=\"1.0\"\n  xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\"\n  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\"\n  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n  xsi:schemaLocation=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd\">\n  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>1.2</schemaversion>\n  </metadata>\n"
        )),
        Version::V2004 => out.push_str(&format!(
            "<manifest identifier=\"{id}\" version=\"1.0\"\n  xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\"\n  xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\"\n  xmlns:adlseq=\"http://www.adlnet.org/xsd/adlseq_v1p3\"\n  xmlns:adlnav=\"http://www.adlnet.org/xsd/adlnav_v1p3\"\n  xmlns:imsss=\"http://www.imsglobal.org/xsd/imsss\"\n  xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n  xsi:schemaLocation=\"http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd\">\n  <metadata>\n    <schema>ADL SCORM</schema>\n    <schemaversion>2004 4th Edition</schemaversion>\n  </metadata>\n"
        )),
    }
    out.push_str(&format!(
        "  <organizations default=\"course\">\n    <organization identifier=\"course\">\n      <title>{title}</title>\n"
    ));
    for (i, u) in course.units.iter().enumerate() {
        out.push_str(&format!(
            "      <item identifier=\"call-{}\" identifierref=\"game\" parameters=\"?scenario={}\">\n        <title>{}</title>\n",
            i + 1,
            xml_escape(&url_component(&u.scenario)),
            xml_escape(u.title.trim()),
        ));
        let mastery = u.mastery.map(|m| (m.clamp(0.0, 1.0) * 100.0).round());
        match (version, mastery) {
            (Version::V12, Some(m)) => out.push_str(&format!(
                "        <adlcp:masteryscore>{m}</adlcp:masteryscore>\n"
            )),
            (Version::V2004, Some(m)) => out.push_str(&format!(
                "        <imsss:sequencing>\n          <imsss:objectives>\n            <imsss:primaryObjective objectiveID=\"pass\" satisfiedByMeasure=\"true\">\n              <imsss:minNormalizedMeasure>{}</imsss:minNormalizedMeasure>\n            </imsss:primaryObjective>\n          </imsss:objectives>\n        </imsss:sequencing>\n",
                m / 100.0
            )),
            (_, None) => {}
        }
        out.push_str("      </item>\n");
    }
    if version == Version::V2004 {
        out.push_str("      <imsss:sequencing>\n        <imsss:controlMode choice=\"true\" flow=\"true\"/>\n      </imsss:sequencing>\n");
    }
    out.push_str("    </organization>\n  </organizations>\n  <resources>\n");
    let kind = match version {
        Version::V12 => "adlcp:scormtype",
        Version::V2004 => "adlcp:scormType",
    };
    out.push_str(&format!(
        "    <resource identifier=\"game\" type=\"webcontent\" {kind}=\"sco\" href=\"index.html\">\n"
    ));
    for f in files {
        out.push_str(&format!("      <file href=\"{}\"/>\n", xml_escape(f)));
    }
    out.push_str("    </resource>\n  </resources>\n</manifest>\n");
    out
}

/// `s` as an XML name's tail: letters, digits, dashes and dots, the rest as dashes.
fn ncname(s: &str) -> String {
    let tail: String = s
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '.' {
                c
            } else {
                '-'
            }
        })
        .take(60)
        .collect();
    if tail.is_empty() {
        "course".into()
    } else {
        tail
    }
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
        let files = vec!["index.html".to_string(), "a&b.js".to_string()];
        let v12 = scorm_manifest(&course, Version::V12, &files);
        assert!(
            v12.contains("<adlcp:masteryscore>70</adlcp:masteryscore>"),
            "{v12}"
        );
        assert!(
            v12.contains("parameters=\"?scenario=demo%20request\""),
            "{v12}"
        );
        assert!(v12.contains("identifier=\"peercall-on-boarding\""), "{v12}");
        assert!(v12.contains("<file href=\"a&amp;b.js\"/>"), "{v12}");
        assert_eq!(v12.matches("<item ").count(), 2);
        let v2004 = scorm_manifest(&course, Version::V2004, &files);
        assert!(
            v2004.contains("<imsss:minNormalizedMeasure>0.7</imsss:minNormalizedMeasure>"),
            "{v2004}"
        );
        assert!(v2004.contains("adlcp:scormType=\"sco\""), "{v2004}");
        assert!(v2004.contains("2004 4th Edition"));
    }
}
