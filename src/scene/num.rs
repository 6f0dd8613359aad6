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

/// A length in CSS pixels, rounded to one decimal (`10.3px`): where a tooltip stands.
///
/// ```
/// assert_eq!(foerderweg::scene::num::px(10.25), "10.3px");
/// assert_eq!(foerderweg::scene::num::px(3.0), "3px");
/// ```
pub fn px(v: f64) -> String {
    let mut out = fmt(v);
    out.push_str("px");
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

/// `v` rounded to `decimals` places, half away from zero (commercial rounding, DIN 1333), in
/// ASCII: `-1234.50`. Written without the float formatting machinery, as coordinates are. A
/// value beyond 128 bits stays at the largest; callers keep out what is not finite.
///
/// ```
/// use foerderweg::scene::num::decimal;
/// assert_eq!(decimal(1234.5, 1), "1234.5");
/// assert_eq!(decimal(-0.04, 1), "-0.0");
/// assert_eq!(decimal(2.5, 0), "3");
/// assert_eq!(decimal(98.23, 2), "98.23");
/// ```
pub fn decimal(v: f64, decimals: u32) -> String {
    let step = 10u128.pow(decimals.min(30));
    // Beyond 2^53 a double holds no fraction: the whole number alone, its decimals zeros.
    let scaled = if v.abs() < 9e15 {
        (v.abs() * step as f64).round() as u128
    } else if v.is_finite() {
        (v.abs().round() as u128).saturating_mul(step)
    } else {
        0
    };
    let n = scaled;
    let mut out = String::new();
    if v < 0.0 {
        out.push('-');
    }
    push_wide(&mut out, n / step);
    if decimals > 0 {
        out.push('.');
        let frac = n % step;
        let mut digits = String::new();
        push_wide(&mut digits, frac);
        for _ in digits.len()..decimals as usize {
            out.push('0');
        }
        out.push_str(&digits);
    }
    out
}

/// `v` as a reader of the JSON wrote it: a whole number as one, else at most six decimals,
/// trailing zeros left out (`-5`, `12.5`).
pub fn plain(v: f64) -> String {
    if !v.is_finite() {
        return String::from("0");
    }
    let text = decimal(v, 6);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" || text == "-" {
        String::from("0")
    } else {
        text.to_string()
    }
}

/// A decimal number as Rust's `str::parse::<f64>` reads one (`12`, `-0.5`, `.5`, `1e3`,
/// `inf`, `NaN`), without its machinery: what the module reads back from its own attributes
/// and from a host's options. Rounded once for numbers up to 10²² and 19 digits, a few times
/// beyond (within 10⁻¹⁴ of the value); `None` for anything else (`""`, `"0x10"`, `"5abc"`).
pub fn parse(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = body.to_ascii_lowercase();
    let magnitude = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            let (number, exponent) = match lower.split_once('e') {
                Some((n, e)) => (n, Some(e)),
                None => (lower.as_str(), None),
            };
            let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
            if whole.is_empty() && fraction.is_empty() {
                return None;
            }
            let mut mantissa: u64 = 0;
            let mut scale: i64 = 0;
            for (i, digits) in [whole, fraction].into_iter().enumerate() {
                for b in digits.bytes() {
                    if !b.is_ascii_digit() {
                        return None;
                    }
                    if mantissa < 1_000_000_000_000_000_000 {
                        mantissa = mantissa * 10 + u64::from(b - b'0');
                        scale -= i as i64;
                    } else {
                        scale += 1 - i as i64;
                    }
                }
            }
            if let Some(e) = exponent {
                let (sign, digits) = match e.as_bytes().first()? {
                    b'-' => (-1, &e[1..]),
                    b'+' => (1, &e[1..]),
                    _ => (1, e),
                };
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                let e: i64 = digits
                    .bytes()
                    .fold(0i64, |n, b| (n * 10 + i64::from(b - b'0')).min(100_000));
                scale += sign * e;
            }
            // Powers of ten up to 10²² are exact doubles: one rounding for the figures a host
            // writes; beyond, a few more.
            let m = mantissa as f64;
            let ten = |n: i32| -> f64 {
                const EXACT: [f64; 23] = [
                    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
                    1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
                ];
                EXACT
                    .get(n as usize)
                    .copied()
                    .unwrap_or_else(|| 10f64.powi(n))
            };
            match scale.clamp(-700, 700) as i32 {
                s if s >= 0 => m * ten(s),
                s if s >= -300 => m / ten(-s),
                s => m / ten(300) / ten(-s - 300),
            }
        }
    };
    Some(if negative { -magnitude } else { magnitude })
}

fn push_wide(out: &mut String, n: u128) {
    match u64::try_from(n) {
        Ok(n) => push_digits(out, n),
        Err(_) => {
            push_wide(out, n / 10);
            out.push(char::from(b'0' + (n % 10) as u8));
        }
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
    fn decimals_agree_with_the_formatter_but_at_halves() {
        for i in -20000..20000 {
            let v = i as f64 * 0.0137;
            for d in 0..4u32 {
                let ours = decimal(v, d);
                let theirs = format!("{:.*}", d as usize, v);
                // The formatter rounds an exact half to even; ours rounds it up, as a reader
                // of German figures expects. Elsewhere the two agree.
                let scaled = v.abs() * 10f64.powi(d as i32);
                if (scaled - scaled.trunc() - 0.5).abs() > 1e-6 {
                    assert_eq!(ours, theirs, "{v} to {d}");
                }
            }
        }
        assert_eq!(plain(-5.0), "-5");
        assert_eq!(plain(12.5), "12.5");
        assert_eq!(plain(1e20), "100000000000000000000");
    }

    #[test]
    fn numbers_read_as_the_standard_reader_reads_them() {
        let mut texts: Vec<String> = [
            "0",
            "-0",
            "12",
            "+7",
            "-0.5",
            ".5",
            "5.",
            "1e3",
            "1E-3",
            "2.5e+2",
            "1e400",
            "-1e400",
            "1e-400",
            "inf",
            "-Infinity",
            "NaN",
            "12345678901234567890123",
            "0.000001234",
            "1.5e308",
            "4.9e-324",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for i in 0..3000 {
            let v = (i as f64 * 7.31).powf(1.7) / 97.0;
            texts.push(format!("{v}"));
            texts.push(format!("{:e}", -v));
        }
        for t in &texts {
            let (ours, theirs) = (parse(t), t.parse::<f64>().ok());
            let same = match (ours, theirs) {
                (Some(a), Some(b)) if a.is_nan() => b.is_nan(),
                (Some(a), Some(b)) => a == b || ((a - b) / b).abs() < 1e-14,
                (None, None) => true,
                _ => false,
            };
            assert!(same, "{t}: {ours:?} vs {theirs:?}");
        }
        for t in [
            "", "-", ".", "e3", "1e", "1e+", "0x10", "5abc", "1.2.3", " 1", "--1", "in",
        ] {
            assert_eq!(parse(t), None, "{t:?}");
            assert!(t.parse::<f64>().is_err(), "{t:?}");
        }
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
