//! The `FWG1` encoding of shapes (written by `scripts/geometry.mjs`, described in
//! `assets/geo/README.md`): a string table, shared arcs of delta-coded, quantised points, and
//! features whose rings are lists of arc references. Borders between two districts are stored
//! once. Decoding never panics and never allocates more than the input can describe.

use super::{Atlas, Point, Polygon, Shape};

/// Why an asset could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The file does not start with `FWG1`.
    NotAnAsset,
    /// The file ends inside a record; the byte offset.
    Truncated(usize),
    /// A number that does not fit; the byte offset.
    Overflow(usize),
    /// A string that is not UTF-8; its index in the table.
    BadText(usize),
    /// A reference to a string or arc that does not exist; what referred.
    BadReference(&'static str),
    /// A ring that is not closed or has fewer than four points; the feature's key.
    BadRing(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotAnAsset => write!(f, "not a foerderweg geometry file"),
            DecodeError::Truncated(at) => write!(f, "file ends early (byte {at})"),
            DecodeError::Overflow(at) => write!(f, "number too large (byte {at})"),
            DecodeError::BadText(i) => write!(f, "string {i} is not UTF-8"),
            DecodeError::BadReference(what) => write!(f, "{what} refers to nothing"),
            DecodeError::BadRing(key) => write!(f, "a ring of {key} is not closed"),
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn uv(&mut self) -> Result<u64, DecodeError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let byte = *self
                .bytes
                .get(self.at)
                .ok_or(DecodeError::Truncated(self.at))?;
            self.at += 1;
            let bits = u64::from(byte & 0x7f);
            if shift == 63 && bits > 1 {
                return Err(DecodeError::Overflow(self.at));
            }
            value |= bits << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(DecodeError::Overflow(self.at))
    }

    /// A count of records that each take at least one byte: never more than what is left.
    fn count(&mut self) -> Result<usize, DecodeError> {
        let n = self.uv()?;
        let left = (self.bytes.len() - self.at.min(self.bytes.len())) as u64;
        if n > left {
            return Err(DecodeError::Truncated(self.at));
        }
        Ok(n as usize)
    }

    fn sv(&mut self) -> Result<i64, DecodeError> {
        let u = self.uv()?;
        Ok(((u >> 1) as i64) ^ -((u & 1) as i64))
    }

    fn index(&mut self, len: usize, what: &'static str) -> Result<usize, DecodeError> {
        let i = self.uv()?;
        if i >= len as u64 {
            return Err(DecodeError::BadReference(what));
        }
        Ok(i as usize)
    }

    fn bytes(&mut self, n: usize) -> Result<&[u8], DecodeError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(DecodeError::Truncated(self.at))?;
        let slice = &self.bytes[self.at..end];
        self.at = end;
        Ok(slice)
    }
}

/// Decodes an `FWG1` asset into an [`Atlas`].
pub fn decode(bytes: &[u8]) -> Result<Atlas, DecodeError> {
    let mut r = Reader { bytes, at: 0 };
    if r.bytes(4).ok() != Some(b"FWG1".as_slice()) {
        return Err(DecodeError::NotAnAsset);
    }
    let unit = r.uv()?;
    if unit == 0 || unit > 1_000_000 || 1_000_000 % unit != 0 {
        return Err(DecodeError::Overflow(r.at));
    }
    let factor = (1_000_000 / unit) as i64;

    let n_strings = r.count()?;
    let mut strings = Vec::with_capacity(n_strings);
    for i in 0..n_strings {
        let len = r.count()?;
        let text = std::str::from_utf8(r.bytes(len)?).map_err(|_| DecodeError::BadText(i))?;
        strings.push(text.to_string());
    }
    let text = |r: &mut Reader, what| -> Result<String, DecodeError> {
        let i = r.index(strings.len(), what)?;
        Ok(strings.get(i).cloned().unwrap_or_default())
    };
    let attribution = text(&mut r, "attribution")?;
    let licence = text(&mut r, "licence")?;

    let n_arcs = r.count()?;
    let mut arcs: Vec<Vec<Point>> = Vec::with_capacity(n_arcs);
    let (mut x, mut y) = (0i64, 0i64);
    for _ in 0..n_arcs {
        let n = r.count()?;
        let mut arc = Vec::with_capacity(n);
        for _ in 0..n {
            x = x.checked_add(r.sv()?).ok_or(DecodeError::Overflow(r.at))?;
            y = y.checked_add(r.sv()?).ok_or(DecodeError::Overflow(r.at))?;
            arc.push(micro(x, y, factor).ok_or(DecodeError::Overflow(r.at))?);
        }
        arcs.push(arc);
    }

    let n_features = r.count()?;
    let mut shapes = Vec::with_capacity(n_features);
    for _ in 0..n_features {
        let key = text(&mut r, "feature key")?;
        let name = text(&mut r, "feature name")?;
        let kind = text(&mut r, "feature kind")?;
        let n_polygons = r.count()?;
        let mut polygons = Vec::with_capacity(n_polygons);
        for _ in 0..n_polygons {
            let n_rings = r.count()?;
            let mut rings = Vec::with_capacity(n_rings);
            for _ in 0..n_rings {
                let n_refs = r.count()?;
                let mut ring: Vec<Point> = Vec::new();
                for _ in 0..n_refs {
                    let reference = r.sv()?;
                    let (i, reversed) = if reference < 0 {
                        (!reference, true)
                    } else {
                        (reference, false)
                    };
                    let arc = usize::try_from(i)
                        .ok()
                        .and_then(|i| arcs.get(i))
                        .ok_or(DecodeError::BadReference("ring"))?;
                    let mut points: Box<dyn Iterator<Item = &Point>> = if reversed {
                        Box::new(arc.iter().rev())
                    } else {
                        Box::new(arc.iter())
                    };
                    if !ring.is_empty() {
                        // Consecutive arcs share their junction point.
                        points.next();
                    }
                    ring.extend(points);
                }
                if ring.len() < 4 || ring.first() != ring.last() {
                    return Err(DecodeError::BadRing(key));
                }
                rings.push(ring);
            }
            polygons.push(Polygon { rings });
        }
        shapes.push(Shape {
            key,
            name,
            kind,
            polygons,
        });
    }
    Ok(Atlas::new(shapes, attribution, licence))
}

