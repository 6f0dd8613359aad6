//! Data tables: one model per table view, drawn as an HTML table by the view and written as CSV
//! by the export, so the file holds exactly the figures the table shows. Pure Rust.

use crate::i18n::Lang;
use chrono::NaiveDate;

/// One cell. Figures keep their value, so the CSV can write them as numbers a spreadsheet reads.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// Text from the data or the text tables.
    Text(String),
    /// A figure with this many decimals.
    Number(f64, usize),
    /// A ratio (0.982), shown as a percentage.
    Percent(f64),
    /// A ratio shown as a percentage with a small bar.
    Share(f64),
    /// A change between two figures, written with its sign (`+12`, `−8,0 %`): `by` with
    /// `decimals`, in percent when `percent`.
    Change {
        /// The change (in percent when `percent`).
        by: f64,
        /// Decimals it is written with.
        decimals: usize,
        /// `by` is a percentage.
        percent: bool,
    },
    /// An amount in euro.
    Euro(f64),
    /// A day.
    Date(NaiveDate),
    /// A figure the source withholds (small counts): never 0, never "no data".
    Suppressed,
    /// A published figure that may still change: the figure and the word.
    Provisional(Box<Cell>),
    /// No figure.
    Missing,
    /// No figure, for a reason the table view says in this word (`keine Daten`): the CSV
    /// writes nothing, so that a figure column holds figures a spreadsheet reads.
    Absent(String),
}

impl Cell {
    /// A text cell.
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// A count.
    pub fn count(n: impl Into<f64>) -> Cell {
        Cell::Number(n.into(), 0)
    }

    /// A text cell that is empty: the column does not apply to the row.
    pub fn empty() -> Cell {
        Cell::Text(String::new())
    }

    /// A day, or an empty cell.
    pub fn date(d: Option<NaiveDate>) -> Cell {
        d.map_or_else(Cell::empty, Cell::Date)
    }

    /// The text the table view shows.
    pub fn display(&self, lang: Lang) -> String {
        match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(v, d) => lang.number(*v, *d),
            Cell::Percent(r) | Cell::Share(r) => lang.percent(*r),
            Cell::Euro(v) => lang.euro(*v),
            Cell::Change {
                by,
                decimals,
                percent,
            } => signed(*by, *decimals, *percent, lang),
            Cell::Date(d) => lang.date(*d),
            Cell::Suppressed => lang.texts().map.suppressed.to_string(),
            Cell::Provisional(cell) => {
                format!("{} ({})", cell.display(lang), lang.texts().occ.provisional)
            }
            Cell::Missing => "–".to_string(),
            Cell::Absent(word) => word.clone(),
        }
    }

    /// The field of a CSV file: numbers without grouping and with the language's decimal
    /// separator, percentages as `98,2%` (which German and English spreadsheets read as a
    /// percentage), days as `01.12.2018` in German and ISO in English, nothing for a missing
    /// figure. Text that a spreadsheet would take for a formula gets a leading apostrophe.
    pub fn csv(&self, lang: Lang) -> String {
        let plain = |v: f64, decimals: usize| {
            if !v.is_finite() {
                return String::new();
            }
            let s = crate::scene::num::decimal(v, decimals as u32);
            let s = if s.starts_with('-') && s.bytes().all(|b| matches!(b, b'-' | b'0' | b'.')) {
                s[1..].to_string()
            } else {
                s
            };
            match lang {
                Lang::De => s.replace('.', ","),
                Lang::En => s,
            }
        };
        let field = match self {
            Cell::Text(s) => s.clone(),
            Cell::Number(v, d) => plain(*v, *d),
            Cell::Percent(r) | Cell::Share(r) => {
                let p = plain(r * 100.0, 1);
                if p.is_empty() { p } else { format!("{p}%") }
            }
            // Cents only where there are any.
            Cell::Euro(v) => plain(*v, if v.fract() == 0.0 { 0 } else { 2 }),
            // No plus sign: a spreadsheet reads `12` and `-8,0%` as numbers.
            Cell::Change {
                by,
                decimals,
                percent,
            } => {
                let p = plain(*by, *decimals);
                if *percent && !p.is_empty() {
                    format!("{p}%")
                } else {
                    p
                }
            }
            // German as the table shows it; English as ISO 8601, which spreadsheets read in
            // any locale (the same as `Lang::En.date`, without chrono's format machinery).
            Cell::Date(d) => lang.date(*d),
            // The figure alone: why it is missing or may change goes in a column of its own
            // (see `status` and `DataTable::csv`), so a figure column holds only figures.
            Cell::Provisional(cell) => cell.csv(lang),
            Cell::Suppressed | Cell::Missing | Cell::Absent(_) => String::new(),
        };
        // Every field, whatever its origin (data, a host's label, a figure), goes through the
        // one defusing step; only a figure written from a number above may start with a minus.
        let figure = matches!(
            self,
            Cell::Number(..)
                | Cell::Percent(_)
                | Cell::Share(_)
                | Cell::Euro(_)
                | Cell::Change { .. }
        );
        defuse(&field, figure)
    }

    /// Why a figure is missing or may change, as the CSV's status column says it
    /// (`unterdrückt`, `vorläufig`, `keine Daten`); empty for a figure that is final.
    pub fn status(&self, lang: Lang) -> String {
        match self {
            Cell::Suppressed => lang.texts().map.suppressed.to_string(),
            Cell::Provisional(_) => lang.texts().occ.provisional.to_string(),
            Cell::Absent(word) => word.clone(),
            _ => String::new(),
        }
    }

    /// Whether the cell holds a figure (right-aligned).
    pub fn is_figure(&self) -> bool {
        !matches!(self, Cell::Text(_) | Cell::Date(_))
    }
}

