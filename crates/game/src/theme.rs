//! Colours, text sizes and the reusable widgets every screen is built from.

use bevy::prelude::*;

/// The colours of one theme.
#[derive(Debug, Clone, Copy)]
pub struct Palette {
    /// Window background.
    pub background: Color,
    /// Panels and cards.
    pub panel: Color,
    /// A panel on a panel.
    pub panel_alt: Color,
    /// Body text.
    pub text: Color,
    /// Secondary text.
    pub dim: Color,
    /// Titles and highlights.
    pub accent: Color,
    /// The prospect's speech bubbles.
    pub prospect: Color,
    /// The player's speech bubbles.
    pub player: Color,
    /// Good news: trust up, qualified outcomes.
    pub good: Color,
    /// Caution.
    pub warn: Color,
    /// Bad news: trust down, wasted or lost.
    pub bad: Color,
    /// Button background.
    pub button: Color,
    /// Button background under the pointer.
    pub button_hover: Color,
    /// Button text.
    pub button_text: Color,
    /// Outline of the button that has keyboard focus.
    pub focus: Color,
    /// The empty part of a meter.
    pub track: Color,
}

impl Palette {
    /// The standard dark theme.
    pub const STANDARD: Palette = Palette {
        background: Color::srgb(0.07, 0.09, 0.13),
        panel: Color::srgb(0.12, 0.15, 0.21),
        panel_alt: Color::srgb(0.17, 0.21, 0.28),
        text: Color::srgb(0.92, 0.94, 0.97),
        dim: Color::srgb(0.62, 0.67, 0.75),
        accent: Color::srgb(0.45, 0.75, 1.0),
        prospect: Color::srgb(0.19, 0.23, 0.31),
        player: Color::srgb(0.13, 0.32, 0.45),
        good: Color::srgb(0.35, 0.82, 0.52),
        warn: Color::srgb(0.98, 0.76, 0.30),
        bad: Color::srgb(0.96, 0.40, 0.38),
        button: Color::srgb(0.20, 0.27, 0.38),
        button_hover: Color::srgb(0.27, 0.36, 0.50),
        button_text: Color::srgb(0.95, 0.97, 1.0),
        focus: Color::srgb(0.45, 0.75, 1.0),
        track: Color::srgb(0.22, 0.25, 0.31),
    };

    /// High contrast: black, white and saturated signal colours.
    pub const HIGH_CONTRAST: Palette = Palette {
        background: Color::BLACK,
        panel: Color::srgb(0.05, 0.05, 0.05),
        panel_alt: Color::srgb(0.12, 0.12, 0.12),
        text: Color::WHITE,
        dim: Color::srgb(0.9, 0.9, 0.9),
        accent: Color::srgb(1.0, 0.92, 0.0),
        prospect: Color::srgb(0.1, 0.1, 0.1),
        player: Color::srgb(0.0, 0.2, 0.45),
        good: Color::srgb(0.2, 1.0, 0.3),
        warn: Color::srgb(1.0, 0.85, 0.0),
        bad: Color::srgb(1.0, 0.3, 0.3),
        button: Color::BLACK,
        button_hover: Color::srgb(0.2, 0.2, 0.2),
        button_text: Color::WHITE,
        focus: Color::srgb(1.0, 0.92, 0.0),
        track: Color::srgb(0.25, 0.25, 0.25),
    };
}

/// The current look: palette and text scale. Screens rebuild when it changes.
#[derive(Resource, Debug, Clone, Copy)]
pub struct Theme {
    /// The colours.
    pub palette: Palette,
    /// Whether the high-contrast palette is on.
    pub high_contrast: bool,
    /// Text scale: 1.0, 1.25 or 1.5.
    pub scale: f32,
}

impl Default for Theme {
    fn default() -> Self {
        Theme {
            palette: Palette::STANDARD,
            high_contrast: false,
            scale: 1.0,
        }
    }
}

/// The text scales the settings offer.
pub const TEXT_SCALES: [f32; 3] = [1.0, 1.25, 1.5];

impl Theme {
    /// A font of `size` logical pixels at the current text scale.
    pub fn font(&self, size: f32) -> TextFont {
        TextFont::from_font_size(size * self.scale)
    }

