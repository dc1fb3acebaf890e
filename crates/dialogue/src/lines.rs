//! Every translatable text of a scenario with its stable id, who says it and where it sits, for
//! translation files; and a scenario's texts replaced by a translation, its structure untouched.
//!
//! Ids are built from the ids a scenario already has, so they survive reordering nodes, endings
//! and choices, and editing any other line: `title`, `briefing`, `truth.<id>.debrief`,
//! `node.<id>.line.<n>` (the n-th variant), `node.<id>.if.<k>.line.<n>` (the k-th state line),
//! `choice.<id>.say`, `choice.<id>.also.<n>`, `choice.<id>.feedback`, `ending.<id>.lesson` and
//! so on. A choice needs an `id:` of its own for that (`peercall i18n ids` writes the missing
//! ones); until then its place in its node stands in (`choice.<node>#<k>.say`), which moves
//! when choices are reordered.

use crate::load::Locator;
use crate::scenario::Scenario;

/// Who a text is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Speaker {
    /// The prospect says it.
    Prospect,
    /// The player says it.
    Player,
    /// The screen shows it: titles, the briefing, the goal, roles.
    Screen,
    /// The debrief says it: feedback on a line, an ending's lesson, a truth's explanation.
    Debrief,
}

impl Speaker {
    /// How a translator reads it.
    pub fn label(self) -> &'static str {
        match self {
            Speaker::Prospect => "the prospect says",
            Speaker::Player => "the player says",
            Speaker::Screen => "shown on screen",
            Speaker::Debrief => "the debrief says",
        }
    }
}

/// One translatable text.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// Its stable id.
    pub id: String,
    /// The source text.
    pub text: String,
    /// Who says it.
    pub speaker: Speaker,
    /// The node (or ending, or truth) it belongs to, if any.
    pub node: Option<String>,
    /// The signal a player line sends, by its label.
    pub signal: Option<String>,
    /// A note for the translator: what the text is and what to keep.
    pub note: String,
    /// Where it is in the file (a byte offset), when located.
    pub offset: Option<usize>,
}

/// What [`walk`] tells about each text besides the text itself.
struct Meta {
    id: String,
    speaker: Speaker,
    node: Option<String>,
    signal: Option<String>,
    note: String,
    /// How to find it in the file: the field name, after the place of its owner.
    field: &'static str,
    owner: Owner,
}

/// Whose field a text is.
#[derive(Clone)]
enum Owner {
    Top,
    Node(String),
    Choice(String, usize),
    Ending(String),
    Truth(String),
}

