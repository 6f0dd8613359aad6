//! Geometry of the map: the built-in districts (decoded from the `FWG1` asset), a host's own
//! GeoJSON, the projection, dissolved region outlines and SVG path strings. Pure Rust: no
//! browser types, compiled and tested natively.
//!
//! Coordinates are whole micro-degrees (`[lon, lat]` × 10⁶) so that a border shared by two
//! districts has exactly the same points on both sides, which dissolving relies on.

pub mod codec;
pub mod dissolve;
pub mod geojson;
pub mod path;
pub mod projection;

use std::collections::HashMap;
use std::hash::Hasher;

/// A multiply-rotate hasher for integer points (the one rustc uses for its own tables): the
/// default SipHash took a third of a map's layout time. Keys are coordinates of the geometry
/// the host chose to draw, so resistance to crafted collisions buys nothing here.
#[derive(Default)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_i32(&mut self, n: i32) {
        self.write_u64(u64::from(n as u32));
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Micro-degrees per degree.
pub const MICRO: f64 = 1_000_000.0;

/// `[lon, lat]` in micro-degrees.
pub type Point = [i32; 2];

/// One polygon: the outer ring first, then its holes. Every ring is closed (first point ==
/// last point).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Polygon {
    /// Rings of points.
    pub rings: Vec<Vec<Point>>,
}

/// A district, municipality or host-defined area.
#[derive(Clone, Debug, PartialEq)]
pub struct Shape {
    /// Official key (5-digit district key, 8-digit AGS) or the host's id.
    pub key: String,
    /// Name (`Stendal`).
    pub name: String,
    /// What it is (`Landkreis`, `Kreisfreie Stadt`, `Gemeinde`…), as the source says.
    pub kind: String,
    /// Its polygons.
    pub polygons: Vec<Polygon>,
}

impl Shape {
    /// The bounding box in micro-degrees, `None` for a shape without points.
    pub fn bbox(&self) -> Option<BBox> {
        BBox::of(self.polygons.iter().flat_map(|p| p.rings.iter().flatten()))
    }

    /// Every point of every ring.
    pub fn points(&self) -> impl Iterator<Item = &Point> {
        self.polygons.iter().flat_map(|p| p.rings.iter().flatten())
    }

    /// Whether `p` lies inside the shape (even-odd over all rings, so holes are outside).
    pub fn contains(&self, p: Point) -> bool {
        self.polygons
            .iter()
            .flat_map(|poly| poly.rings.iter())
            .filter(|ring| ring_contains(ring, p))
            .count()
            % 2
            == 1
    }
}

/// An axis-aligned box `[min_x, min_y, max_x, max_y]` in the units of its points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BBox(pub [f64; 4]);

impl BBox {
    /// The box around `points`, `None` when there are none.
    pub fn of<'a>(points: impl IntoIterator<Item = &'a Point>) -> Option<BBox> {
        let mut b: Option<[f64; 4]> = None;
        for p in points {
            let (x, y) = (f64::from(p[0]), f64::from(p[1]));
            b = Some(match b {
                None => [x, y, x, y],
                Some([a, c, d, e]) => [a.min(x), c.min(y), d.max(x), e.max(y)],
            });
        }
        b.map(BBox)
    }

    /// The box around both.
    pub fn union(self, other: BBox) -> BBox {
        let (a, b) = (self.0, other.0);
        BBox([
            a[0].min(b[0]),
            a[1].min(b[1]),
            a[2].max(b[2]),
            a[3].max(b[3]),
        ])
    }

    /// Whether the two boxes overlap (touching counts).
    pub fn intersects(self, other: BBox) -> bool {
        let (a, b) = (self.0, other.0);
        a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
    }

    /// Width and height.
    pub fn size(self) -> (f64, f64) {
        (self.0[2] - self.0[0], self.0[3] - self.0[1])
    }
}