/// A change as the table and the map write it: `+12`, `−16`, `0`, `+10,0 %`.
///
/// ```
/// use foerderweg::i18n::Lang;
/// use foerderweg::layout::table::signed;
/// assert_eq!(signed(12.0, 0, false, Lang::De), "+12");
/// assert_eq!(signed(-8.0, 1, true, Lang::De), "−8,0\u{202f}%");
/// assert_eq!(signed(0.0, 0, false, Lang::En), "0");
/// ```
pub fn signed(by: f64, decimals: usize, percent: bool, lang: Lang) -> String {
    let n = lang.number(by, decimals);
    let rise = by > 0.0 && n.bytes().any(|b| (b'1'..=b'9').contains(&b));
    let n = if rise { format!("+{n}") } else { n };
    match (percent, lang) {
        (false, _) => n,
        (true, Lang::De) => format!("{n}\u{202f}%"),
        (true, Lang::En) => format!("{n}%"),
    }
}

/// Text that starts like a formula (`=`, `+`, `-`, `@`, tab, carriage return) is prefixed with
/// an apostrophe, so a spreadsheet shows it instead of evaluating it (CSV injection). A `figure`
/// field that is a plain number (`-3`, `-1234,5`, `-5,0%`) stays one, so spreadsheets still read
/// it as a number.
fn defuse(s: &str, figure: bool) -> String {
    let plain_number = |s: &str| {
        let digits = s.strip_prefix('-').unwrap_or(s);
        let digits = digits.strip_suffix('%').unwrap_or(digits);
        !digits.is_empty()
            && digits
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
            && digits.bytes().filter(|b| matches!(b, b'.' | b',')).count() <= 1
            && digits.as_bytes()[0].is_ascii_digit()
    };
    match s.chars().next() {
        Some('-') if figure && plain_number(s) => s.to_string(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

/// A column head.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The head's text.
    pub label: String,
    /// Figures: right-aligned.
    pub numeric: bool,
    /// Texts from the document (names, labels), in the document's language rather than the
    /// widget's: the view marks them with the data's `lang` where the two differ.
    pub data: bool,
    /// Days: every cell is a [`Cell::Date`] or empty, so a spreadsheet reads the column as
    /// dates (a state such as "ongoing" goes in a column of its own).
    pub date: bool,
}

impl Column {
    /// A column of text.
    pub fn text(label: impl Into<String>) -> Column {
        Column {
            label: label.into(),
            numeric: false,
            data: false,
            date: false,
        }
    }

    /// A column of days.
    pub fn date(label: impl Into<String>) -> Column {
        Column {
            date: true,
            ..Column::text(label)
        }
    }

    /// A column of texts from the document (names, labels).
    pub fn data(label: impl Into<String>) -> Column {
        Column {
            data: true,
            ..Column::text(label)
        }
    }

    /// A column of figures.
    pub fn figure(label: impl Into<String>) -> Column {
        Column {
            label: label.into(),
            numeric: true,
            data: false,
            date: false,
        }
    }
}

/// A row; the first cell heads it.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// One cell per column.
    pub cells: Vec<Cell>,
    /// Shown dimmed (e.g. a region not in force on the day shown).
    pub dimmed: bool,
}

impl From<Vec<Cell>> for Row {
    fn from(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            dimmed: false,
        }
    }
}

