//! Port of engines/legacy-js/animation.ts: animations of x, y and opacity, advanced by `tick`.
#![deny(unsafe_code)]

use crate::node::SceneNode;
use crate::number::clamp_unit;
use crate::protocol::{Easing, PropCode};
use crate::scene::Scene;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Animation {
    pub node_id: u32,
    pub prop: PropCode,
    pub from: f64,
    pub to: f64,
    pub duration: f64,
    pub easing: Easing,
    pub elapsed: f64,
    /// quirk anim-time-accumulation off: elapsed and duration in integer microseconds.
    pub elapsed_us: u64,
    pub duration_us: u64,
}

/// Easing curves as plain polynomials (no libm, identical in V8 and Rust).
pub fn ease(easing: Easing, t: f64) -> f64 {
    match easing {
        Easing::EaseIn => t * t,
        Easing::EaseOut => t * (2.0 - t),
        Easing::EaseInOut => {
            if t < 0.5 {
                2.0 * t * t
            } else {
                -1.0 + (4.0 - 2.0 * t) * t
            }
        }
        Easing::Linear => t,
    }
}

pub fn read_animated(node: &SceneNode, prop: PropCode) -> f64 {
    match prop {
        PropCode::X => node.x,
        PropCode::Y => node.y,
        _ => node.opacity,
    }
}

/// Writes an animated value; opacity is clamped to 0..1 like `set`.
pub fn write_animated(node: &mut SceneNode, prop: PropCode, value: f64) {
    match prop {
        PropCode::X => node.x = value,
        PropCode::Y => node.y = value,
        _ => node.opacity = clamp_unit(value),
    }
}

/// Milliseconds to whole microseconds (saturating; ms is finite and >= 0).
fn to_micros(ms: f64) -> u64 {
    (ms * 1000.0).round() as u64
}

#[derive(Default)]
pub struct Animator {
    /// Running animations in creation order.
    running: Vec<Animation>,
}

impl Animator {
    pub fn clear(&mut self) {
        self.running.clear();
    }

    /// Starts an animation from the current value; replaces one on the same node and prop.
    pub fn start(&mut self, node: &SceneNode, prop: PropCode, to: f64, duration: f64, easing: Easing) {
        // 1. drop_replaced (the new one goes to the end: it is the newest)
        self.running.retain(|a| !(a.node_id == node.id && a.prop == prop));
        // 2. append
        self.running.push(Animation {
            node_id: node.id,
            prop,
            from: read_animated(node, prop),
            to,
            duration,
            easing,
            elapsed: 0.0,
            elapsed_us: 0,
            duration_us: to_micros(duration),
        });
    }

    /// Cancels every animation of a node (destroy).
    pub fn cancel_node(&mut self, node_id: u32) {
        self.running.retain(|a| a.node_id != node_id);
    }

    /// Advances every animation by ms, in creation order; calls `ended` for each one that
    /// finished (animations of destroyed nodes are dropped).
    pub fn tick(&mut self, ms: f64, scene: &mut Scene, time_accumulation: bool, mut ended: impl FnMut(u32, PropCode)) {
        let ms_us = to_micros(ms);
        self.running.retain_mut(|a| {
            let node = match scene.by_id_mut(a.node_id) {
                Some(n) => n,
                None => return false,
            };
            // 1. accumulate_time
            // quirk anim-time-accumulation: elapsed is a float sum (60 ticks of 1000/60 make
            // 999.9999999999991). Off: integer microseconds.
            let (done, t) = if time_accumulation {
                a.elapsed += ms;
                (a.elapsed >= a.duration, a.elapsed / a.duration)
            } else {
                a.elapsed_us = a.elapsed_us.saturating_add(ms_us);
                (a.elapsed_us >= a.duration_us, a.elapsed_us as f64 / a.duration_us as f64)
            };
            // 2. finish_or_interpolate
            if done {
                write_animated(node, a.prop, a.to);
                ended(a.node_id, a.prop);
                false
            } else {
                write_animated(node, a.prop, a.from + (a.to - a.from) * ease(a.easing, t));
                true
            }
        });
    }
}
