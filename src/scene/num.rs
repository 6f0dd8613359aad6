//! Numbers as drawing coordinates: tenths of a view unit, written without the float formatting
//! machinery (a scene has thousands of them, and `{:.1}` pulls a large part of `core::fmt` into
//! the module).

/// Tenths of a view unit, the precision of every coordinate. Not-a-number and infinities are 0,
/// so a broken number never reaches the markup.
pub fn tenths(v: f64) -> i64 {
    if v.is_finite() {
        (v * 10.0).round().clamp(-1e12, 1e12) as i64
    } else {
        0
    }
}

/// Appends `v` tenths as a decimal: `12`, `-0.5`, `3.1`.
pub fn push_tenths(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    let a = v.unsigned_abs();
    push_digits(out, a / 10);
    if !a.is_multiple_of(10) {
        out.push('.');
        push_digits(out, a % 10);
    }
}

/// Appends a coordinate rounded to one decimal.
pub fn push(out: &mut String, v: f64) {
    push_tenths(out, tenths(v));
}

/// A coordinate rounded to one decimal, as text.
pub fn fmt(v: f64) -> String {
    let mut out = String::new();
    push(&mut out, v);
    out
}

/// Appends `n` in decimal.
pub fn push_digits(out: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_decimal_without_trailing_zero() {
        let shown: Vec<String> = [0.0, -0.0, 12.0, 3.125, -0.05, 1e300, f64::NAN, 99.95]
            .iter()
            .map(|&v| fmt(v))
            .collect();
        assert_eq!(
            shown,
            ["0", "0", "12", "3.1", "-0.1", "100000000000", "0", "100"]
        );
    }

    #[test]
    fn agrees_with_the_formatter() {
        for i in -2000..2000 {
            let v = i as f64 * 0.37;
            let ours: f64 = fmt(v).parse().unwrap();
            assert!((ours - v).abs() <= 0.05 + 1e-9, "{v} → {ours}");
        }
    }
}