/// Calls `f` on every translatable text of `scenario`, in file order.
fn walk(scenario: &mut Scenario, f: &mut dyn FnMut(Meta, &mut String)) {
    let top = |id: &str, speaker, note: &str, field| Meta {
        id: id.into(),
        speaker,
        node: None,
        signal: None,
        note: note.into(),
        field,
        owner: Owner::Top,
    };
    f(
        top("title", Speaker::Screen, "the call's title", "title"),
        &mut scenario.title,
    );
    f(
        top(
            "situation",
            Speaker::Screen,
            "one line on the scenario list",
            "situation",
        ),
        &mut scenario.situation,
    );
    f(
        top(
            "briefing",
            Speaker::Screen,
            "what the player reads before the call",
            "briefing",
        ),
        &mut scenario.briefing,
    );
    f(
        top(
            "goal",
            Speaker::Screen,
            "the player's goal on the call",
            "goal",
        ),
        &mut scenario.goal,
    );
    f(
        top(
            "player.role",
            Speaker::Screen,
            "the player's job title",
            "role",
        ),
        &mut scenario.player.role,
    );
    f(
        top(
            "player.sells",
            Speaker::Screen,
            "what the player's company sells",
            "sells",
        ),
        &mut scenario.player.sells,
    );
    f(
        top(
            "prospect.role",
            Speaker::Screen,
            "the prospect's job title",
            "role",
        ),
        &mut scenario.prospect.role,
    );
    for (id, truth) in scenario.truths.iter_mut() {
        let meta = |what: &str, speaker, note: &str, field| Meta {
            id: format!("truth.{id}.{what}"),
            speaker,
            node: Some(id.to_string()),
            signal: None,
            note: note.into(),
            field,
            owner: Owner::Truth(id.to_string()),
        };
        f(
            meta(
                "title",
                Speaker::Debrief,
                "what was really behind this call",
                "title",
            ),
            &mut truth.title,
        );
        f(
            meta(
                "debrief",
                Speaker::Debrief,
                "the debrief's explanation of it",
                "debrief",
            ),
            &mut truth.debrief,
        );
    }
    for (node_id, node) in scenario.nodes.iter_mut() {
        let variants = node.prospect.len();
        for (n, line) in node.prospect.iter_mut().enumerate() {
            f(
                Meta {
                    id: format!("node.{node_id}.line.{}", n + 1),
                    speaker: Speaker::Prospect,
                    node: Some(node_id.to_string()),
                    signal: None,
                    note: variant_note(n, variants),
                    field: "prospect",
                    owner: Owner::Node(node_id.to_string()),
                },
                line,
            );
        }
        for (k, state) in node.lines_if.iter_mut().enumerate() {
            let variants = state.prospect.len();
            for (n, line) in state.prospect.iter_mut().enumerate() {
                f(
                    Meta {
                        id: format!("node.{node_id}.if.{}.line.{}", k + 1, n + 1),
                        speaker: Speaker::Prospect,
                        node: Some(node_id.to_string()),
                        signal: None,
                        note: format!(
                            "said only in some states of the call (state line {}); {}",
                            k + 1,
                            variant_note(n, variants)
                        ),
                        field: "prospect",
                        owner: Owner::Node(node_id.to_string()),
                    },
                    line,
                );
            }
        }
        for (k, choice) in node.choices.iter_mut().enumerate() {
            let cid = if choice.id.is_empty() {
                format!("{node_id}#{}", k + 1)
            } else {
                choice.id.clone()
            };
            let signal = Some(choice.signal.label().to_string());
            let owner = Owner::Choice(node_id.to_string(), k);
            let wordings = choice.also.len() + 1;
            f(
                Meta {
                    id: format!("choice.{cid}.say"),
                    speaker: Speaker::Player,
                    node: Some(node_id.to_string()),
                    signal: signal.clone(),
                    note: format!("keep the signal it sends; {}", variant_note(0, wordings)),
                    field: "say",
                    owner: owner.clone(),
                },
                &mut choice.say,
            );
            for (n, line) in choice.also.iter_mut().enumerate() {
                f(
                    Meta {
                        id: format!("choice.{cid}.also.{}", n + 1),
                        speaker: Speaker::Player,
                        node: Some(node_id.to_string()),
                        signal: signal.clone(),
                        note: format!(
                            "keep the signal it sends; {}",
                            variant_note(n + 1, wordings)
                        ),
                        field: "also",
                        owner: owner.clone(),
                    },
                    line,
                );
            }
            f(
                Meta {
                    id: format!("choice.{cid}.feedback"),
                    speaker: Speaker::Debrief,
                    node: Some(node_id.to_string()),
                    signal,
                    note: "the debrief's comment on this line".into(),
                    field: "feedback",
                    owner,
                },
                &mut choice.feedback,
            );
        }
    }
    for (id, ending) in scenario.endings.iter_mut() {
        let meta = |what: String, speaker, note: String, field| Meta {
            id: format!("ending.{id}.{what}"),
            speaker,
            node: Some(id.to_string()),
            signal: None,
            note,
            field,
            owner: Owner::Ending(id.to_string()),
        };
        f(
            meta(
                "title".into(),
                Speaker::Debrief,
                "the debrief's headline for this ending".into(),
                "title",
            ),
            &mut ending.title,
        );
        let variants = ending.prospect.len();
        for (n, line) in ending.prospect.iter_mut().enumerate() {
            f(
                meta(
                    format!("line.{}", n + 1),
                    Speaker::Prospect,
                    format!("the prospect's last words; {}", variant_note(n, variants)),
                    "prospect",
                ),
                line,
            );
        }
        f(
            meta(
                "lesson".into(),
                Speaker::Debrief,
                "what the player should take away".into(),
                "lesson",
            ),
            &mut ending.lesson,
        );
    }
}

fn variant_note(n: usize, of: usize) -> String {
    if of <= 1 {
        "one wording".into()
    } else {
        format!(
            "wording {} of {of}: each call draws one, so keep them interchangeable",
            n + 1
        )
    }
}

/// Every translatable text of `scenario` (empty ones left out), in file order.
pub fn units(scenario: &Scenario) -> Vec<Unit> {
    let mut copy = scenario.clone();
    let mut out = Vec::new();
    walk(&mut copy, &mut |m, text| {
        if !text.trim().is_empty() {
            out.push(Unit {
                id: m.id,
                text: text.clone(),
                speaker: m.speaker,
                node: m.node,
                signal: m.signal,
                note: m.note,
                offset: None,
            });
        }
    });
    out
}

