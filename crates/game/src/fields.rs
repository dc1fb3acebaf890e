//! Text fields a screen types into (the profile, joining a hub): their values and which one
//! has the cursor, kept on the screen's root; typing, Backspace and Tab between them.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyboardInput};
use bevy::prelude::*;

use crate::GameSet;
use crate::theme::Theme;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        // Before the keys become presses: a name typed and Enter in the same frame (a quick
        // typist, a busy machine) saves the whole name, not an empty one.
        type_text
            .in_set(GameSet::Input)
            .before(crate::nav::keyboard)
            .run_if(any_with_component::<Fields>),
    );
}

/// The fields' values so far, the one with the cursor, and each one's longest length.
#[derive(Component, Debug, Default, Clone)]
pub struct Fields {
    /// What is typed in each field.
    pub values: Vec<String>,
    /// The field with the cursor.
    pub focus: usize,
    /// Most characters each field takes.
    pub max: Vec<usize>,
}

/// A field's box on screen: its place in [`Fields::values`].
#[derive(Component, Debug, Clone, Copy)]
pub struct FieldBox(pub usize);

/// A labelled field showing `value` (with a cursor when `on`), for [`Fields`] entry `n`.
pub fn field(t: &Theme, label: &str, value: &str, on: bool, n: usize) -> impl Bundle {
    let p = t.palette;
    (
        Node {
            flex_direction: FlexDirection::Column,
            row_gap: px(6),
            ..default()
        },
        children![
            t.colored(label.to_string(), 16.0, p.dim),
            (
                FieldBox(n),
                Node {
                    width: px(520),
                    padding: UiRect::all(px(12)),
                    border: UiRect::all(px(2)),
                    border_radius: BorderRadius::all(px(8)),
                    ..default()
                },
                BackgroundColor(p.panel),
                BorderColor::all(if on { p.focus } else { p.track }),
                children![(t.text(shown(value, on), 22.0), Label)],
            ),
        ],
    )
}

fn shown(value: &str, on: bool) -> String {
    if on {
        format!("{value}|")
    } else {
        value.to_string()
    }
}

/// Typing into the fields: characters, Backspace, Tab to the next field.
fn type_text(
    mut keys: MessageReader<KeyboardInput>,
    mut all: Query<&mut Fields>,
    theme: Res<Theme>,
    mut boxes: Query<(&FieldBox, &mut BorderColor, &Children)>,
    mut texts: Query<&mut Text>,
) {
    let Ok(mut f) = all.single_mut() else {
        keys.clear();
        return;
    };
    let mut changed = false;
    for k in keys.read() {
        if k.state != ButtonState::Pressed || f.values.is_empty() {
            continue;
        }
        let n = f.focus.min(f.values.len() - 1);
        match (k.key_code, &k.logical_key) {
            (KeyCode::Backspace, _) | (_, Key::Backspace) => {
                f.values[n].pop();
            }
            (KeyCode::Tab, _) | (_, Key::Tab) => f.focus = (n + 1) % f.values.len(),
            (KeyCode::Enter | KeyCode::NumpadEnter | KeyCode::Escape, _)
            | (_, Key::Enter | Key::Escape) => continue,
            _ => {
                let Some(text) = &k.text else { continue };
                let max = f.max.get(n).copied().unwrap_or(32);
                for c in text.chars().filter(|c| !c.is_control()) {
                    if f.values[n].chars().count() < max {
                        f.values[n].push(c);
                    }
                }
            }
        }
        changed = true;
    }
    if !changed {
        return;
    }
    for (b, mut border, children) in &mut boxes {
        let on = b.0 == f.focus;
        *border = BorderColor::all(if on {
            theme.palette.focus
        } else {
            theme.palette.track
        });
        let value = f.values.get(b.0).map_or("", String::as_str);
        if let Some(mut text) = children.first().and_then(|c| texts.get_mut(*c).ok()) {
            text.0 = shown(value, on);
        }
    }
}