/// Even-odd test of `p` against one closed ring.
pub fn ring_contains(ring: &[Point], p: Point) -> bool {
    let (px, py) = (f64::from(p[0]), f64::from(p[1]));
    let mut inside = false;
    for w in ring.windows(2) {
        let (ax, ay) = (f64::from(w[0][0]), f64::from(w[0][1]));
        let (bx, by) = (f64::from(w[1][0]), f64::from(w[1][1]));
        if (ay > py) != (by > py) && px < (bx - ax) * (py - ay) / (by - ay) + ax {
            inside = !inside;
        }
    }
    inside
}

/// Twice the signed area of a closed ring (positive when counter-clockwise in lon/lat).
pub fn ring_area2(ring: &[Point]) -> f64 {
    ring.windows(2)
        .map(|w| f64::from(w[0][0]) * f64::from(w[1][1]) - f64::from(w[1][0]) * f64::from(w[0][1]))
        .sum()
}

/// The Länder by their 2-digit key (the first two digits of every district key).
pub const LAENDER: [(&str, &str); 16] = [
    ("01", "Schleswig-Holstein"),
    ("02", "Hamburg"),
    ("03", "Niedersachsen"),
    ("04", "Bremen"),
    ("05", "Nordrhein-Westfalen"),
    ("06", "Hessen"),
    ("07", "Rheinland-Pfalz"),
    ("08", "Baden-Württemberg"),
    ("09", "Bayern"),
    ("10", "Saarland"),
    ("11", "Berlin"),
    ("12", "Brandenburg"),
    ("13", "Mecklenburg-Vorpommern"),
    ("14", "Sachsen"),
    ("15", "Sachsen-Anhalt"),
    ("16", "Thüringen"),
];

/// The name of the Land with the 2-digit key `key`.
pub fn land_name(key: &str) -> Option<&'static str> {
    LAENDER.iter().find(|(k, _)| *k == key).map(|(_, n)| *n)
}

/// What a key in a document names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Key {
    /// A Land, 2 digits.
    Land(String),
    /// A district, 5 digits (also from a 12-digit ARS ending in seven zeros).
    District(String),
    /// A municipality, 8-digit AGS (also from any other 12-digit ARS).
    Municipality(String),
    /// Anything else: a host's own id (with its own geometry) or a typo.
    Other(String),
}

impl Key {
    /// Reads an official key: 2, 5, 8 or 12 digits, spaces around it trimmed. A key one digit
    /// short (1, 4, 7 or 11 digits) lost the leading zero of the Länder 01 to 09 in a
    /// spreadsheet that stored it as a number, and gets it back.
    ///
    /// ```
    /// use foerderweg::geo::Key;
    /// assert_eq!(Key::parse("15090"), Key::District("15090".into()));
    /// assert_eq!(Key::parse("150900000000"), Key::District("15090".into()));
    /// assert_eq!(Key::parse("145220000140"), Key::Municipality("14522140".into()));
    /// assert_eq!(Key::parse(" 14 "), Key::Land("14".into()));
    /// assert_eq!(Key::parse("9162"), Key::District("09162".into()));
    /// assert_eq!(Key::parse("1001000"), Key::Municipality("01001000".into()));
    /// ```
    pub fn parse(raw: &str) -> Key {
        let trimmed = raw.trim();
        if trimmed.is_empty() || !trimmed.bytes().all(|b| b.is_ascii_digit()) {
            return Key::Other(trimmed.to_string());
        }
        let padded;
        let key = if matches!(trimmed.len(), 1 | 4 | 7 | 11) {
            padded = format!("0{trimmed}");
            padded.as_str()
        } else {
            trimmed
        };
        match key.len() {
            2 => Key::Land(key.to_string()),
            5 => Key::District(key.to_string()),
            8 => Key::Municipality(key.to_string()),
            12 if key.ends_with("0000000") => Key::District(key[..5].to_string()),
            12 => Key::Municipality(format!("{}{}", &key[..5], &key[9..])),
            _ => Key::Other(key.to_string()),
        }
    }
}