/// [`units`], each with where it is in `text`, the file `scenario` was parsed from.
pub fn units_located(scenario: &Scenario, text: &str) -> Vec<Unit> {
    let loc = Locator::new(text);
    let nodes_at = loc.field_after("nodes", 0).map_or(0, |r| r.start);
    let endings_at = loc.field_after("endings", 0).map_or(0, |r| r.start);
    let truths_at = loc.field_after("truths", 0).map_or(0, |r| r.start);
    let mut copy = scenario.clone();
    let mut out = Vec::new();
    walk(&mut copy, &mut |m, value| {
        if value.trim().is_empty() {
            return;
        }
        let from = match &m.owner {
            Owner::Top => 0,
            Owner::Node(id) => loc.key_after(id, nodes_at, 0).map_or(nodes_at, |r| r.start),
            Owner::Choice(node, k) => {
                let at = loc
                    .key_after(node, nodes_at, 0)
                    .map_or(nodes_at, |r| r.start);
                loc.nth_field_after("say", at, *k).map_or(at, |r| r.start)
            }
            Owner::Ending(id) => loc
                .key_after(id, endings_at, 0)
                .map_or(endings_at, |r| r.start),
            Owner::Truth(id) => loc
                .key_after(id, truths_at, 0)
                .map_or(truths_at, |r| r.start),
        };
        let offset = loc
            .string_after(value, from)
            .or_else(|| loc.field_after(m.field, from))
            .map(|r| r.start);
        out.push(Unit {
            id: m.id,
            text: value.clone(),
            speaker: m.speaker,
            node: m.node,
            signal: m.signal,
            note: m.note,
            offset,
        });
    });
    out
}

/// Replaces each text whose id `tr` knows with its translation; every other text (and every
/// id, number and link) stays as it is, so a call plays the same path whatever the language.
pub fn translate(scenario: &mut Scenario, tr: &mut dyn FnMut(&str, &str) -> Option<String>) {
    walk(scenario, &mut |m, text| {
        if text.trim().is_empty() {
            return;
        }
        if let Some(t) = tr(&m.id, text) {
            *text = t;
        }
    });
}

/// Where choices without an id of their own are in `text`: (byte offset of their `say` field,
/// the id to give it), in file order. Ids are `<node>-<k>` (the choice's place at the time),
/// made unique within the scenario.
pub fn missing_choice_ids(scenario: &Scenario, text: &str) -> Vec<(usize, String)> {
    let loc = Locator::new(text);
    let nodes_at = loc.field_after("nodes", 0).map_or(0, |r| r.start);
    let mut taken: std::collections::HashSet<String> = scenario
        .nodes
        .iter()
        .flat_map(|(_, n)| n.choices.iter().map(|c| c.id.clone()))
        .filter(|id| !id.is_empty())
        .collect();
    let mut out = Vec::new();
    for (node_id, node) in scenario.nodes.iter() {
        let at = loc
            .key_after(node_id, nodes_at, 0)
            .map_or(nodes_at, |r| r.start);
        for (k, c) in node.choices.iter().enumerate() {
            if !c.id.is_empty() {
                continue;
            }
            let Some(say) = loc.nth_field_after("say", at, k) else {
                continue;
            };
            let mut id = format!("{node_id}-{}", k + 1);
            let mut n = 2;
            while taken.contains(&id) {
                id = format!("{node_id}-{}-{n}", k + 1);
                n += 1;
            }
            taken.insert(id.clone());
            out.push((say.start, id));
        }
    }
    out
}

/// `text` with `id: "...",` written before the `say` of every choice that has none (keeping
/// the file's layout: on a line of its own when `say` starts its line); `None` when every choice
/// has an id.
pub fn with_choice_ids(scenario: &Scenario, text: &str) -> Option<String> {
    let missing = missing_choice_ids(scenario, text);
    if missing.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + missing.len() * 24);
    let mut last = 0;
    for (at, id) in missing {
        out.push_str(&text[last..at]);
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let before = &text[line_start..at];
        if before.trim().is_empty() {
            out.push_str(&format!("id: {id:?},\n{before}"));
        } else {
            out.push_str(&format!("id: {id:?}, "));
        }
        last = at;
    }
    out.push_str(&text[last..]);
    Some(out)
}
