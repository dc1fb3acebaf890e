//! A certification's certificate as a one-page PDF (A4 landscape), for the game and `peercall
//! certify certificate`: the player, the certification, each call with its score and pass mark,
//! the overall score, the dates, the verification code and the command that checks it. The text
//! is set in Open Sans, embedded whole, so any name the font covers prints as written and can be
//! copied out of the PDF.

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use crate::certification::{State, Verdict};
use crate::competition::Competition;
use crate::library::Library;
use crate::words::Words;

/// The typeface of the certificate (Open Sans, Apache-2.0, `assets/fonts/`), also the game's
/// reading typeface.
pub const READING_FONT: &[u8] = include_bytes!("../../../assets/fonts/OpenSans-Regular.ttf");

/// What a certificate says, in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// "Certificate".
    pub heading: String,
    /// The player's name.
    pub player: String,
    /// Their team, if any.
    pub team: String,
    /// "has passed NAME".
    pub passed: String,
    /// The table's header: call, score, mark, played on.
    pub header: [String; 4],
    /// Each call: its title, its score, its pass mark, the day it was played.
    pub rows: Vec<[String; 4]>,
    /// The overall row.
    pub overall: [String; 4],
    /// When the pass was earned and until when it holds.
    pub dates: String,
    /// Set when the pass has expired: saying so.
    pub expired: Option<String>,
    /// "Verification code: CODE".
    pub code: String,
    /// How to check the code.
    pub how: String,
    /// The command that checks it.
    pub command: String,
    /// The document's title.
    pub title: String,
}

/// The first ten characters of an RFC 3339 time (its day), or "-".
fn day(t: Option<&str>) -> String {
    t.map_or_else(|| "-".into(), |t| t.chars().take(10).collect())
}

impl Sheet {
    /// The certificate of verdict `v` in certification `c`, each call by its title in
    /// `library`; `None` unless the player earned a pass (valid or expired).
    pub fn of(
        w: &Words,
        c: &Competition,
        library: &Library,
        team: &str,
        v: &Verdict,
    ) -> Option<Sheet> {
        if !v.earned() {
            return None;
        }
        let code = v.code.clone().unwrap_or_default();
        let title = |id: &str| {
            library
                .script(id)
                .map_or_else(|| id.to_string(), |s| s.scenario().title.clone())
        };
        Some(Sheet {
            heading: w.t("hub-cert-heading"),
            player: v.player.clone(),
            team: team.to_string(),
            passed: w.f("hub-cert-has-passed", &[("name", c.name.as_str().into())]),
            header: [
                w.t("hub-cert-call"),
                w.t("hub-score"),
                w.t("hub-cert-mark"),
                w.t("hub-cert-played-on"),
            ],
            rows: v
                .calls
                .iter()
                .map(|call| {
                    let counted = call.counted.as_ref();
                    [
                        title(&call.scenario),
                        counted.map_or(0, |r| r.score).to_string(),
                        call.pass.to_string(),
                        day(counted.map(|r| r.finished_at.as_str())),
                    ]
                })
                .collect(),
            overall: [
                w.t("hub-cert-overall"),
                v.overall.unwrap_or(0).to_string(),
                v.pass.to_string(),
                String::new(),
            ],
            dates: w.f(
                "hub-cert-dates",
                &[
                    ("on", day(v.passed_at.as_deref()).into()),
                    ("until", day(v.valid_until.as_deref()).into()),
                ],
            ),
            expired: (v.state == State::Expired).then(|| w.t("hub-cert-expired")),
            code: format!("{} {code}", w.t("hub-cert-code")),
            how: w.t("hub-cert-how"),
            command: format!(
                "peercall certify verify {}.ron --player '{}' --code {code}",
                c.id,
                v.player.replace('\'', "'\\''")
            ),
            title: format!("{} – {}", c.name, v.player),
        })
    }