fn micro(x: i64, y: i64, factor: i64) -> Option<Point> {
    let x = i32::try_from(x.checked_mul(factor)?).ok()?;
    let y = i32::try_from(y.checked_mul(factor)?).ok()?;
    Some([x, y])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uv(out: &mut Vec<u8>, mut n: u64) {
        loop {
            let byte = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(byte);
                return;
            }
            out.push(byte | 0x80);
        }
    }

    fn sv(out: &mut Vec<u8>, n: i64) {
        uv(out, ((n << 1) ^ (n >> 63)) as u64);
    }

    /// Two unit squares side by side sharing the arc x = 1.
    fn two_squares() -> Vec<u8> {
        let mut b = b"FWG1".to_vec();
        uv(&mut b, 1);
        let strings = ["(c)", "lic", "A", "a", "B", "b", "Kreis"];
        uv(&mut b, strings.len() as u64);
        for s in strings {
            uv(&mut b, s.len() as u64);
            b.extend(s.as_bytes());
        }
        uv(&mut b, 0);
        uv(&mut b, 1);
        // arcs: 0 shared (1,0)->(1,1); 1 left (1,1)->(0,1)->(0,0)->(1,0); 2 right
        // (1,0)->(2,0)->(2,1)->(1,1)
        let arcs: [&[(i64, i64)]; 3] = [
            &[(1, 0), (1, 1)],
            &[(1, 1), (0, 1), (0, 0), (1, 0)],
            &[(1, 0), (2, 0), (2, 1), (1, 1)],
        ];
        uv(&mut b, 3);
        let mut last = (0, 0);
        for arc in arcs {
            uv(&mut b, arc.len() as u64);
            for &(x, y) in arc {
                sv(&mut b, x - last.0);
                sv(&mut b, y - last.1);
                last = (x, y);
            }
        }
        uv(&mut b, 2);
        for (key, name, refs) in [(2u64, 3u64, [0i64, 1]), (4, 5, [2, !0])] {
            uv(&mut b, key);
            uv(&mut b, name);
            uv(&mut b, 6);
            uv(&mut b, 1);
            uv(&mut b, 1);
            uv(&mut b, 2);
            for r in refs {
                sv(&mut b, r);
            }
        }
        b
    }

    #[test]
    fn decodes_shared_arcs_into_closed_rings() {
        let atlas = decode(&two_squares()).unwrap();
        assert_eq!(atlas.attribution, "(c)");
        let a = atlas.get("A").unwrap();
        let d = 1_000_000;
        assert_eq!(
            a.polygons[0].rings[0],
            vec![[d, 0], [d, d], [0, d], [0, 0], [d, 0]]
        );
        let b = atlas.get("B").unwrap();
        assert_eq!(
            b.polygons[0].rings[0],
            vec![[d, 0], [2 * d, 0], [2 * d, d], [d, d], [d, 0]]
        );
        assert!(b.contains([3 * d / 2, d / 2]));
        assert!(!a.contains([3 * d / 2, d / 2]));
    }

    #[test]
    fn every_truncation_is_an_error_not_a_panic() {
        let bytes = two_squares();
        for end in 0..bytes.len() {
            assert!(decode(&bytes[..end]).is_err(), "cut at {end}");
        }
    }

    #[test]
    fn huge_counts_do_not_allocate() {
        let mut b = b"FWG1".to_vec();
        uv(&mut b, 1);
        uv(&mut b, u64::MAX >> 1);
        assert!(matches!(decode(&b), Err(DecodeError::Truncated(_))));
        assert_eq!(decode(b"GIF8").err(), Some(DecodeError::NotAnAsset));
    }
}
