//! Lambert conformal conic projection for Germany and fitting it to a view.
//!
//! The parameters are those of the common German LCC (standard parallels 48°40′ N and
//! 53°40′ N, central meridian 10°30′ E), on a sphere: conformal, so districts keep their shape,
//! and at map scale the ellipsoid makes no visible difference.

use super::{BBox, MICRO, Point};

/// A conic projection (unit sphere; `x` east, `y` north).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Conic {
    n: f64,
    f: f64,
    rho0: f64,
    lon0: f64,
}

impl Conic {
    /// The projection for Germany.
    pub fn germany() -> Conic {
        Conic::new(48.0 + 40.0 / 60.0, 53.0 + 40.0 / 60.0, 10.5, 51.0)
    }

    /// A Lambert conformal conic with standard parallels `lat1`, `lat2`, central meridian `lon0`
    /// and latitude of origin `lat0`, all in degrees.
    pub fn new(lat1: f64, lat2: f64, lon0: f64, lat0: f64) -> Conic {
        let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
        let t = |p: f64| (std::f64::consts::FRAC_PI_4 + p / 2.0).tan();
        let n = if (p1 - p2).abs() < 1e-9 {
            p1.sin()
        } else {
            (p1.cos() / p2.cos()).ln() / (t(p2) / t(p1)).ln()
        };
        let f = p1.cos() * t(p1).powf(n) / n;
        let rho0 = f / t(lat0.to_radians()).powf(n);
        Conic {
            n,
            f,
            rho0,
            lon0: lon0.to_radians(),
        }
    }

    /// Projects longitude and latitude in degrees.
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        // Keep away from the pole the cone cannot reach.
        let lat = lat.clamp(-89.9, 89.9).to_radians();
        let rho = self.f / (std::f64::consts::FRAC_PI_4 + lat / 2.0).tan().powf(self.n);
        let theta = self.n * (lon.to_radians() - self.lon0);
        (rho * theta.sin(), self.rho0 - rho * theta.cos())
    }

    /// Projects a point in micro-degrees.
    pub fn point(&self, p: Point) -> (f64, f64) {
        self.project(f64::from(p[0]) / MICRO, f64::from(p[1]) / MICRO)
    }
}

/// Maps projected coordinates into a view box: `x` right, `y` down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    /// Units of the view per unit of the projection.
    pub scale: f64,
    /// Projected `x` of the view's left edge.
    pub x0: f64,
    /// Projected `y` of the view's top edge.
    pub y0: f64,
    /// Width of the view.
    pub width: f64,
    /// Height of the view.
    pub height: f64,
}

impl Fit {
    /// Fits the projected box `b` into a view `width` wide with `pad` around it; the height
    /// follows the box's shape, at most `max_height`. The box is centred.
    ///
    /// ```
    /// use foerderweg::geo::projection::Fit;
    /// let fit = Fit::new([0.0, 0.0, 2.0, 1.0], 220.0, 1000.0, 10.0);
    /// assert_eq!((fit.width, fit.height), (220.0, 120.0));
    /// let round = |(x, y): (f64, f64)| (x.round(), y.round());
    /// assert_eq!(round(fit.apply((0.0, 1.0))), (10.0, 10.0));
    /// assert_eq!(round(fit.apply((2.0, 0.0))), (210.0, 110.0));
    /// ```
    pub fn new(b: [f64; 4], width: f64, max_height: f64, pad: f64) -> Fit {
        let width = if width.is_finite() {
            width.max(1.0)
        } else {
            1.0
        };
        let max_height = if max_height.is_finite() {
            max_height.max(1.0)
        } else {
            width
        };
        let pad = pad.clamp(0.0, width / 4.0);
        let bw = (b[2] - b[0]).max(1e-12);
        let bh = (b[3] - b[1]).max(1e-12);
        let inner_w = (width - 2.0 * pad).max(1.0);
        let mut scale = inner_w / bw;
        let mut height = bh * scale + 2.0 * pad;
        if height > max_height {
            height = max_height;
            scale = (max_height - 2.0 * pad).max(1.0) / bh;
        }
        let x0 = (b[0] + b[2]) / 2.0 - width / 2.0 / scale;
        let y0 = (b[1] + b[3]) / 2.0 + height / 2.0 / scale;
        Fit {
            scale,
            x0,
            y0,
            width,
            height,
        }
    }