/// A table view.
#[derive(Clone, Debug, PartialEq)]
pub struct DataTable {
    /// Caption, also the name of the exported file.
    pub title: String,
    /// Column heads.
    pub columns: Vec<Column>,
    /// Rows.
    pub rows: Vec<Row>,
    /// A closing row (totals), if any.
    pub foot: Option<Vec<Cell>>,
}

impl DataTable {
    /// An empty table with these heads.
    pub fn new(title: impl Into<String>, columns: Vec<Column>) -> DataTable {
        DataTable {
            title: title.into(),
            columns,
            rows: Vec::new(),
            foot: None,
        }
    }

    /// Adds a row.
    pub fn push(&mut self, cells: Vec<Cell>) {
        self.rows.push(cells.into());
    }

    /// The rows as the table view writes them (foot included).
    pub fn shown(&self, lang: Lang) -> Vec<Vec<String>> {
        self.rows
            .iter()
            .map(|r| &r.cells)
            .chain(&self.foot)
            .map(|cells| cells.iter().map(|c| c.display(lang)).collect())
            .collect()
    }

    /// The table as CSV: UTF-8 with a byte-order mark (so Excel reads the umlauts), `;` between
    /// fields in German (Excel's list separator there, as the decimal separator is the comma) and
    /// `,` in English, CRLF line ends, fields quoted where needed (RFC 4180).
    ///
    /// ```
    /// use foerderweg::i18n::Lang;
    /// use foerderweg::layout::table::{Cell, Column, DataTable};
    /// let mut t = DataTable::new("Stand", vec![Column::text("Träger"), Column::figure("Quote")]);
    /// t.push(vec![Cell::text("SBH Nord; Stendal"), Cell::Percent(0.982)]);
    /// assert_eq!(t.csv(Lang::De), "\u{feff}Träger;Quote\r\n\"SBH Nord; Stendal\";98,2%\r\n");
    /// assert_eq!(t.csv(Lang::En), "\u{feff}Träger,Quote\r\nSBH Nord; Stendal,98.2%\r\n");
    /// ```
    pub fn csv(&self, lang: Lang) -> String {
        let sep = match lang {
            Lang::De => ';',
            Lang::En => ',',
        };
        let mut out = String::from('\u{feff}');
        let mut line = |fields: &mut dyn Iterator<Item = String>| {
            for (i, f) in fields.enumerate() {
                if i > 0 {
                    out.push(sep);
                }
                if f.contains([sep, '"', '\n', '\r']) {
                    out.push('"');
                    out.push_str(&f.replace('"', "\"\""));
                    out.push('"');
                } else {
                    out.push_str(&f);
                }
            }
            out.push_str("\r\n");
        };
        // A figure column some of whose figures are withheld, provisional or missing for a
        // reason gets a status column after it: the figure column holds only figures.
        let rows = || self.rows.iter().map(|r| &r.cells).chain(self.foot.iter());
        let status: Vec<bool> = (0..self.columns.len())
            .map(|i| {
                self.columns[i].numeric
                    && rows().any(|cells| cells.get(i).is_some_and(|c| !c.status(lang).is_empty()))
            })
            .collect();
        let status_head = lang.texts().export.csv_status;
        line(&mut self.columns.iter().zip(&status).flat_map(|(c, s)| {
            let head = defuse(&c.label, false);
            let status = s.then(|| defuse(&crate::i18n::fill(status_head, &c.label, ""), false));
            std::iter::once(head).chain(status)
        }));
        for cells in rows() {
            line(&mut cells.iter().enumerate().flat_map(|(i, c)| {
                let extra = status
                    .get(i)
                    .copied()
                    .unwrap_or(false)
                    .then(|| defuse(&c.status(lang), false));
                std::iter::once(c.csv(lang)).chain(extra)
            }));
        }
        out
    }
}