    /// The certificate as a PDF file.
    pub fn pdf(&self) -> Vec<u8> {
        let font = Font::new(READING_FONT);
        let mut page = Page::new(font);
        let (w, h) = (842.0, 595.0);
        page.frame(w, h);
        let mid = w / 2.0;
        page.centered(&self.heading, 16.0, 0.45, mid, 500.0, 700.0);
        page.centered(&self.player, 36.0, 0.1, mid, 450.0, 700.0);
        let mut y = 420.0;
        if !self.team.is_empty() {
            page.centered(&self.team, 14.0, 0.45, mid, y, 700.0);
            y -= 26.0;
        }
        page.centered(&self.passed, 16.0, 0.1, mid, y, 700.0);
        y -= 40.0;
        // The table: the call's title on the left, the figures in columns.
        let cols = [120.0, 500.0, 580.0, 650.0];
        let widths = [370.0, 70.0, 60.0, 90.0];
        let row = |page: &mut Page, cells: &[String; 4], y: f32, grey: f32| {
            for ((cell, x), max) in cells.iter().zip(cols).zip(widths) {
                page.text(cell, 12.0, grey, x, y, max);
            }
        };
        row(&mut page, &self.header, y, 0.45);
        page.rule(cols[0], y - 6.0, 740.0 - cols[0]);
        y -= 22.0;
        // A long certification keeps to the page: rows past the room left are summed up.
        let room = ((y - 170.0) / 18.0).max(1.0) as usize;
        for cells in self.rows.iter().take(room) {
            row(&mut page, cells, y, 0.1);
            y -= 18.0;
        }
        if self.rows.len() > room {
            page.text(
                &format!("… +{}", self.rows.len() - room),
                12.0,
                0.45,
                cols[0],
                y,
                300.0,
            );
            y -= 18.0;
        }
        page.rule(cols[0], y + 12.0, 740.0 - cols[0]);
        row(&mut page, &self.overall, y - 4.0, 0.1);
        y -= 34.0;
        page.centered(&self.dates, 12.0, 0.1, mid, y, 700.0);
        if let Some(expired) = &self.expired {
            y -= 18.0;
            page.centered(expired, 12.0, 0.1, mid, y, 700.0);
        }
        page.centered(&self.code, 15.0, 0.1, mid, 96.0, 700.0);
        page.centered(&self.how, 10.0, 0.45, mid, 74.0, 700.0);
        page.centered(&self.command, 9.0, 0.45, mid, 60.0, 760.0);
        page.finish(w, h, &self.title)
    }
}

/// The embedded typeface: its glyphs and their advances.
struct Font<'a> {
    face: Option<ttf_parser::Face<'a>>,
    bytes: &'a [u8],
}

impl<'a> Font<'a> {
    fn new(bytes: &'a [u8]) -> Font<'a> {
        Font {
            face: ttf_parser::Face::parse(bytes, 0).ok(),
            bytes,
        }
    }

    /// The glyph of `c` (the font's "missing" glyph when it has none) and its advance in
    /// thousandths of the font size.
    fn glyph(&self, c: char) -> (u16, f32) {
        let Some(face) = &self.face else {
            return (0, 500.0);
        };
        let g = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
        let advance = face.glyph_hor_advance(g).unwrap_or(0);
        (
            g.0,
            f32::from(advance) * 1000.0 / f32::from(face.units_per_em()),
        )
    }

    /// The width of `text` at `size`.
    fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum::<f32>() * size / 1000.0
    }
}

/// A page being drawn, and the glyphs it used (for the font's widths and the text's Unicode).
struct Page<'a> {
    font: Font<'a>,
    content: Content,
    used: std::collections::BTreeMap<u16, (f32, char)>,
}

