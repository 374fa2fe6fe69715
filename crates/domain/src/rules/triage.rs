//! Risk triage for 18-23 meldingen (docs/regels.md, seed 004): the risk of reaching 23 without a
//! startkwalificatie, as low / medium / high. No model: a sum of points from named factors, each
//! configurable, and every point traced to its factor in the reasons shown to the consulent.
use crate::code_enum;
use crate::code_enum::CodeEnum;
use crate::onderwijs::DiplomaSoort;
use serde::Deserialize;

code_enum!(Risico, "risico" {
    Laag = ("laag", "Laag"),
    Middel = ("middel", "Middel"),
    Hoog = ("hoog", "Hoog"),
});

/// The points per factor and the thresholds; an office may set its own (a JSON file whose fields
/// replace these defaults).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Factoren {
    /// No diploma at all.
    pub geen_diploma: u32,
    /// Highest diploma vmbo-basis/kader, Entree or praktijkonderwijs: far from a startkwalificatie.
    pub laag_diploma: u32,
    /// Per school switch in the last three years, up to `max_schoolwissels`.
    pub per_schoolwissel: u32,
    pub max_schoolwissels: u32,
    /// Per earlier verzuimmelding, up to `max_meldingen`.
    pub per_melding: u32,
    pub max_meldingen: u32,
    /// From this age on, little time is left before 23.
    pub leeftijd_vanaf: u32,
    pub leeftijd: u32,
    /// Ever in PRO, VSO, Entree or vmbo-basis (JIKP).
    pub jikp: u32,
    /// Points from which the risk is medium, and high.
    pub drempel_middel: u32,
    pub drempel_hoog: u32,
}

impl Default for Factoren {
    fn default() -> Factoren {
        Factoren {
            geen_diploma: 3,
            laag_diploma: 2,
            per_schoolwissel: 1,
            max_schoolwissels: 3,
            per_melding: 1,
            max_meldingen: 3,
            leeftijd_vanaf: 21,
            leeftijd: 2,
            jikp: 2,
            drempel_middel: 3,
            drempel_hoog: 6,
        }
    }
}

/// What is known of the youth on the day of the melding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feiten {
    pub hoogste_diploma: Option<DiplomaSoort>,
    pub schoolwissels: u32,
    pub eerdere_meldingen: u32,
    pub leeftijd: u32,
    pub jikp: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reden {
    pub factor: &'static str,
    pub punten: u32,
    pub uitleg: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Triage {
    pub risico: Risico,
    pub punten: u32,
    /// Every factor that gave points; their sum is `punten`.
    pub redenen: Vec<Reden>,
}

pub fn beoordeel(f: &Feiten, k: &Factoren) -> Triage {
    use DiplomaSoort::*;
    let mut redenen = Vec::new();
    let mut reden = |factor, punten, uitleg: String| {
        if punten > 0 {
            redenen.push(Reden { factor, punten, uitleg });
        }
    };
    match f.hoogste_diploma {
        None => reden("diploma", k.geen_diploma, "geen diploma".into()),
        Some(d @ (VmboBb | VmboKb | Mbo1 | Pro)) => {
            reden("diploma", k.laag_diploma, format!("hoogste diploma: {}", d.label()))
        }
        Some(_) => {}
    }
    let wissels = f.schoolwissels.min(k.max_schoolwissels);
    reden(
        "schoolwissels",
        wissels * k.per_schoolwissel,
        format!("{} keer van school gewisseld in drie jaar", f.schoolwissels),
    );
    let meldingen = f.eerdere_meldingen.min(k.max_meldingen);
    reden("meldingen", meldingen * k.per_melding, format!("{} eerdere verzuimmelding(en)", f.eerdere_meldingen));
    if f.leeftijd >= k.leeftijd_vanaf {
        reden("leeftijd", k.leeftijd, format!("{} jaar: weinig tijd tot 23", f.leeftijd));
    }
    if f.jikp {
        reden("jikp", k.jikp, "eerder in pro, vso, Entree of vmbo-basis (JIKP)".into());
    }
    let punten = redenen.iter().map(|r| r.punten).sum();
    let risico = if punten >= k.drempel_hoog {
        Risico::Hoog
    } else if punten >= k.drempel_middel {
        Risico::Middel
    } else {
        Risico::Laag
    };
    Triage { risico, punten, redenen }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feiten() -> Feiten {
        Feiten {
            hoogste_diploma: Some(DiplomaSoort::VmboGt),
            schoolwissels: 0,
            eerdere_meldingen: 0,
            leeftijd: 19,
            jikp: false,
        }
    }

    #[test]
    fn every_point_is_traced_to_a_factor() {
        let t = beoordeel(&feiten(), &Factoren::default());
        assert_eq!((t.risico, t.punten, t.redenen.len()), (Risico::Laag, 0, 0));

        let f = Feiten { hoogste_diploma: None, schoolwissels: 5, eerdere_meldingen: 1, leeftijd: 21, jikp: true };
        let t = beoordeel(&f, &Factoren::default());
        let uitleg: Vec<(&str, u32)> = t.redenen.iter().map(|r| (r.factor, r.punten)).collect();
        assert_eq!(uitleg, [("diploma", 3), ("schoolwissels", 3), ("meldingen", 1), ("leeftijd", 2), ("jikp", 2)]);
        assert_eq!((t.punten, t.risico), (11, Risico::Hoog));
        assert_eq!(
            t.redenen[1].uitleg, "5 keer van school gewisseld in drie jaar",
            "de echte aantal, de punten begrensd"
        );
    }

    #[test]
    fn thresholds_decide_the_level_and_an_office_sets_its_own() {
        let f = Feiten { hoogste_diploma: Some(DiplomaSoort::Mbo1), schoolwissels: 1, ..feiten() };
        assert_eq!(beoordeel(&f, &Factoren::default()).risico, Risico::Middel, "2 + 1 = 3");
        let eigen: Factoren = serde_json::from_str(r#"{"drempel_middel": 4, "laag_diploma": 1}"#).unwrap();
        assert_eq!(beoordeel(&f, &eigen).risico, Risico::Laag);
        let fout = serde_json::from_str::<Factoren>(r#"{"drempel_midel": 4}"#).unwrap_err().to_string();
        assert!(fout.contains("unknown field `drempel_midel`"), "{fout}");
    }
}
