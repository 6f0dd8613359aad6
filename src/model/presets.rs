//! Key figures a document may name by id instead of giving label and unit:
//! the SGB II key figures ("Kennzahlen") and their supplementary figures
//! ("Ergänzungsgrößen"), and the ESF+ common output indicators for
//! participants.
//!
//! Legal sources:
//!
//! * `sgb2/…` — Verordnung zur Festlegung der Kennzahlen nach § 48a des
//!   Zweiten Buches Sozialgesetzbuch vom 12. August 2010 (BGBl. I S. 1152),
//!   geändert durch Artikel 10 des Gesetzes vom 24. März 2011 (BGBl. I S. 453)
//!   und zuletzt durch die Erste Verordnung zur Änderung der Verordnung zur
//!   Festlegung der Kennzahlen nach § 48a des Zweiten Buches Sozialgesetzbuch
//!   vom 15. März 2019 (BGBl. I S. 339); §§ 4–6. The codes K1 … K3E4 are those
//!   the Statistik der Bundesagentur für Arbeit and sgb2.info use for the
//!   figures of §§ 4, 5 and 6 in the order of the Verordnung. German names
//!   follow the wording in force since 22 March 2019.
//! * `esf+/…` — Regulation (EU) 2021/1057 of the European Parliament and of
//!   the Council of 24 June 2021 establishing the European Social Fund Plus
//!   (ESF+) and repealing Regulation (EU) No 1296/2013 (OJ L 231, 30.6.2021,
//!   p. 21; corrigendum OJ L 421, 26.11.2021, p. 75), Annex I, points 1.1 and
//!   1.2; codes EECO01 … as used in SFC2021 by the European Commission.
//!
//! Not (yet) included, because a code or an official name could not be
//! verified: the ESF+ indicators "homeless …", "rural areas" (point 1.2),
//! the entity indicators (point 2, EECO18/EECO19) and all result indicators
//! (points 3 and 4, EECR…). Codes that were inferred from the order of the
//! legal text rather than read in a published table are marked where they
//! stand; docs/presets-sources.md lists the source of every entry.
//!
//! Names are the official names; only the first letter is capitalised for
//! use as a label where the regulation lists the name in lower case.

/// What a preset's values count or measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresetUnit {
    /// People.
    Persons,
    /// Percent (a rate or a rate of change).
    Percent,
    /// Euro.
    Euro,
    /// A count of cases or entities.
    Count,
}

/// The legal list a preset comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// A key figure or supplementary figure by § 48a SGB II.
    Sgb2Kennzahl,
    /// An ESF+ common output indicator for participants (Regulation (EU) 2021/1057, Annex I).
    EsfPlusOutput,
}

/// A key figure of a legal list: its id, official names, unit and what it is made of.
#[derive(Clone, Copy, Debug)]
pub struct Preset {
    /// The id a document uses: "sgb2/K1", "sgb2/K2E1", "esf+/EECO01", …
    pub id: &'static str,
    /// The list it is from.
    pub family: Family,
    /// Official German name.
    pub de: &'static str,
    /// Official English name.
    pub en: &'static str,
    /// What its values measure.
    pub unit: PresetUnit,
    /// The reported data are personal data (*) / a special category (**): 0, 1 or 2.
    pub personal: u8,
    /// Ids whose values sum to this one (the derived total of participants), else empty.
    pub sum_of: &'static [&'static str],
}

/// Shorthand for an SGB II figure. § 3 of the Verordnung: all Kennzahlen and
/// Ergänzungsgrößen are shown in percent; the "Veränderung …" figures are
/// quotients of this month over the same month a year before, which the BA
/// publishes as a rate of change in percent.
const fn sgb2(id: &'static str, de: &'static str, en: &'static str) -> Preset {
    Preset {
        id,
        family: Family::Sgb2Kennzahl,
        de,
        en,
        unit: PresetUnit::Percent,
        personal: 0,
        sum_of: &[],
    }
}

/// Shorthand for an ESF+ common output indicator for participants.
const fn eeco(id: &'static str, de: &'static str, en: &'static str, personal: u8) -> Preset {
    Preset {
        id,
        family: Family::EsfPlusOutput,
        de,
        en,
        unit: PresetUnit::Persons,
        personal,
        sum_of: &[],
    }
}

