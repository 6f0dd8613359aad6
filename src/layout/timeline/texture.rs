//! The texture drawn over a phase's bar in the cohort rows and the legend: each phase kind its
//! own, so kinds differ by more than colour (SC 1.4.1). Built as path data inside the bar (no
//! SVG pattern, so no ids to repeat across the rows' drawings), alike in every renderer.

use crate::scene::num::push;

/// The spacing of a texture's lines and dots, in pixels.
const STEP: f64 = 6.0;

/// How a phase kind's bar is textured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Texture {
    /// No texture: a plain bar.
    Solid,
    /// Vertical lines.
    Vertical,
    /// One row of dots.
    Dots,
    /// Two rows of dots.
    DoubleDots,
    /// A line along the middle.
    Middle,
    /// Two lines, at a third and two thirds.
    TwoLines,
    /// Short ticks down from the top edge.
    Ticks,
    /// Vertical lines crossed by the middle line.
    Grid,
    /// Lines rising to the right.
    Rising,
    /// Lines falling to the right.
    Falling,
    /// Short ticks up from the bottom edge: a generalised (confidential) phase.
    Veiled,
}

impl Texture {
    /// The texture of a phase kind (`check::PHASE_KINDS`; an unknown kind is `other`).
    ///
    /// ```
    /// use foerderweg::layout::timeline::Texture;
    /// assert_eq!(Texture::of("workOpportunity"), Texture::Solid);
    /// assert_ne!(Texture::of("referral"), Texture::of("profiling"));
    /// ```
    pub fn of(kind: &str) -> Texture {
        match kind {
            "referral" => Texture::Vertical,
            "profiling" => Texture::Dots,
            "recommendation" => Texture::Middle,
            "placement" => Texture::TwoLines,
            "workOpportunity" => Texture::Solid,
            "internship" => Texture::Ticks,
            "qualification" => Texture::Grid,
            "counselling" => Texture::DoubleDots,
            "followUp" => Texture::Rising,
            "confidential" => Texture::Veiled,
            _ => Texture::Falling,
        }
    }

    /// The path of the texture inside the box at (`x`, `y`), `w` by `h`; `None` for a plain
    /// bar or a box too small for it.
    pub fn path(self, x: f64, y: f64, w: f64, h: f64) -> Option<String> {
        if self == Texture::Solid || !(w >= STEP && h >= 4.0) {
            return None;
        }
        let mut d = String::new();
        let mut seg = |x0: f64, y0: f64, x1: f64, y1: f64| {
            d.push('M');
            push(&mut d, x0);
            d.push(',');
            push(&mut d, y0);
            d.push('L');
            push(&mut d, x1);
            d.push(',');
            push(&mut d, y1);
        };
        // Columns every STEP from the left edge, kept a pixel inside the box.
        let columns = ((w - 2.0) / STEP).floor() as usize;
        let column = |k: usize| x + STEP / 2.0 + k as f64 * STEP;
        let dot = |seg: &mut dyn FnMut(f64, f64, f64, f64), cx: f64, cy: f64| {
            seg(cx - 1.0, cy, cx + 1.0, cy)
        };
        match self {
            Texture::Solid => {}
            Texture::Vertical | Texture::Grid => {
                for k in 0..columns {
                    seg(column(k), y + 1.0, column(k), y + h - 1.0);
                }
                if self == Texture::Grid {
                    seg(x + 1.0, y + h / 2.0, x + w - 1.0, y + h / 2.0);
                }
            }
            Texture::Ticks => {
                for k in 0..columns {
                    seg(column(k), y + 1.0, column(k), y + h / 2.0);
                }
            }
            Texture::Veiled => {
                for k in 0..columns {
                    seg(column(k), y + h / 2.0, column(k), y + h - 1.0);
                }
            }
            Texture::Dots => {
                for k in 0..columns {
                    dot(&mut seg, column(k), y + h / 2.0);
                }
            }
            Texture::DoubleDots => {
                for k in 0..columns {
                    dot(&mut seg, column(k), y + h / 3.0);
                    dot(&mut seg, column(k), y + 2.0 * h / 3.0);
                }
            }
            Texture::Middle => seg(x + 1.0, y + h / 2.0, x + w - 1.0, y + h / 2.0),
            Texture::TwoLines => {
                seg(x + 1.0, y + h / 3.0, x + w - 1.0, y + h / 3.0);
                seg(x + 1.0, y + 2.0 * h / 3.0, x + w - 1.0, y + 2.0 * h / 3.0);
            }
            Texture::Rising | Texture::Falling => {
                // Diagonals at 45°, clipped to the box: each runs from (a, bottom) to
                // (a + h, top) when rising, mirrored when falling.
                let mut a = x - h;
                while a < x + w {
                    let (x0, x1) = (a.max(x), (a + h).min(x + w));
                    if x1 - x0 > 0.5 {
                        let (y0, y1) = (y + h - (x0 - a), y + h - (x1 - a));
                        if self == Texture::Rising {
                            seg(x0, y0, x1, y1);
                        } else {
                            // The same line mirrored about the box's middle.
                            let m = 2.0 * x + w;
                            seg(m - x0, y0, m - x1, y1);
                        }
                    }
                    a += STEP;
                }
            }
        }
        (!d.is_empty()).then_some(d)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_its_own_texture_inside_its_bar() {
        let kinds = crate::check::PHASE_KINDS;
        let paths: std::collections::HashSet<Option<String>> = kinds
            .iter()
            .map(|k| Texture::of(k).path(10.0, 20.0, 60.0, 14.0))
            .collect();
        assert_eq!(paths.len(), kinds.len(), "one texture per kind");
        for k in kinds {
            let Some(d) = Texture::of(k).path(10.0, 20.0, 60.0, 14.0) else {
                continue;
            };
            let numbers: Vec<f64> = d
                .split(['M', 'L', ','])
                .filter(|s| !s.is_empty())
                .map(|s| s.parse().unwrap_or(f64::NAN))
                .collect();
            for xy in numbers.chunks(2) {
                assert!(
                    (10.0..=70.0).contains(&xy[0]) && (20.0..=34.0).contains(&xy[1]),
                    "{k}: {xy:?} outside the bar"
                );
            }
        }
        assert_eq!(Texture::Dots.path(0.0, 0.0, 3.0, 14.0), None, "no room");
        assert_eq!(Texture::Dots.path(0.0, 0.0, f64::NAN, 14.0), None);
    }
}
