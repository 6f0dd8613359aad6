//! Native timings of the pure layers (check, layout, geo) with criterion:
//! `cargo bench --bench pure` (also run by `./dev bench`); `cargo bench --bench pure -- map`
//! runs one group. The documents are those of the browser bench (`www/bench/data.mjs`, same
//! generator and seeds), so the figures line up with its render times.

// Criterion is a native-only dev-dependency: on wasm32 this bench is an empty program.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(native::benches);

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use chrono::{Days, NaiveDate};
    use criterion::{Criterion, SamplingMode, criterion_group};
    use foerderweg::check::{Document, check};
    use foerderweg::geo::projection::{Conic, Fit, projected};
    use foerderweg::geo::{Atlas, BBox, Shape, codec, dissolve, path};
    use foerderweg::i18n::Lang;
    use foerderweg::layout::timeline::{self, CohortSort, Filter, Window};
    use foerderweg::layout::{map, occupancy};
    use foerderweg::model::WidgetKind;
    use foerderweg::model::regions::MapDoc;
    use foerderweg::model::timeline::TimelineDoc;
    use std::fmt::Write;
    use std::hint::black_box;
    use std::sync::Arc;
    use std::time::Duration;

    const DISTRICTS: &[u8] = include_bytes!("../assets/geo/districts.fwg");

    /// The browser bench's generator (`www/js/cohort.mjs`): a linear congruential generator,
    /// the same seed gives the same documents.
    struct Lcg(u32);

    impl Lcg {
        fn next(&mut self) -> f64 {
            self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            f64::from(self.0) / 4_294_967_296.0
        }

        /// `floor(next() * n)`.
        fn below(&mut self, n: u32) -> u64 {
            (self.next() * f64::from(n)) as u64
        }
    }

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// `count` participants with 8 phases each, starting over six years; phases not over by
    /// 30.06.2022 have a planned end only (`cohort()` in `www/bench/data.mjs`, all 8 phases kept).
    fn cohort(count: usize) -> String {
        const PATH: [(&str, u32, u32); 8] = [
            ("referral", 0, 0),
            ("profiling", 10, 30),
            ("recommendation", 0, 0),
            ("placement", 5, 20),
            ("workOpportunity", 150, 200),
            ("qualification", 30, 90),
            ("internship", 20, 40),
            ("followUp", 60, 120),
        ];
        const JOBCENTERS: [&str; 3] = [
            "Jobcenter Stendal",
            "Jobcenter Havelberg",
            "Jobcenter Osterburg",
        ];
        let today = day(2022, 6, 30);
        let mut rand = Lcg(10_000);
        let mut text = String::from(
            r#"{"schema":"foerderweg/timeline@1","title":"Messkohorte","today":"2022-06-30","participants":["#,
        );
        for i in 0..count {
            if i > 0 {
                text.push(',');
            }
            let n = i + 1;
            let _ = write!(text, r#"{{"id":"P-{n:05}","label":"TN {n:05}","phases":["#);
            let mut at = day(2016, 1, 4) + Days::new(rand.below(2200));
            for (k, &(kind, min, spread)) in PATH.iter().enumerate() {
                let length = u64::from(min) + rand.below(spread - min + 1);
                let start = at;
                let end = start + Days::new(length);
                at = end + Days::new(if k == 0 { 7 } else { 1 });
                if k > 0 {
                    text.push(',');
                }
                let _ = write!(
                    text,
                    r#"{{"kind":"{kind}","start":"{start}","plannedEnd":"{end}""#
                );
                if k < 2 {
                    let _ = write!(text, r#","provider":"{}""#, JOBCENTERS[i % 3]);
                } else if kind != "recommendation" {
                    let _ = write!(text, r#","provider":"Träger {}""#, (i * 7 + k) % 12 + 1);
                }
                if end <= today {
                    let _ = write!(text, r#","end":"{end}""#);
                }
                text.push('}');
            }
            text.push_str("]}");
        }
        text.push_str("]}");
        text
    }

    /// `projects` projects at `projects / 10` providers and `dates` reporting dates
    /// (`programme()` in `www/bench/data.mjs`).
    fn programme(projects: usize, dates: u32) -> String {
        let mut rand = Lcg(42);
        let providers = (projects / 10).max(1);
        let mut by_provider: Vec<Vec<String>> = vec![Vec::new(); providers];
        let mut filled = 0;
        for j in 0..projects {
            let slots = 2 + rand.below(12);
            let full = rand.below(slots as u32 + 1);
            let planned = (slots - full).min(rand.below(3));
            filled += full;
            by_provider[j % providers].push(format!(
                r#"{{"id":"p{j}","label":"Projekt {}","slots":{slots},"filled":{full},"planned":{planned}}}"#,
                j + 1
            ));
        }
        let providers: Vec<String> = by_provider
            .iter()
            .enumerate()
            .map(|(i, projects)| {
                format!(
                    r#"{{"id":"t{i}","label":"Träger {}","projects":[{}]}}"#,
                    i + 1,
                    projects.join(",")
                )
            })
            .collect();
        let series: Vec<String> = (0..dates)
            .map(|k| {
                let share = f64::from(k + 1) / f64::from(dates);
                // 30.5 days a step, as the browser bench.
                let date = day(2015, 1, 1)
                    + Days::new((f64::from(k) * 30.5) as u64 + rand.below(5));
                let filled = if k == dates - 1 {
                    filled
                } else {
                    (filled as f64 * share).round() as u64
                };
                format!(
                    r#"{{"date":"{date}","profilings":{},"admitted":{},"followUpTalks":{},"filled":{filled},"planned":{},"earlyTerminations":{}}}"#,
                    (3000.0 * share).round(),
                    (1800.0 * share).round(),
                    (6000.0 * share * share).round(),
                    rand.below(20),
                    (170.0 * share).round(),
                )
            })
            .collect();
        format!(
            r#"{{"schema":"foerderweg/occupancy@1","programme":{{"label":"Messprogramm 0"}},"providers":[{}],"series":[{}]}}"#,
            providers.join(","),
            series.join(",")
        )
    }

    /// One region per district key with a value each (`districtMap()` in `www/bench/data.mjs`).
    fn district_map(keys: &[&str]) -> String {
        let mut rand = Lcg(400);
        let regions: Vec<String> = keys
            .iter()
            .map(|k| format!(r#"{{"id":"r{k}","label":"Region {k}","districts":["{k}"]}}"#))
            .collect();
        let values: Vec<String> = keys
            .iter()
            .map(|k| {
                format!(
                    r#"{{"key":"r{k}","value":{}}}"#,
                    (rand.next() * 500.0).round()
                )
            })
            .collect();
        format!(
            r#"{{"schema":"foerderweg/map@1","title":"Messkarte: alle Kreise","valueLabel":"Teilnehmende je Kreis","scale":{{"kind":"equal","classes":5}},"regions":[{}],"values":[{}]}}"#,
            regions.join(","),
            values.join(",")
        )
    }

    fn timeline_doc(text: &str) -> Arc<TimelineDoc> {
        match check(WidgetKind::Timeline, text).document {
            Some(Document::Timeline(doc)) => doc,
            _ => panic!("the generated cohort does not check"),
        }
    }

    fn districts() -> Atlas {
        codec::decode(DISTRICTS).expect("assets/geo/districts.fwg decodes")
    }

    fn bench_timeline(c: &mut Criterion) {
        let text = cohort(10_000);
        let doc = timeline_doc(&text);
        assert!(doc.participants.iter().all(|p| p.phases.len() == 8));
        let today = day(2022, 6, 30);
        let all: Vec<_> = doc.participants.iter().collect();
        let window = Window::fit(&all, today);
        let order = timeline::cohort_order(&doc, CohortSort::Start, &Filter::default(), today);
        let rows = |first: usize, count: usize| {
            timeline::cohort_rows(
                &doc,
                &order,
                first..first + count,
                window,
                (150.0, 900.0),
                today,
                Lang::De,
            )
        };
        assert_eq!(rows(5_000, 26).len(), 26);

        let mut g = c.benchmark_group("timeline_10k");
        g.sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(3))
            .sampling_mode(SamplingMode::Flat);
        g.bench_function("check", |b| {
            b.iter(|| check(WidgetKind::Timeline, black_box(&text)))
        });
        // Three broken records (a phase start that is a number): each is left out and named,
        // one decode of the rest per record.
        let broken = text.replacen("\"start\":\"", "\"start\":5,\"x\":\"", 3);
        assert_eq!(check(WidgetKind::Timeline, &broken).errors().count(), 3);
        g.bench_function("check_3_left_out", |b| {
            b.iter(|| check(WidgetKind::Timeline, black_box(&broken)))
        });
        g.bench_function("cohort_order_provider", |b| {
            b.iter(|| {
                timeline::cohort_order(
                    black_box(&doc),
                    CohortSort::Provider,
                    &Filter::default(),
                    today,
                )
            })
        });
        g.bench_function("cohort_rows_all", |b| {
            b.iter(|| rows(black_box(0), order.len()))
        });
        g.finish();

        let mut g = c.benchmark_group("timeline_10k");
        g.sample_size(20)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(1));
        g.bench_function("cohort_rows_26", |b| b.iter(|| rows(black_box(5_000), 26)));
        g.finish();
    }

    fn bench_occupancy(c: &mut Criterion) {
        let text = programme(500, 100);
        let Some(Document::Occupancy(doc)) = check(WidgetKind::Occupancy, &text).document else {
            panic!("the generated programme does not check");
        };
        assert_eq!((doc.providers.len(), doc.series.len()), (50, 100));

        let mut g = c.benchmark_group("occupancy_500x100");
        g.sample_size(20)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(1));
        g.bench_function("check", |b| {
            b.iter(|| check(WidgetKind::Occupancy, black_box(&text)))
        });
        g.bench_function("scene", |b| {
            b.iter(|| occupancy::scene(black_box(&doc), Lang::De))
        });
        g.bench_function("charts", |b| {
            b.iter(|| occupancy::charts(black_box(&doc), 900.0, Lang::De))
        });
        g.bench_function("bars", |b| {
            b.iter(|| {
                occupancy::bars(
                    black_box(&doc),
                    None,
                    occupancy::BarSort::FillRate,
                    Lang::De,
                )
            })
        });
        g.finish();
    }

    /// The view of all `shapes` as the map fits it (`layout::map::scene`, 800 wide).
    fn fit_all(shapes: &[Shape], conic: &Conic, width: f64) -> Fit {
        let bbox = shapes
            .iter()
            .filter_map(Shape::bbox)
            .reduce(BBox::union)
            .map(|b| projected(conic, b))
            .unwrap_or([-0.05, -0.05, 0.05, 0.05]);
        let max_height = (width * 1.25).clamp(240.0, 900.0);
        Fit::new(bbox, width, max_height, 16.0)
    }

    fn bench_geometry(c: &mut Criterion) {
        let atlas = districts();
        assert_eq!(atlas.shapes.len(), 400);
        let sachsen: Vec<&Shape> = atlas.with_prefix("14").collect();
        assert!(!sachsen.is_empty());

        let mut g = c.benchmark_group("geometry_400");
        g.sample_size(20)
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_millis(1500))
            .sampling_mode(SamplingMode::Flat);
        g.bench_function("decode", |b| b.iter(|| codec::decode(black_box(DISTRICTS))));
        g.bench_function("dissolve_sachsen", |b| {
            b.iter(|| dissolve::outline(black_box(&sachsen).iter().copied()))
        });
        g.bench_function("dissolve_all", |b| {
            b.iter(|| dissolve::outline(black_box(&atlas.shapes)))
        });
        // Projection and SVG path of every district, as the map draws its areas.
        g.bench_function("project_paths_all", |b| {
            b.iter(|| {
                let shapes = &black_box(&atlas).shapes;
                let conic = Conic::germany();
                let fit = fit_all(shapes, &conic, 800.0);
                shapes
                    .iter()
                    .map(|s| {
                        path::rings(s.polygons.iter().flat_map(|p| p.rings.iter()), &conic, &fit)
                    })
                    .collect::<Vec<String>>()
            })
        });
        g.finish();
    }

    fn bench_map(c: &mut Criterion) {
        let atlas = districts();
        let keys: Vec<&str> = atlas.shapes.iter().map(|s| s.key.as_str()).collect();
        let text = district_map(&keys);
        let doc: Arc<MapDoc> = match check(WidgetKind::Map, &text).document {
            Some(Document::Map(doc)) => doc,
            _ => panic!("the generated map does not check"),
        };
        assert!(!map::needs_municipalities(&doc));
        let geometry = || map::Geometry {
            areas: &atlas,
            municipalities: None,
            host: false,
        };
        let prepared = map::prepare(&doc, geometry());
        assert!(prepared.diagnostics.is_empty());
        let drawing = map::drawing(&doc, &prepared, None, 800.0);
        let scene = || map::scene_on(&doc, &prepared, &drawing, prepared.initial, Lang::De);
        assert_eq!(scene().units.len(), 400);

        let mut g = c.benchmark_group("map_400");
        g.sample_size(10)
            .warm_up_time(Duration::from_millis(500))
            .measurement_time(Duration::from_secs(2))
            .sampling_mode(SamplingMode::Flat);
        g.bench_function("check", |b| {
            b.iter(|| check(WidgetKind::Map, black_box(&text)))
        });
        g.bench_function("prepare", |b| {
            b.iter(|| map::prepare(black_box(&doc), geometry()))
        });
        g.bench_function("drawing", |b| {
            b.iter(|| map::drawing(black_box(&doc), &prepared, None, 800.0))
        });
        // What a new figure costs once the drawing is kept: the rest of the scene.
        g.bench_function("scene_on_drawing", |b| b.iter(|| black_box(scene())));
        g.finish();
    }

    criterion_group! {
        name = benches;
        config = Criterion::default().without_plots();
        targets = bench_timeline, bench_occupancy, bench_geometry, bench_map
    }
}