/// A file name from a title: lower case ASCII, umlauts spelled out, words joined by `-`.
///
/// ```
/// use foerderweg::layout::table::file_name;
/// assert_eq!(file_name("Stichtage: Profilings & Einmündungen", "csv"), "stichtage-profilings-einmuendungen.csv");
/// assert_eq!(file_name("<<>>", "svg"), "foerderweg.svg");
/// assert_eq!(file_name("ÜBERSICHT Größe", "csv"), "uebersicht-groesse.csv");
/// ```
pub fn file_name(title: &str, extension: &str) -> String {
    let mut stem = String::new();
    // ASCII lower case and the German letters by hand: `char::to_lowercase` would ship the
    // Unicode case tables (8 KiB of the module) for a file name.
    for ch in title.chars().map(|c| c.to_ascii_lowercase()) {
        let spelled = match ch {
            'ä' | 'Ä' => "ae",
            'ö' | 'Ö' => "oe",
            'ü' | 'Ü' => "ue",
            'ß' | 'ẞ' => "ss",
            c if c.is_ascii_alphanumeric() => {
                stem.push(c);
                continue;
            }
            _ => {
                if !stem.is_empty() && !stem.ends_with('-') {
                    stem.push('-');
                }
                continue;
            }
        };
        stem.push_str(spelled);
    }
    let mut stem = stem.trim_end_matches('-').to_string();
    if stem.len() > 60 {
        stem.truncate(60);
        stem = stem.trim_end_matches('-').to_string();
    }
    if stem.is_empty() {
        stem = "foerderweg".to_string();
    }
    format!("{stem}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn figures_are_numbers_a_spreadsheet_reads() {
        let de = Lang::De;
        assert_eq!(Cell::Number(1234.5, 1).csv(de), "1234,5");
        assert_eq!(Cell::Number(1234.5, 1).display(de), "1.234,5");
        assert_eq!(Cell::Number(-0.04, 1).csv(de), "0,0");
        assert_eq!(Cell::Number(f64::NAN, 0).csv(de), "");
        assert_eq!(Cell::Euro(9_250_000.0).csv(de), "9250000");
        assert_eq!(Cell::Euro(1234.5).csv(de), "1234,50");
        assert_eq!(Cell::Euro(1234.5).csv(Lang::En), "1234.50");
        assert_eq!(Cell::Date(day("2018-12-01")).csv(de), "01.12.2018");
        assert_eq!(Cell::Date(day("2018-12-01")).csv(Lang::En), "2018-12-01");
        assert_eq!(Cell::Missing.csv(de), "");
        assert_eq!(Cell::Missing.display(de), "–");
        assert_eq!(
            Cell::Absent("keine Daten".into()).display(de),
            "keine Daten"
        );
        assert_eq!(Cell::Absent("keine Daten".into()).csv(de), "");
        // A withheld figure's field is empty: the status column says why.
        assert_eq!(Cell::Suppressed.csv(de), "");
        assert_eq!(Cell::Suppressed.status(de), "unterdrückt");
        assert_eq!(Cell::Suppressed.status(Lang::En), "suppressed");
        let provisional = Cell::Provisional(Box::new(Cell::count(52)));
        assert_eq!(provisional.csv(de), "52");
        assert_eq!(provisional.status(de), "vorläufig");
    }

    #[test]
    fn a_figure_column_holds_figures_and_its_status_goes_beside_it() {
        let mut t = DataTable::new(
            "x",
            vec![
                Column::text("Gebiet"),
                Column::figure("2017"),
                Column::figure("2018"),
            ],
        );
        t.push(vec![Cell::text("a"), Cell::count(38), Cell::count(40)]);
        t.push(vec![
            Cell::text("b"),
            Cell::Suppressed,
            Cell::Provisional(Box::new(Cell::count(52))),
        ]);
        t.push(vec![
            Cell::text("c"),
            Cell::Absent("keine Daten".into()),
            Cell::count(7),
        ]);
        assert_eq!(
            t.csv(Lang::De),
            "\u{feff}Gebiet;2017;2017 (Status);2018;2018 (Status)\r\n\
             a;38;;40;\r\n\
             b;;unterdrückt;52;vorläufig\r\n\
             c;;keine Daten;7;\r\n"
        );
        // A column of final figures alone gets no status column.
        let mut t = DataTable::new("x", vec![Column::text("a"), Column::figure("b")]);
        t.push(vec![Cell::text("eins"), Cell::count(1)]);
        assert_eq!(t.csv(Lang::De), "\u{feff}a;b\r\neins;1\r\n");
    }

    #[test]
    fn formulas_and_separators_stay_text() {
        let mut t = DataTable::new("x", vec![Column::text("=Name"), Column::text("b")]);
        t.push(vec![
            Cell::text("=HYPERLINK(\"http://x\")"),
            Cell::text("zwei\nZeilen"),
        ]);
        t.push(vec![Cell::text("-1"), Cell::text("@a")]);
        let csv = t.csv(Lang::De);
        assert_eq!(
            csv,
            "\u{feff}'=Name;b\r\n\"'=HYPERLINK(\"\"http://x\"\")\";\"zwei\nZeilen\"\r\n'-1;'@a\r\n"
        );
    }

    #[test]
    fn every_field_is_defused_whatever_its_origin() {
        // A host's labels (this test's thread only) are text a spreadsheet must not run either.
        let labels = serde_json::json!({
            "map.suppressed": "=HYPERLINK(\"http://x\")",
            "map.no_data": "@SUM(A1)",
        });
        let rejected = Lang::En.set_labels(labels.as_object().unwrap());
        assert!(rejected.is_empty(), "{rejected:?}");
        let mut t = DataTable::new("x", vec![Column::text("a"), Column::figure("b")]);
        t.push(vec![
            Cell::text(Lang::En.texts().map.no_data),
            Cell::Suppressed,
        ]);
        t.foot = Some(vec![Cell::text("-"), Cell::Suppressed]);
        let csv = t.csv(Lang::En);
        Lang::En.set_labels(&serde_json::Map::new());
        assert_eq!(
            csv,
            "\u{feff}a,b,b (status)\r\n'@SUM(A1),,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n'-,,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
        );
        // Figures stay numbers a spreadsheet reads: a minus sign is no formula.
        let de = Lang::De;
        assert_eq!(Cell::Number(-3.0, 0).csv(de), "-3");
        assert_eq!(Cell::Number(-1234.5, 1).csv(de), "-1234,5");
        assert_eq!(Cell::Percent(-0.05).csv(de), "-5,0%");
        assert_eq!(Cell::Euro(-12.5).csv(Lang::En), "-12.50");
    }

    #[test]
    fn the_foot_is_the_last_line() {
        let mut t = DataTable::new("x", vec![Column::text("a"), Column::figure("b")]);
        t.push(vec![Cell::text("eins"), Cell::count(1)]);
        t.foot = Some(vec![Cell::text("Summe"), Cell::count(1)]);
        assert!(t.csv(Lang::En).ends_with("eins,1\r\nSumme,1\r\n"));
    }
}
