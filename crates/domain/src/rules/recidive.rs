//! Recidive (docs/regels.md; seed 002 "in 22% van de gevallen sprake van herhaald verzuim"): of the
//! youths whose verzuim case closed in a schooljaar, who were reported again — a new melding after
//! the closing, in the same or the next schooljaar. The report's "% jongeren verzuimden na
//! interventie niet meer" is the rest.
use super::melding;
use crate::model::{Verzuimmelding, Zaak, ZaakSoort, ZaakStatus};
use crate::{Datum, SchoolJaar};
use std::collections::HashMap;

/// One youth whose case closed in the schooljaar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NaInterventie {
    pub jongere: String,
    /// The first case of the youth that closed in the schooljaar: the intervention.
    pub zaak: String,
    pub gesloten_op: Datum,
    /// The first new melding after it, if any: recidive.
    pub nieuwe_melding: Option<(String, Datum)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recidive {
    pub schooljaar: SchoolJaar,
    /// Per youth (counted per jongere, not per melding), ordered by youth.
    pub jongeren: Vec<NaInterventie>,
}

impl Recidive {
    pub fn recidivisten(&self) -> usize {
        self.jongeren.iter().filter(|j| j.nieuwe_melding.is_some()).count()
    }

    /// Share with recidive, in percent; `None` without closed cases.
    pub fn percentage(&self) -> Option<f64> {
        (!self.jongeren.is_empty()).then(|| 100.0 * self.recidivisten() as f64 / self.jongeren.len() as f64)
    }
}

/// Verzuim cases: relatief verzuim and 18+ (RMC). Absoluut verzuim is about enrolment, not
/// attendance, and has no recidive in this sense.
fn verzuimzaak(z: &Zaak) -> bool {
    matches!(z.soort, ZaakSoort::RelatiefVerzuim | ZaakSoort::Rmc)
}

/// A melding that reports new verzuim: not withdrawn, not a preventive contact, not illness or
/// absoluut verzuim.
fn nieuw_verzuim(m: &Verzuimmelding) -> bool {
    melding::telt(m) && !matches!(m.soort.as_str(), "zorgwekkend_ziekteverzuim" | "absoluut")
}