impl<'a> Page<'a> {
    fn new(font: Font<'a>) -> Page<'a> {
        Page {
            font,
            content: Content::new(),
            used: std::collections::BTreeMap::new(),
        }
    }

    /// A double border around the page.
    fn frame(&mut self, w: f32, h: f32) {
        let c = &mut self.content;
        c.set_stroke_rgb(0.16, 0.35, 0.55);
        c.set_line_width(3.0);
        c.rect(24.0, 24.0, w - 48.0, h - 48.0);
        c.stroke();
        c.set_line_width(0.8);
        c.rect(34.0, 34.0, w - 68.0, h - 68.0);
        c.stroke();
    }

    /// A thin line under a table row.
    fn rule(&mut self, x: f32, y: f32, len: f32) {
        let c = &mut self.content;
        c.set_stroke_gray(0.6);
        c.set_line_width(0.5);
        c.move_to(x, y);
        c.line_to(x + len, y);
        c.stroke();
    }

    /// `text` at (`x`, `y`) in `grey`, made smaller to fit `max` points (down to 60 % of
    /// `size`), then cut short with an ellipsis.
    fn text(&mut self, text: &str, size: f32, grey: f32, x: f32, y: f32, max: f32) {
        let (text, size) = self.fit(text, size, max);
        self.put(&text, size, grey, x, y);
    }

    /// `text` as it is, at (`x`, `y`).
    fn put(&mut self, text: &str, size: f32, grey: f32, x: f32, y: f32) {
        let mut bytes = Vec::with_capacity(text.len() * 2);
        for c in text.chars().filter(|c| !c.is_control()) {
            let (g, advance) = self.font.glyph(c);
            self.used.entry(g).or_insert((advance, c));
            bytes.extend_from_slice(&g.to_be_bytes());
        }
        let c = &mut self.content;
        c.set_fill_gray(grey);
        c.begin_text();
        c.set_font(Name(b"F1"), size);
        c.next_line(x, y);
        c.show(Str(&bytes));
        c.end_text();
    }

    /// `text` centred on `mid`.
    fn centered(&mut self, text: &str, size: f32, grey: f32, mid: f32, y: f32, max: f32) {
        let (fitted, fsize) = self.fit(text, size, max);
        let x = mid - self.font.width(&fitted, fsize) / 2.0;
        self.put(&fitted, fsize, grey, x, y);
    }

    fn fit(&self, text: &str, size: f32, max: f32) -> (String, f32) {
        let text: String = text.chars().filter(|c| !c.is_control()).collect();
        let width = self.font.width(&text, size);
        if width <= max {
            return (text, size);
        }
        let smaller = (size * max / width).max(size * 0.6);
        if self.font.width(&text, smaller) <= max {
            return (text, smaller);
        }
        let mut cut = String::new();
        for c in text.chars() {
            if self.font.width(&format!("{cut}{c}…"), smaller) > max {
                break;
            }
            cut.push(c);
        }
        cut.push('…');
        (cut, smaller)
    }

    /// The PDF: one page of `w` by `h` points, the font embedded, titled `title`.
    fn finish(self, w: f32, h: f32, title: &str) -> Vec<u8> {
        let [
            catalog,
            tree,
            page,
            content,
            type0,
            cid,
            descriptor,
            file,
            cmap,
            info,
        ] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(Ref::new);
        let name = Name(b"OpenSans-Regular");
        let system = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };
        let mut pdf = Pdf::new();
        pdf.catalog(catalog).pages(tree);
        pdf.pages(tree).kids([page]).count(1);
        let mut p = pdf.page(page);
        p.media_box(Rect::new(0.0, 0.0, w, h));
        p.parent(tree);
        p.contents(content);
        p.resources().fonts().pair(Name(b"F1"), type0);
        p.finish();
        pdf.stream(content, &self.content.finish());
        pdf.type0_font(type0)
            .base_font(name)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(cid)
            .to_unicode(cmap);
        let mut f = pdf.cid_font(cid);
        f.subtype(CidFontType::Type2)
            .base_font(name)
            .system_info(system)
            .font_descriptor(descriptor)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        {
            let mut widths = f.widths();
            for (g, (advance, _)) in &self.used {
                widths.consecutive(*g, [*advance]);
            }
        }
        f.finish();
        let face = self.font.face.as_ref();
        let scale = face.map_or(1.0, |f| 1000.0 / f32::from(f.units_per_em()));
        let bbox = face.map_or(Rect::new(0.0, -250.0, 1000.0, 1000.0), |f| {
            let b = f.global_bounding_box();
            Rect::new(
                f32::from(b.x_min) * scale,
                f32::from(b.y_min) * scale,
                f32::from(b.x_max) * scale,
                f32::from(b.y_max) * scale,
            )
        });
        pdf.font_descriptor(descriptor)
            .name(name)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(bbox)
            .italic_angle(0.0)
            .ascent(face.map_or(1000.0, |f| f32::from(f.ascender()) * scale))
            .descent(face.map_or(-250.0, |f| f32::from(f.descender()) * scale))
            .cap_height(
                face.and_then(|f| f.capital_height())
                    .map_or(700.0, |c| f32::from(c) * scale),
            )
            .stem_v(80.0)
            .font_file2(file);
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(self.font.bytes, 6);
        pdf.stream(file, &packed)
            .filter(Filter::FlateDecode)
            .pair(Name(b"Length1"), self.font.bytes.len() as i32);
        let mut unicode = UnicodeCmap::new(Name(b"peercall-ucs"), system);
        for (g, (_, c)) in &self.used {
            unicode.pair(*g, *c);
        }
        pdf.cmap(cmap, &unicode.finish());
        pdf.document_info(info)
            .title(TextStr(title))
            .creator(TextStr("peercall"));
        pdf.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(player: &str, rows: usize) -> Sheet {
        Sheet {
            heading: "Certificate".into(),
            player: player.into(),
            team: "Nord".into(),
            passed: "has passed Onboarding".into(),
            header: [
                "Call".into(),
                "Score".into(),
                "Mark".into(),
                "Played".into(),
            ],
            rows: (0..rows)
                .map(|i| {
                    [
                        format!("Call {i}"),
                        "80".into(),
                        "70".into(),
                        "2026-05-01".into(),
                    ]
                })
                .collect(),
            overall: ["Overall".into(), "80".into(), "70".into(), String::new()],
            dates: "Passed on 2026-05-01, valid until 2027-05-01".into(),
            expired: None,
            code: "Code: ABCD-EFGH".into(),
            how: "Check it:".into(),
            command: "peercall certify verify x.ron --player 'Zoë' --code ABCD-EFGH".into(),
            title: "Onboarding – Zoë".into(),
        }
    }

    #[test]
    fn a_certificate_is_a_pdf_with_the_font_and_the_words_recoverable() {
        let pdf = sheet("Zoë Ångström-Łukasiewicz", 3).pdf();
        assert!(pdf.starts_with(b"%PDF-"));
        assert!(pdf.ends_with(b"%%EOF\n") || pdf.ends_with(b"%%EOF"));
        let text = String::from_utf8_lossy(&pdf);
        assert!(text.contains("/FontFile2"));
        assert!(text.contains("/Identity-H"));
        // The name's letters are in the Unicode map, so the PDF's text can be copied out.
        let font = Font::new(READING_FONT);
        for c in ['Z', 'ë', 'Å', 'Ł'] {
            let (g, _) = font.glyph(c);
            assert_ne!(g, 0, "{c} has no glyph");
            assert!(
                text.contains(&format!("<{g:04x}> <{:04x}>", c as u32))
                    || text.contains(&format!("<{g:04X}> <{:04X}>", c as u32)),
                "{c} not in the Unicode map"
            );
        }
    }

    #[test]
    fn long_names_and_long_certifications_keep_to_the_page() {
        let font = Font::new(READING_FONT);
        let page = Page::new(Font::new(READING_FONT));
        let (fitted, size) = page.fit(&"W".repeat(300), 36.0, 700.0);
        assert!(fitted.ends_with('…'));
        assert!(font.width(&fitted, size) <= 700.0);
        assert!(size >= 36.0 * 0.6);
        let (same, size) = page.fit("Ana", 36.0, 700.0);
        assert_eq!((same.as_str(), size), ("Ana", 36.0));
        // Forty calls: the page holds what fits and says how many more there are.
        let pdf = sheet("Ana", 40).pdf();
        assert!(pdf.starts_with(b"%PDF-"));
        let plus: Vec<u16> = "+".chars().map(|c| font.glyph(c).0).collect();
        assert!(
            String::from_utf8_lossy(&pdf).contains(&format!("<{:04x}>", plus[0]))
                || String::from_utf8_lossy(&pdf).contains(&format!("<{:04X}>", plus[0]))
        );
    }
}