/// Every preset, in the order of the legal texts.
pub const PRESETS: &[Preset] = &[
    // ── SGB II, § 4 Verringerung der Hilfebedürftigkeit ──────────────────
    // English names of all sgb2/ entries: our translation (no English names
    // published by BA or BMAS were found).
    sgb2(
        "sgb2/K1",
        "Veränderung der Summe der Leistungen zum Lebensunterhalt (ohne Leistungen für Unterkunft und Heizung)",
        "Change in the total of benefits for living expenses (excluding benefits for accommodation and heating)",
    ),
    sgb2(
        "sgb2/K1E1",
        "Veränderung der Summe der Leistungen für Unterkunft und Heizung",
        "Change in the total of benefits for accommodation and heating",
    ),
    sgb2(
        "sgb2/K1E2",
        "Veränderung der Zahl der erwerbsfähigen Leistungsberechtigten",
        "Change in the number of employable benefit recipients",
    ),
    sgb2(
        "sgb2/K1E3",
        "Durchschnittliche Zugangsrate der erwerbsfähigen Leistungsberechtigten",
        "Average inflow rate of employable benefit recipients",
    ),
    sgb2(
        "sgb2/K1E4",
        "Durchschnittliche Abgangsrate der erwerbsfähigen Leistungsberechtigten",
        "Average outflow rate of employable benefit recipients",
    ),
    // ── SGB II, § 5 Verbesserung der Integration in Erwerbstätigkeit ─────
    sgb2("sgb2/K2", "Integrationsquote", "Integration rate"),
    // K2E1, K2E2: code derived from the order in § 5 (2) Nr. 1–2 (see docs/presets-sources.md).
    sgb2(
        "sgb2/K2E1",
        "Quote der Eintritte in geringfügige Beschäftigung",
        "Rate of entries into marginal employment",
    ),
    sgb2(
        "sgb2/K2E2",
        "Quote der Eintritte in öffentlich geförderte Beschäftigung",
        "Rate of entries into publicly subsidised employment",
    ),
    // Until 21 March 2019: "Nachhaltigkeit der Integrationen" (under that name
    // the code K2E3 is seen in sources).
    sgb2(
        "sgb2/K2E3",
        "Kontinuierliche Beschäftigung nach Integration",
        "Continuous employment after integration",
    ),
    sgb2(
        "sgb2/K2E4",
        "Integrationsquote der Alleinerziehenden",
        "Integration rate of single parents",
    ),
    // ── SGB II, § 6 Vermeidung von langfristigem Leistungsbezug ──────────
    // Until 21 March 2019 "…Langzeitleistungsbezieher(n)", since then
    // "…Langzeitleistungsbeziehende(n)". The code K3 itself is derived (K3E1,
    // K3E2 are seen), see docs/presets-sources.md.
    sgb2(
        "sgb2/K3",
        "Veränderung des Bestands an Langzeitleistungsbeziehenden",
        "Change in the number of long-term benefit recipients",
    ),
    sgb2(
        "sgb2/K3E1",
        "Integrationsquote der Langzeitleistungsbeziehenden",
        "Integration rate of long-term benefit recipients",
    ),
    sgb2(
        "sgb2/K3E2",
        "Aktivierungsquote der Langzeitleistungsbeziehenden",
        "Activation rate of long-term benefit recipients",
    ),
    // K3E3, K3E4: code derived from the order in § 6 (2) Nr. 3–4 (see docs/presets-sources.md).
    sgb2(
        "sgb2/K3E3",
        "Durchschnittliche Zugangsrate der Langzeitleistungsbeziehenden",
        "Average inflow rate of long-term benefit recipients",
    ),
    sgb2(
        "sgb2/K3E4",
        "Durchschnittliche Abgangsrate der Langzeitleistungsbeziehenden",
        "Average outflow rate of long-term benefit recipients",
    ),
    // ── ESF+, Regulation (EU) 2021/1057, Annex I, point 1.1 ──────────────
    // Footnote (2): the total is calculated automatically on the basis of the
    // common output indicators related to employment status. Every participant
    // has exactly one employment status at entry: unemployed (incl. long-term
    // unemployed), inactive, or employed (incl. self-employed). EECO03
    // (long-term unemployed) is a subset of EECO02 and is not added.
    Preset {
        id: "esf+/EECO01",
        family: Family::EsfPlusOutput,
        de: "Gesamtzahl der Teilnehmer",
        en: "Total number of participants",
        unit: PresetUnit::Persons,
        personal: 0,
        sum_of: &["esf+/EECO02", "esf+/EECO04", "esf+/EECO05"],
    },
    eeco(
        "esf+/EECO02",
        "Arbeitslose, auch Langzeitarbeitslose",
        "Unemployed, including long-term unemployed",
        1,
    ),
    eeco(
        "esf+/EECO03",
        "Langzeitarbeitslose",
        "Long-term unemployed",
        1,
    ),
    eeco("esf+/EECO04", "Nichterwerbstätige", "Inactive", 1),
    eeco(
        "esf+/EECO05",
        "Erwerbstätige, auch Selbstständige",
        "Employed, including self-employed",
        1,
    ),
    eeco(
        "esf+/EECO06",
        "Zahl der Kinder unter 18 Jahren",
        "Number of children below 18 years of age",
        1,
    ),
    eeco(
        "esf+/EECO07",
        "Junge Menschen im Alter von 18 bis 29 Jahren",
        "Young people between 18 and 29 years of age",
        1,
    ),
    eeco(
        "esf+/EECO08",
        "Zahl der Teilnehmer ab 55 Jahren",
        "Number of participants of 55 years of age and above",
        1,
    ),
    eeco(
        "esf+/EECO09",
        "Mit Sekundarbildung Unterstufe oder weniger (ISCED 0-2)",
        "With lower secondary education or less (ISCED 0-2)",
        1,
    ),
    eeco(
        "esf+/EECO10",
        "Mit Sekundarbildung Oberstufe (ISCED 3) oder postsekundärer Bildung (ISCED 4)",
        "With upper secondary (ISCED 3) or post-secondary education (ISCED 4)",
        1,
    ),
    eeco(
        "esf+/EECO11",
        "Mit tertiärer Bildung (ISCED 5 bis 8)",
        "With tertiary education (ISCED 5 to 8)",
        1,
    ),
    // ── ESF+, Annex I, point 1.2 (other common output indicators) ────────
    eeco(
        "esf+/EECO12",
        "Teilnehmer mit Behinderungen",
        "Participants with disabilities",
        2,
    ),
    eeco(
        "esf+/EECO13",
        "Drittstaatsangehörige",
        "Third-country nationals",
        1,
    ),
    eeco(
        "esf+/EECO14",
        "Teilnehmer ausländischer Herkunft",
        "Participants with a foreign background",
        1,
    ),
    eeco(
        "esf+/EECO15",
        "Angehörige von Minderheiten (u. a. marginalisierte Gemeinschaften, wie etwa die Roma)",
        "Minorities (including marginalised communities, such as Roma people)",
        2,
    ),
];