/// Recidive for `schooljaar` over the given zaken and meldingen (any superset of the relevant ones).
pub fn recidive(schooljaar: SchoolJaar, zaken: &[Zaak], meldingen: &[Verzuimmelding]) -> Recidive {
    let tot = schooljaar.volgend().laatste_dag();
    let mut eerste: HashMap<&str, &Zaak> = HashMap::new();
    for z in zaken.iter().filter(|z| verzuimzaak(z) && z.status == ZaakStatus::Gesloten) {
        let Some(dicht) = z.gesloten_op.filter(|d| SchoolJaar::van(*d) == schooljaar) else { continue };
        let e = eerste.entry(z.jongere.as_str()).or_insert(z);
        if (dicht, &z.id) < (e.gesloten_op.unwrap_or(dicht), &e.id) {
            *e = z;
        }
    }
    // Per youth, so a national year (hundreds of thousands of meldingen) stays linear.
    let mut per_jongere: HashMap<&str, Vec<&Verzuimmelding>> = HashMap::new();
    for m in meldingen {
        if let Some((jongere, _)) = eerste.get_key_value(m.jongere.as_str()) {
            per_jongere.entry(jongere).or_default().push(m);
        }
    }
    let mut jongeren: Vec<NaInterventie> = eerste
        .into_iter()
        .map(|(jongere, z)| {
            let dicht = z.gesloten_op.expect("gesloten zaak heeft een datum");
            let eigen = per_jongere.get(jongere).map_or(&[][..], Vec::as_slice);
            // A repeated melding of the absence the case was about is not new verzuim: one that
            // follows up a melding of this case (of this youth, as a case's meldingen are).
            let van_zaak = |e: &str| eigen.iter().any(|x| x.id == e && x.zaak.as_deref() == Some(z.id.as_str()));
            let nieuwe_melding = eigen
                .iter()
                .copied()
                .filter(|m| nieuw_verzuim(m))
                .filter(|m| m.meldingsdatum > dicht && m.meldingsdatum <= tot)
                .filter(|m| m.zaak.as_deref() != Some(z.id.as_str()))
                .filter(|m| !m.vervolg_op.as_deref().is_some_and(van_zaak))
                .min_by_key(|m| (m.meldingsdatum, &m.id))
                .map(|m| (m.id.clone(), m.meldingsdatum));
            NaInterventie { jongere: jongere.to_string(), zaak: z.id.clone(), gesloten_op: dicht, nieuwe_melding }
        })
        .collect();
    jongeren.sort_unstable_by(|a, b| a.jongere.cmp(&b.jongere));
    Recidive { schooljaar, jongeren }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Datum {
        s.parse().unwrap()
    }

    fn zaak(id: &str, jongere: &str, soort: ZaakSoort, gesloten: Option<&str>) -> Zaak {
        Zaak {
            id: id.into(),
            jongere: jongere.into(),
            soort,
            medewerker: None,
            geopend_op: d("2019-09-02"),
            status: if gesloten.is_some() { ZaakStatus::Gesloten } else { ZaakStatus::InOnderzoek },
            gesloten_op: gesloten.map(d),
            reden_sluiting: gesloten.map(|_| "verzuim_gestopt".into()),
        }
    }

    fn melding(id: &str, jongere: &str, soort: &str, gemeld: &str, zaak: &str) -> Verzuimmelding {
        Verzuimmelding {
            id: id.into(),
            jongere: jongere.into(),
            brin: Some("10AB".into()),
            vestiging: Some("00".into()),
            soort: soort.into(),
            meldingsdatum: d(gemeld),
            verzuim_van: d(gemeld),
            verzuim_tot: None,
            uren: None,
            reden: String::new(),
            status: "geregistreerd".into(),
            reden_afsluiting: None,
            zaak: Some(zaak.into()),
            preventief: false,
            vervolg_op: None,
            alle_lessen_gemist: None,
            deels_lesbaar: None,
        }
    }

    #[test]
    fn a_new_melding_in_the_same_or_next_schooljaar_after_the_closed_case_is_recidive() {
        let jaar = SchoolJaar::beginnend_in(2019);
        let zaken = [
            zaak("Z1", "ANNA", ZaakSoort::RelatiefVerzuim, Some("2019-11-15")),
            zaak("Z2", "BOB", ZaakSoort::RelatiefVerzuim, Some("2020-03-01")),
            zaak("Z3", "CEM", ZaakSoort::Rmc, Some("2020-06-30")),
            zaak("Z4", "DIDI", ZaakSoort::AbsoluutVerzuim, Some("2020-01-10")),
            zaak("Z5", "EVA", ZaakSoort::RelatiefVerzuim, Some("2019-07-31")),
            zaak("Z6", "ANNA", ZaakSoort::RelatiefVerzuim, Some("2020-05-01")),
        ];
        let meldingen = [
            melding("M1", "ANNA", "wettelijk_16_uur", "2020-02-03", "Z6"),
            // Bob again, but the schooljaar after next: no longer counted.
            melding("M2", "BOB", "luxe", "2021-08-01", "Z7"),
            // Cem is ill: not verzuim.
            melding("M3", "CEM", "zorgwekkend_ziekteverzuim", "2020-09-01", "Z8"),
            melding("M4", "CEM", "achttien_plus", "2021-07-31", "Z9"),
            melding("M5", "EVA", "signaal", "2019-09-10", "Z10"),
        ];
        let r = recidive(jaar, &zaken, &meldingen);
        let namen: Vec<(&str, Option<&str>)> =
            r.jongeren.iter().map(|j| (j.jongere.as_str(), j.nieuwe_melding.as_ref().map(|m| m.0.as_str()))).collect();
        // Per youth, absoluut verzuim left out, Eva's case closed the year before.
        assert_eq!(namen, [("ANNA", Some("M1")), ("BOB", None), ("CEM", Some("M4"))]);
        assert_eq!(r.jongeren[0].zaak, "Z1", "de eerste interventie telt");
        assert_eq!(r.recidivisten(), 2);
        assert!((r.percentage().unwrap() - 66.666).abs() < 0.01);
        assert_eq!(recidive(SchoolJaar::beginnend_in(2015), &zaken, &meldingen).percentage(), None);
    }

    #[test]
    fn the_same_absence_reported_again_is_not_recidive() {
        let jaar = SchoolJaar::beginnend_in(2020);
        let zaken = [zaak("Z1", "ANNA", ZaakSoort::RelatiefVerzuim, Some("2020-10-01"))];
        let eerste = melding("M1", "ANNA", "wettelijk_16_uur", "2020-09-20", "Z1");
        let herhaald = Verzuimmelding {
            vervolg_op: Some("M1".into()),
            ..melding("M2", "ANNA", "wettelijk_16_uur", "2020-10-05", "Z2")
        };
        let r = recidive(jaar, &zaken, &[eerste, herhaald]);
        assert_eq!(r.recidivisten(), 0);
    }
}