    /// The next text scale in the cycle 100% -> 125% -> 150% -> 100%.
    pub fn next_scale(&mut self) {
        let i = TEXT_SCALES
            .iter()
            .position(|s| (*s - self.scale).abs() < 0.01)
            .unwrap_or(0);
        self.scale = TEXT_SCALES[(i + 1) % TEXT_SCALES.len()];
    }

    /// Switches between the standard and the high-contrast palette.
    pub fn toggle_contrast(&mut self) {
        self.high_contrast = !self.high_contrast;
        self.palette = if self.high_contrast {
            Palette::HIGH_CONTRAST
        } else {
            Palette::STANDARD
        };
    }

    /// A text span in body colour.
    pub fn text(&self, text: impl Into<String>, size: f32) -> impl Bundle {
        (
            Text::new(text),
            self.font(size),
            TextColor(self.palette.text),
        )
    }

    /// A text span in a chosen colour.
    pub fn colored(&self, text: impl Into<String>, size: f32, color: Color) -> impl Bundle {
        (Text::new(text), self.font(size), TextColor(color))
    }

    /// A screen's root: fills the window, a column with padding, the background colour.
    pub fn root(&self) -> impl Bundle {
        (
            Node {
                width: percent(100),
                height: percent(100),
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(28)),
                row_gap: px(14),
                ..default()
            },
            BackgroundColor(self.palette.background),
        )
    }

    /// A rounded panel.
    pub fn panel(&self) -> impl Bundle {
        (
            Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(16)),
                row_gap: px(8),
                border_radius: BorderRadius::all(px(10)),
                ..default()
            },
            BackgroundColor(self.palette.panel),
        )
    }

    /// A callout: a panel with a coloured bar down its left edge (lessons, better lines).
    pub fn callout(&self, background: Color, edge: Color, padding: f32) -> impl Bundle {
        (
            Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(padding)),
                row_gap: px(4),
                border_radius: BorderRadius::all(px(8)),
                border: UiRect::left(px(5)),
                ..default()
            },
            BackgroundColor(background),
            BorderColor::all(edge),
        )
    }

    /// A speech bubble on one side of the transcript.
    pub fn bubble(&self, side: AlignSelf, background: Color) -> impl Bundle {
        (
            Node {
                flex_direction: FlexDirection::Column,
                align_self: side,
                max_width: percent(82),
                padding: UiRect::all(px(12)),
                row_gap: px(4),
                border_radius: BorderRadius::all(px(10)),
                flex_shrink: 0.0,
                ..default()
            },
            BackgroundColor(background),
        )
    }

    /// A button with a label, `order`th in keyboard focus. What pressing it does is the
    /// observer of [`crate::nav::Press`] the screen puts on it.
    pub fn button(&self, label: impl Into<String>, order: usize) -> impl Bundle {
        let label = label.into();
        (
            Button,
            Focusable(order),
            Node {
                padding: UiRect::axes(px(20), px(10)),
                border: UiRect::all(px(2)),
                flex_shrink: 0.0,
                justify_content: JustifyContent::Center,
                align_items: AlignItems::Center,
                border_radius: BorderRadius::all(px(8)),
                ..default()
            },
            BackgroundColor(self.palette.button),
            BorderColor::all(self.palette.button),
            children![(
                Text::new(label),
                self.font(20.0),
                TextColor(self.palette.button_text),
            )],
        )
    }

    /// A row of buttons: side by side, and onto a second line where their words do not fit
    /// the window (a language with longer words, a larger text size) instead of running off it.
    pub fn button_row(&self) -> Node {
        Node {
            column_gap: px(12),
            row_gap: px(10),
            flex_wrap: FlexWrap::Wrap,
            flex_shrink: 0.0,
            ..default()
        }
    }

    /// The colour of a trust level: red when the call is in danger, amber, then green.
    pub fn trust_color(&self, trust: f32, hang_up_below: i32) -> Color {
        if trust < (hang_up_below + 15) as f32 {
            self.palette.bad
        } else if trust < 55.0 {
            self.palette.warn
        } else {
            self.palette.good
        }
    }
}

/// Keyboard focus order of a button on its screen (0 first).
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Focusable(pub usize);
