//! Native layout timings: prints the median of repeated runs (no harness, no extra crates).
//! `cargo bench --bench layout` (also run by `./dev bench`).

use chrono::{Days, NaiveDate};
use foerderweg::check::{Document, check};
use foerderweg::i18n::Lang;
use foerderweg::layout::occupancy;
use foerderweg::layout::timeline::{self, CohortSort, Filter, Window};
use foerderweg::model::WidgetKind;
use std::hint::black_box;
use std::time::Instant;

fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    f(); // warm-up
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn cohort(n: usize) -> String {
    let base = NaiveDate::from_ymd_opt(2016, 1, 1).unwrap_or_default();
    let mut text =
        String::from(r#"{"schema":"foerderweg/timeline@1","today":"2022-06-30","participants":["#);
    for i in 0..n {
        if i > 0 {
            text.push(',');
        }
        let start = base + Days::new((i * 13 % 2300) as u64);
        text.push_str(&format!(
            r#"{{"id":"p{i}","label":"TN {i}","phases":[{{"kind":"referral","start":"{start}","end":"{start}"}},{{"kind":"profiling","provider":"JC {}","start":"{}","end":"{}"}},{{"kind":"workOpportunity","provider":"T {}","start":"{}","plannedEnd":"{}"}}]}}"#,
            i % 3,
            start + Days::new(7),
            start + Days::new(30),
            i % 7,
            start + Days::new(40),
            start + Days::new(300),
        ));
    }
    text.push_str("]}");
    text
}

fn main() {
    let text = cohort(10_000);
    let parse = median_ms(10, || {
        black_box(check(WidgetKind::Timeline, black_box(&text)));
    });
    let Some(Document::Timeline(doc)) = check(WidgetKind::Timeline, &text).document else {
        return;
    };
    let today = NaiveDate::from_ymd_opt(2022, 6, 30).unwrap_or_default();
    let all: Vec<_> = doc.participants.iter().collect();
    let window = Window::fit(&all, today);
    let order_ms = median_ms(20, || {
        black_box(timeline::cohort_order(
            &doc,
            CohortSort::Provider,
            &Filter::default(),
            today,
        ));
    });
    let order = timeline::cohort_order(&doc, CohortSort::Start, &Filter::default(), today);
    let rows_ms = median_ms(200, || {
        black_box(timeline::cohort_rows(
            &doc,
            &order,
            5_000,
            26,
            window,
            (150.0, 900.0),
            today,
            Lang::De,
        ));
    });
    let all_rows_ms = median_ms(10, || {
        black_box(timeline::cohort_rows(
            &doc,
            &order,
            0,
            order.len(),
            window,
            (150.0, 900.0),
            today,
            Lang::De,
        ));
    });
    println!(
        "timeline, 10,000 participants ({} KiB JSON):",
        text.len() / 1024
    );
    println!("  parse + check           {parse:8.2} ms");
    println!("  sort + filter           {order_ms:8.2} ms");
    println!("  lay out visible rows    {rows_ms:8.3} ms  (26 rows)");
    println!("  lay out every row       {all_rows_ms:8.2} ms  (what virtualisation avoids)");

    let mut occ = String::from(
        r#"{"schema":"foerderweg/occupancy@1","programme":{"label":"P"},"providers":["#,
    );
    for p in 0..50 {
        if p > 0 {
            occ.push(',');
        }
        occ.push_str(&format!(r#"{{"id":"t{p}","label":"T {p}","projects":["#));
        for j in 0..10 {
            if j > 0 {
                occ.push(',');
            }
            occ.push_str(&format!(
                r#"{{"id":"p{p}-{j}","label":"P","slots":{},"filled":{}}}"#,
                4 + j,
                2 + j
            ));
        }
        occ.push_str("]}");
    }
    occ.push_str(r#"],"series":["#);
    let base = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    for k in 0..100u64 {
        if k > 0 {
            occ.push(',');
        }
        occ.push_str(&format!(
            r#"{{"date":"{}","profilings":{},"admitted":{},"filled":{}}}"#,
            base + Days::new(k * 30),
            k * 10,
            k * 6,
            3000 + k
        ));
    }
    occ.push_str("]}");
    let Some(Document::Occupancy(d)) = check(WidgetKind::Occupancy, &occ).document else {
        return;
    };
    let scene = median_ms(50, || {
        black_box(occupancy::scene(&d, Lang::De));
        black_box(occupancy::charts(&d, 900.0, Lang::De));
        black_box(occupancy::bars(
            &d,
            None,
            occupancy::BarSort::FillRate,
            Lang::De,
        ));
    });
    println!("occupancy, 500 projects and 100 reporting dates:");
    println!("  scene + charts + bars   {scene:8.2} ms");
}