impl Key {
    /// The key as the map matches it against area keys (trimmed; an ARS in its 5- or 8-digit
    /// form).
    pub fn as_str(&self) -> &str {
        match self {
            Key::Land(k) | Key::District(k) | Key::Municipality(k) | Key::Other(k) => k,
        }
    }
}

/// What a figure (`values[].key`) of a map stands for.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// A programme region, by its id (trimmed).
    Region(String),
    /// A whole Land of the built-in geometry (2 digits): it names no district, so its figure
    /// cannot be drawn on one.
    Land(String),
    /// An area: a district (5 digits), a municipality (8-digit AGS) or a host's area, in the
    /// form the geometry keys it.
    Area(String),
}

/// Reads the key of a map's figure the one way every part of the map reads it (check, layout,
/// table view, CSV, tooltip, audit): a region id first (ids and keys trimmed); then, with the
/// built-in geometry, an official key as [`Key::parse`] reads it (spaces trimmed, a 12-digit ARS
/// to its district or municipality key); a host's key trimmed.
///
/// ```
/// # fn main() -> Result<(), serde_json::Error> {
/// use foerderweg::geo::{Target, figure_target};
/// let doc: foerderweg::model::regions::MapDoc = serde_json::from_str(
///     r#"{"schema":"foerderweg/map@1","regions":[{"id":"nord","label":"N","districts":[]}]}"#,
/// )?;
/// assert_eq!(figure_target(&doc, " nord"), Target::Region("nord".into()));
/// assert_eq!(figure_target(&doc, "150900000000"), Target::Area("15090".into()));
/// assert_eq!(figure_target(&doc, " 15090 "), Target::Area("15090".into()));
/// assert_eq!(figure_target(&doc, "150900070070"), Target::Area("15090070".into()));
/// assert_eq!(figure_target(&doc, "15"), Target::Land("15".into()));
/// assert_eq!(figure_target(&doc, "99"), Target::Area("99".into()));
/// # Ok(())
/// # }
/// ```
pub fn figure_target(doc: &crate::model::regions::MapDoc, raw: &str) -> Target {
    let trimmed = raw.trim();
    if let Some(r) = doc.regions.iter().find(|r| r.id.trim() == trimmed) {
        return Target::Region(r.id.trim().to_string());
    }
    if doc.geometry.is_some() {
        return Target::Area(trimmed.to_string());
    }
    match Key::parse(raw) {
        Key::Land(k) if land_name(&k).is_some() => Target::Land(k),
        key => Target::Area(key.as_str().to_string()),
    }
}

/// A set of shapes with their source notice.
#[derive(Clone, Debug, Default)]
pub struct Atlas {
    /// The shapes, sorted by key.
    pub shapes: Vec<Shape>,
    /// The notice the map must show (`© GeoBasis-DE / BKG 2016, Daten verändert`).
    pub attribution: String,
    /// The licence of the geometry.
    pub licence: String,
    index: HashMap<String, usize>,
}

impl Atlas {
    /// An atlas of `shapes`; a later shape with the same key replaces an earlier one.
    pub fn new(shapes: Vec<Shape>, attribution: String, licence: String) -> Atlas {
        let mut shapes = shapes;
        crate::order::sort_by(&mut shapes, |a, b| a.key.cmp(&b.key));
        shapes.dedup_by(|later, earlier| {
            let same = later.key == earlier.key;
            if same {
                std::mem::swap(later, earlier);
            }
            same
        });
        let index = shapes
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key.clone(), i))
            .collect();
        Atlas {
            shapes,
            attribution,
            licence,
            index,
        }
    }

    /// The shape with `key`.
    pub fn get(&self, key: &str) -> Option<&Shape> {
        self.index.get(key).and_then(|&i| self.shapes.get(i))
    }

    /// The shapes whose key starts with `prefix` (a Land's or district's key).
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = &'a Shape> + 'a {
        let start = self.shapes.partition_point(|s| s.key.as_str() < prefix);
        self.shapes[start..]
            .iter()
            .take_while(move |s| s.key.starts_with(prefix))
    }
}