/// The preset of `id`.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        for (i, a) in PRESETS.iter().enumerate() {
            for b in &PRESETS[i + 1..] {
                assert_ne!(a.id, b.id, "duplicate id");
            }
        }
    }

    #[test]
    fn names_are_not_empty() {
        for p in PRESETS {
            assert!(!p.de.trim().is_empty(), "{}: empty German name", p.id);
            assert!(!p.en.trim().is_empty(), "{}: empty English name", p.id);
        }
    }

    #[test]
    fn sum_of_ids_exist_and_fit() {
        for p in PRESETS {
            for part in p.sum_of {
                let q = preset(part).unwrap_or_else(|| panic!("{}: unknown id {}", p.id, part));
                assert_ne!(q.id, p.id, "{}: sums itself", p.id);
                assert_eq!(q.family, p.family, "{}: {} in another family", p.id, part);
                assert_eq!(q.unit, p.unit, "{}: {} in another unit", p.id, part);
                assert!(q.sum_of.is_empty(), "{}: nested sum {}", p.id, part);
            }
        }
    }

    #[test]
    fn family_prefix_matches_id() {
        for p in PRESETS {
            let prefix = match p.family {
                Family::Sgb2Kennzahl => "sgb2/",
                Family::EsfPlusOutput => "esf+/",
            };
            assert!(p.id.starts_with(prefix), "{}: family {:?}", p.id, p.family);
            let code = &p.id[prefix.len()..];
            match p.family {
                Family::Sgb2Kennzahl => assert!(code.starts_with('K'), "{}", p.id),
                Family::EsfPlusOutput => assert!(code.starts_with("EECO"), "{}", p.id),
            }
        }
    }

    #[test]
    fn personal_is_0_1_or_2() {
        for p in PRESETS {
            assert!(p.personal <= 2, "{}", p.id);
        }
    }

    #[test]
    fn total_of_participants() {
        let Some(total) = preset("esf+/EECO01") else {
            panic!("EECO01")
        };
        assert_eq!(total.sum_of, &["esf+/EECO02", "esf+/EECO04", "esf+/EECO05"]);
        assert_eq!(total.personal, 0);
        assert!(preset("esf+/EECO03").is_some_and(|p| p.sum_of.is_empty()));
        assert!(preset("sgb2/K9").is_none());
    }
}
