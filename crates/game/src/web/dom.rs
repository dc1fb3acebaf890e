//! The screen mirrored into the page's DOM, because AccessKit has no web adapter yet: each
//! screen's words as text (new lines, such as the prospect's answers, announced through an
//! `aria-live` log) and its buttons as real buttons; activating one presses the game's button,
//! as its number key or a click on the canvas does. `web/start.js` draws what it is handed.

use std::cell::RefCell;

use bevy::prelude::*;
use serde_json::json;
use wasm_bindgen::prelude::*;

use crate::Screen;
use crate::nav::Press;

#[wasm_bindgen]
extern "C" {
    /// Draws the mirror (`web/start.js`): `{screen, texts, buttons: [{id, label, rect}]}` as
    /// JSON, `rect` being `[x, y, width, height]` on the canvas in CSS pixels.
    #[wasm_bindgen(js_namespace = peercall, js_name = mirror)]
    fn hand_mirror(json: &str);
}

thread_local! {
    /// Buttons pressed in the page since the last frame.
    static PRESSED: RefCell<Vec<Entity>> = const { RefCell::new(Vec::new()) };
    /// Wakes the game's event loop (it rests until something happens on the canvas).
    static WAKE: RefCell<Option<Box<dyn Fn()>>> = const { RefCell::new(None) };
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, keep_waker)
        .add_systems(PreUpdate, press_pressed)
        .add_systems(
            PostUpdate,
            mirror
                .run_if(screen_changed)
                .after(bevy::ui::UiSystems::PostLayout),
        );
}

/// Presses the game's button `id` (a page button's `data-id`): called by the page.
#[wasm_bindgen]
pub fn press(id: &str) -> bool {
    let Some(entity) = id.parse::<u64>().ok().and_then(Entity::try_from_bits) else {
        return false;
    };
    PRESSED.with(|p| p.borrow_mut().push(entity));
    WAKE.with(|w| {
        if let Some(wake) = w.borrow().as_ref() {
            wake();
        }
    });
    true
}

fn keep_waker(proxy: Option<Res<bevy::winit::EventLoopProxyWrapper>>) {
    let Some(proxy) = proxy else { return };
    let proxy = (**proxy).clone();
    WAKE.with(|w| {
        *w.borrow_mut() = Some(Box::new(move || {
            let _ = proxy.send_event(bevy::winit::WinitUserEvent::WakeUp);
        }));
    });
}

/// The page's presses, as the game's own (a button that is gone by now is ignored).
fn press_pressed(mut commands: Commands, buttons: Query<(), With<Button>>) {
    let pressed = PRESSED.with(|p| std::mem::take(&mut *p.borrow_mut()));
    for entity in pressed {
        if buttons.contains(entity) {
            commands.trigger(Press { entity });
        }
    }
}

/// What one UI node shows, read for the mirror.
type NodeParts<'a> = (
    Option<&'a Text>,
    Option<&'a Children>,
    Option<&'a Node>,
    Option<&'a Visibility>,
    Has<Button>,
    Option<(&'a ComputedNode, &'a UiGlobalTransform)>,
);

/// Whether anything the mirror shows may have changed this frame (most frames change nothing).
fn screen_changed(
    changed: Query<
        (),
        Or<(
            Changed<Text>,
            Changed<TextSpan>,
            Changed<Node>,
            Changed<ComputedNode>,
            Changed<Visibility>,
        )>,
    >,
    mut removed: RemovedComponents<Node>,
) -> bool {
    // Read every removal, so that none is seen again next frame.
    let gone = removed.read().count() > 0;
    gone || !changed.is_empty()
}

/// Hands the page the screen's words and buttons whenever they changed.
fn mirror(
    screen: Res<State<Screen>>,
    roots: Query<Entity, (With<Node>, Without<ChildOf>)>,
    nodes: Query<NodeParts>,
    spans: Query<&TextSpan>,
    mut last: Local<String>,
) {
    let mut texts = Vec::new();
    let mut buttons = Vec::new();
    for root in &roots {
        walk(root, &nodes, &spans, &mut texts, &mut buttons);
    }
    let now = json!({
        "screen": format!("{:?}", screen.get()),
        "texts": texts,
        "buttons": buttons,
    })
    .to_string();
    if *last != now {
        hand_mirror(&now);
        *last = now;
    }
}

/// Reads `e` and what is under it, in the order it is drawn: texts outside buttons, and each
/// button with its label.
fn walk(
    e: Entity,
    nodes: &Query<NodeParts>,
    spans: &Query<&TextSpan>,
    texts: &mut Vec<String>,
    buttons: &mut Vec<serde_json::Value>,
) {
    let Ok((text, children, node, visibility, button, laid_out)) = nodes.get(e) else {
        return;
    };
    if node.is_some_and(|n| n.display == Display::None) || visibility == Some(&Visibility::Hidden) {
        return;
    }
    if button {
        let mut label = Vec::new();
        walk_texts(e, nodes, spans, &mut label);
        // Where it is drawn, in the page's CSS pixels: a tap there answers as the button does.
        let rect = laid_out.map(|(computed, at)| {
            let scale = computed.inverse_scale_factor();
            let corner = (at.translation - computed.size() / 2.0) * scale;
            let size = computed.size() * scale;
            [corner.x, corner.y, size.x, size.y].map(|v| v.round())
        });
        buttons.push(json!({
            "id": e.to_bits().to_string(),
            "label": label.join(" "),
            "rect": rect,
        }));
        return;
    }
    texts.extend(line(text, children, spans));
    for child in children.into_iter().flatten() {
        walk(*child, nodes, spans, texts, buttons);
    }
}

/// Every text under `e` (a button's label).
fn walk_texts(
    e: Entity,
    nodes: &Query<NodeParts>,
    spans: &Query<&TextSpan>,
    out: &mut Vec<String>,
) {
    let Ok((text, children, ..)) = nodes.get(e) else {
        return;
    };
    out.extend(line(text, children, spans));
    for child in children.into_iter().flatten() {
        walk_texts(*child, nodes, spans, out);
    }
}

/// A text node's words with its spans, unless blank.
fn line(
    text: Option<&Text>,
    children: Option<&Children>,
    spans: &Query<&TextSpan>,
) -> Option<String> {
    let mut line = text?.0.clone();
    for child in children.into_iter().flatten() {
        if let Ok(span) = spans.get(*child) {
            line.push_str(&span.0);
        }
    }
    (!line.trim().is_empty()).then_some(line)
}
