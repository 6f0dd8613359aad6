//! The table views of the map: regions (with their validity and whether they are in force on
//! the day shown), areas with their region and figure, markers.

use super::calendar::validity;
use super::classes::Classes;
use super::figures::Figures;
use super::prepare::Prepared;
use super::types::{MapScene, RegionRow};
use crate::i18n::{Lang, join_isolated, name_of};
use crate::layout::table::{Cell, Column, DataTable, Row};
use crate::model::regions::MapDoc;
use crate::order::sort_by;

/// The rows of the region table: every region, `active` for those in force.
pub(super) fn region_rows(
    doc: &MapDoc,
    prepared: &Prepared,
    active: &[bool],
    figures: &Figures,
    classes: &Classes,
    lang: Lang,
) -> Vec<RegionRow> {
    doc.regions
        .iter()
        .enumerate()
        .map(|(r, region)| {
            let mut names: Vec<&str> = prepared
                .members
                .get(r)
                .map(|ms| {
                    ms.iter()
                        .filter_map(|&u| prepared.units.get(u))
                        .map(|s| s.name.as_str())
                        .collect()
                })
                .unwrap_or_default();
            sort_by(&mut names, |a, b| a.cmp(b));
            RegionRow {
                id: region.id.clone(),
                label: region.label.clone(),
                office: region.office.clone().unwrap_or_default(),
                valid: validity(region.valid_from, region.valid_to, lang),
                active: active.get(r).copied().unwrap_or(false),
                areas: join_isolated(names.iter().copied(), ", "),
                value: classes.cell(figures.of_region(region), lang),
                by_period: Vec::new(),
            }
        })
        .collect()
}

impl MapScene {
    /// The titles of [`MapScene::tables`], without making the tables (the export menu's items).
    pub fn table_titles(&self, lang: Lang) -> Vec<&'static str> {
        let m = lang.texts().map;
        let mut titles = Vec::new();
        if !self.regions.is_empty() {
            titles.push(m.regions_title);
        }
        titles.push(m.areas_title);
        if !self.markers.is_empty() {
            titles.push(m.markers_title);
        }
        titles
    }

    /// The table views: regions (if any), areas, markers (if any).
    pub fn tables(&self, lang: Lang) -> Vec<DataTable> {
        let mut tables = Vec::new();
        if !self.regions.is_empty() {
            tables.push(self.regions_table(lang));
        }
        tables.push(self.areas_table(lang));
        if !self.markers.is_empty() {
            tables.push(self.markers_table(lang));
        }
        tables
    }

    /// The figure columns: one of the day shown, or with periods one per period, headed by the
    /// period alone (the legend's title names the figure; a comparison's last column is the
    /// change).
    fn figure_columns(&self, head: &str) -> Vec<Column> {
        if self.periods.is_empty() {
            return vec![Column::figure(head.to_string())];
        }
        self.periods
            .iter()
            .map(|p| Column::figure(p.clone()))
            .collect()
    }

    fn regions_table(&self, lang: Lang) -> DataTable {
        let m = lang.texts().map;
        let mut columns = vec![
            Column::data(m.region),
            Column::data(m.office),
            Column::text(m.valid),
            Column::text(m.in_force),
            Column::data(m.areas),
        ];
        columns.extend(self.figure_columns(m.value));
        let mut t = DataTable::new(m.regions_title, columns);
        for r in &self.regions {
            let mut cells = vec![
                Cell::text(r.label.clone()),
                Cell::text(r.office.clone()),
                Cell::text(r.valid.clone()),
                Cell::text(if r.active { m.yes } else { m.no }),
                Cell::text(r.areas.clone()),
            ];
            if self.periods.is_empty() {
                cells.push(r.value.clone());
            } else {
                cells.extend(r.by_period.iter().cloned());
            }
            t.rows.push(Row {
                cells,
                dimmed: !r.active,
            });
        }
        t
    }

    fn areas_table(&self, lang: Lang) -> DataTable {
        let m = lang.texts().map;
        let mut columns = vec![
            Column::data(m.area),
            Column::text(m.key),
            Column::text(m.region),
        ];
        columns.extend(self.figure_columns(&self.legend_title));
        let mut t = DataTable::new(m.areas_title, columns);
        for u in &self.units {
            let region = u.region_label.clone();
            let mut cells = vec![
                Cell::text(u.name.clone()),
                Cell::text(u.key.clone()),
                Cell::text(region.unwrap_or_else(|| m.no_region.to_string())),
            ];
            if self.periods.is_empty() {
                cells.push(u.figure.clone());
            } else {
                cells.extend(u.by_period.iter().cloned());
            }
            t.push(cells);
        }
        t
    }

    fn markers_table(&self, lang: Lang) -> DataTable {
        let m = lang.texts().map;
        // Validity only where some marker has one: a document without dates reads as before.
        let dated = self.markers.iter().any(|mk| mk.valid != m.always);
        let mut columns = vec![Column::data(m.area), Column::text(m.kind)];
        if dated {
            columns.extend([Column::text(m.valid), Column::text(m.in_force)]);
        }
        let mut t = DataTable::new(m.markers_title, columns);
        for mk in &self.markers {
            let mut cells = vec![
                Cell::text(mk.label.clone()),
                Cell::text(name_of(m.marker_kinds, mk.kind)),
            ];
            if dated {
                cells.push(Cell::text(mk.valid.clone()));
                cells.push(Cell::text(if mk.open { m.yes } else { m.no }));
            }
            t.rows.push(Row {
                cells,
                dimmed: !mk.open,
            });
        }
        t
    }
}