    /// A projected point in view units.
    pub fn apply(&self, (x, y): (f64, f64)) -> (f64, f64) {
        ((x - self.x0) * self.scale, (self.y0 - y) * self.scale)
    }

    /// A projected box in view units, `[left, top, right, bottom]`.
    pub fn apply_box(&self, b: [f64; 4]) -> [f64; 4] {
        let (l, t) = self.apply((b[0], b[3]));
        let (r, bo) = self.apply((b[2], b[1]));
        [l, t, r, bo]
    }
}

/// The box in micro-degrees as a [`BBox`] in projected units.
pub fn projected(conic: &Conic, b: BBox) -> [f64; 4] {
    let [x0, y0, x1, y1] = b.0;
    let corners = [
        (x0, y0),
        (x0, y1),
        (x1, y0),
        (x1, y1),
        ((x0 + x1) / 2.0, y1),
    ];
    let mut out = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
    for (x, y) in corners {
        let (px, py) = conic.project(x / MICRO, y / MICRO);
        out = [
            out[0].min(px),
            out[1].min(py),
            out[2].max(px),
            out[3].max(py),
        ];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conformal_near_the_standard_parallels() {
        let c = Conic::germany();
        // At 51° N, a small step east and a small step north should be equally long
        // (scaled by cos(lat) for the east step): the definition of conformal.
        let (x0, y0) = c.project(10.5, 51.0);
        let (x1, _) = c.project(10.51, 51.0);
        let (_, y2) = c.project(10.5, 51.01);
        let east = (x1 - x0) / 51f64.to_radians().cos();
        let north = y2 - y0;
        assert!((east / north - 1.0).abs() < 1e-3, "{east} {north}");
        // The origin is the centre; north is up, east is right.
        assert!(x0.abs() < 1e-12 && y0.abs() < 1e-12);
        assert!(c.project(13.7, 51.0).0 > 0.0 && c.project(10.5, 54.0).1 > 0.0);
        // Meridians converge northwards (a cone, not plate carrée).
        let north_width = c.project(14.0, 54.0).0 - c.project(7.0, 54.0).0;
        let south_width = c.project(14.0, 48.0).0 - c.project(7.0, 48.0).0;
        assert!(north_width < south_width);
    }

    #[test]
    fn fitting_keeps_the_box_inside_the_view() {
        let c = Conic::germany();
        let b = [c.project(11.8, 50.1).0, c.project(11.8, 50.1).1, 0.0, 0.0];
        let b = [b[0], b[1], c.project(15.1, 51.7).0, c.project(15.1, 51.7).1];
        let fit = Fit::new(b, 600.0, 2000.0, 12.0);
        let [l, t, r, bo] = fit.apply_box(b);
        assert!((l - 12.0).abs() < 1e-9 && (r - 588.0).abs() < 1e-9);
        assert!((t - 12.0).abs() < 1e-9 && (bo - (fit.height - 12.0)).abs() < 1e-9);
        // A tall limit: the box is centred horizontally and fits the height.
        let fit = Fit::new(b, 600.0, 200.0, 10.0);
        let [l, t, r, bo] = fit.apply_box(b);
        assert_eq!(fit.height, 200.0);
        assert!((t - 10.0).abs() < 1e-9 && (bo - 190.0).abs() < 1e-9);
        assert!(((l + r) / 2.0 - 300.0).abs() < 1e-9);
        // Degenerate input does not produce NaN.
        let fit = Fit::new([1.0, 1.0, 1.0, 1.0], f64::NAN, f64::INFINITY, -3.0);
        assert!(fit.scale.is_finite() && fit.height.is_finite());
    }
}
