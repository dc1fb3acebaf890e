//! Timing report for measurements (`PEERCALL_TIMING=1`): when the first frame was drawn, and
//! frame times while the trust meter animates, printed to standard error.

use peercall_core::clock::Instant;

use bevy::diagnostic::FrameCount;
use bevy::prelude::*;

use super::screens::call::MeterAnim;

/// When the process started (set before the app is built).
#[derive(Resource, Debug, Clone, Copy)]
pub struct Launched(pub Instant);

#[derive(Resource, Debug, Default)]
struct FrameTimes {
    animating: Vec<f32>,
    reported_first: bool,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<FrameTimes>()
        .add_systems(Last, (first_frame, meter_frames));
}

fn first_frame(
    frames: Res<FrameCount>,
    launched: Res<Launched>,
    mut times: ResMut<FrameTimes>,
    mut redraw: MessageWriter<bevy::window::RequestRedraw>,
) {
    // With pipelined rendering, frame 1 has been drawn by the time frame 3 updates; ask for
    // those frames even though the game is waiting for input.
    if !times.reported_first && frames.0 < 3 {
        redraw.write(bevy::window::RequestRedraw);
    }
    if !times.reported_first && frames.0 >= 3 {
        times.reported_first = true;
        eprintln!(
            "timing: first frame drawn by {} ms after launch",
            launched.0.elapsed().as_millis()
        );
    }
}

/// Frame times while the meter moves, by the wall clock. (`Time`'s delta is not used: with
/// pipelined rendering it is taken from the render world, so the first frames after the game
/// has rested report the whole rest as one frame although they were drawn at the frame rate.)
fn meter_frames(
    anim: Query<&MeterAnim>,
    mut times: ResMut<FrameTimes>,
    mut last: Local<Option<Instant>>,
) {
    let now = Instant::now();
    if anim.iter().any(|a| (a.target - a.shown).abs() > 0.05) {
        if let Some(then) = *last {
            times.animating.push((now - then).as_secs_f32() * 1000.0);
        }
        *last = Some(now);
    } else {
        *last = None;
        if !times.animating.is_empty() {
            let n = times.animating.len();
            let mean = times.animating.iter().sum::<f32>() / n as f32;
            let max = times.animating.iter().cloned().fold(0.0, f32::max);
            eprintln!("timing: meter animation {n} frames, mean {mean:.1} ms, max {max:.1} ms");
            times.animating.clear();
        }
    }
}
