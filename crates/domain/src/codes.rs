//! Code lists that the law and DUO change (docs/regels.md): data with validity dates, not enums.
//!
//! These are the lists Leerspoor ships with; the store seeds them and an office can add codes or end
//! them (`geldig_tot`) through the exchange bundle's `codelijsten.csv` when the law changes.
use crate::{Datum, code_enum};

code_enum!(
    /// The code lists kept as data.
    CodeLijst, "codelijst" {
        Verzuimsoort = ("verzuimsoort", "Soort verzuim"),
        Meldingstatus = ("meldingstatus", "Status verzuimmelding"),
        RedenAfsluiting = ("reden_afsluiting", "Reden afsluiting verzuimmelding"),
        ZaakRedenSluiting = ("zaak_reden_sluiting", "Reden sluiting zaak"),
        VrijstellingArtikel = ("vrijstelling_artikel", "Artikel vrijstelling of verlof"),
        RmcResultaat = ("rmc_resultaat", "Resultaat RMC"),
        MaatregelUitkomst = ("maatregel_uitkomst", "Afloop HALT of proces-verbaal"),
        Dagbesteding = ("dagbesteding", "Dagbesteding van een jongere buiten school"),
    }
);

/// One code of a list, valid from `geldig_van` up to and including `geldig_tot`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    pub lijst: CodeLijst,
    pub code: String,
    pub omschrijving: String,
    pub geldig_van: Datum,
    pub geldig_tot: Option<Datum>,
}

impl Code {
    pub fn geldig_op(&self, datum: Datum) -> bool {
        self.geldig_van <= datum && self.geldig_tot.is_none_or(|tot| datum <= tot)
    }
}

use CodeLijst::*;

/// (list, code, description). All valid from [`STANDAARD_GELDIG_VAN`] with no end date.
const STANDAARD: &[(CodeLijst, &str, &str)] = &[
    // Besluit verzuimmelding, bijlage: vermoedelijke soort verzuim; plus the office's own kinds.
    (Verzuimsoort, "wettelijk_16_uur", "16 uur in 4 opeenvolgende lesweken"),
    (Verzuimsoort, "luxe", "Luxe verzuim"),
    (Verzuimsoort, "signaal", "Signaalverzuim / overig verzuim"),
    (Verzuimsoort, "beginnend", "Beginnend verzuim"),
    (Verzuimsoort, "langdurig_1_maand", "Verzuim van 1 maand of langer"),
    (Verzuimsoort, "achttien_plus", "18+ verzuim (RMC)"),
    (Verzuimsoort, "zorgwekkend_ziekteverzuim", "Zorgwekkend ziekteverzuim"),
    (Verzuimsoort, "absoluut", "Absoluut verzuim"),
    // Status of a melding as DUO's ROD knows it.
    (Meldingstatus, "geregistreerd", "Geregistreerd"),
    (Meldingstatus, "in_behandeling", "In behandeling"),
    (Meldingstatus, "afgesloten", "Afgesloten"),
    (Meldingstatus, "ingetrokken", "Ingetrokken door de school"),
    (Meldingstatus, "ter_kennisgeving", "Ter kennisgeving aangenomen"),
    // Reden afsluiting of a melding (ROD).
    (RedenAfsluiting, "terug_naar_school", "Terug naar school / opleiding hervat"),
    (RedenAfsluiting, "beeindigd_andere_opleiding", "Inschrijving beëindigd – andere opleiding"),
    (RedenAfsluiting, "beeindigd_werk", "Inschrijving beëindigd – werk"),
    (RedenAfsluiting, "beeindigd_overig", "Inschrijving beëindigd – overige redenen"),
    (RedenAfsluiting, "leerling_overleden", "Inschrijving beëindigd – leerling overleden"),
    (RedenAfsluiting, "geen_verzuim_ziek", "Geen verzuim – langdurig ziek"),
    (RedenAfsluiting, "geen_verzuim_legitiem", "Geen verzuim – legitiem afwezig"),
    // Why a zaak was closed (MAS afhandeling, absoluut-verzuim outcomes).
    (ZaakRedenSluiting, "verzuim_gestopt", "Verzuim gestopt, geregeld schoolbezoek hersteld"),
    (ZaakRedenSluiting, "ingeschreven", "Ingeschreven op een school"),
    (ZaakRedenSluiting, "verhuisd", "Verhuisd buiten de regio"),
    (ZaakRedenSluiting, "verhuisd_buitenland", "Verhuisd naar het buitenland"),
    (ZaakRedenSluiting, "vrijstelling", "Vrijstelling verleend"),
    (ZaakRedenSluiting, "registratiefout", "Registratiefout hersteld"),
    (ZaakRedenSluiting, "dwangsom", "Last onder dwangsom"),
    (ZaakRedenSluiting, "halt", "Afgedaan met HALT"),
    (ZaakRedenSluiting, "proces_verbaal", "Afgedaan met proces-verbaal"),
    (ZaakRedenSluiting, "hulpverlening", "Overgedragen aan hulpverlening"),
    (ZaakRedenSluiting, "niet_meer_plichtig", "Niet meer leer- of kwalificatieplichtig"),
    (ZaakRedenSluiting, "overleden", "Overleden"),
    (ZaakRedenSluiting, "geen_verzuim", "Geen ongeoorloofd verzuim"),
    // Leerplichtwet 1969: vrijstellingen (art. 3a, 3b, 5, 5a, 15) and verlof (art. 11).
    (VrijstellingArtikel, "art3a", "Art. 3a – vervangende leerplicht (vanaf 14 jaar)"),
    (VrijstellingArtikel, "art3b", "Art. 3b – laatste leerplichtjaar op een mbo-instelling"),
    (VrijstellingArtikel, "art5_sub_a", "Art. 5 sub a – lichamelijke of psychische gronden"),
    (VrijstellingArtikel, "art5_sub_b", "Art. 5 sub b – bedenkingen tegen de richting"),
    (VrijstellingArtikel, "art5_sub_c", "Art. 5 sub c – schoolbezoek in het buitenland"),
    (VrijstellingArtikel, "art5a", "Art. 5a – trekkend bestaan van de ouders"),
    (VrijstellingArtikel, "art11_sub_f", "Art. 11 sub f – verlof wegens de aard van het beroep van een ouder"),
    (VrijstellingArtikel, "art11_sub_g", "Art. 11 sub g – verlof wegens gewichtige omstandigheden"),
    (VrijstellingArtikel, "art15", "Art. 15 – ander onderwijs (kwalificatieplichtige)"),
    // RMC outcome taxonomy (seed 000 Tabel 10).
    (RmcResultaat, "scholing", "Herplaatst naar scholing"),
    (RmcResultaat, "werk_en_scholing", "Combinatie werk en scholing"),
    (RmcResultaat, "stage_wet", "Stagetrajecten/WET"),
    (RmcResultaat, "opvangvoorziening", "Opvangvoorzieningen"),
    (RmcResultaat, "werk", "Werk"),
    (RmcResultaat, "niet_herplaatst", "Niet herplaatst"),
    (RmcResultaat, "geen_rmc_vsv", "Geen RMC/VSV (startkwalificatie of vrijstelling)"),
    (RmcResultaat, "overig_verhuisd", "Overig (bijv. verhuisd)"),
    (RmcResultaat, "niet_doelgroep", "Behoort niet tot de doelgroep"),
    // Not in Tabel 10: a traject closed in the records of an earlier system without a result.
    (RmcResultaat, "zonder_resultaat", "Afgesloten zonder geregistreerd resultaat"),
    (RmcResultaat, "nog_in_traject", "Nog in traject RMC"),
    (RmcResultaat, "jikp_arbeid", "JIKP – arbeid zonder bemiddeling"),
    (RmcResultaat, "jikp_pwet", "JIKP – P-wet"),
    (RmcResultaat, "jikp_wajong", "JIKP – Wajong"),
    (RmcResultaat, "jikp_ketenpartner", "JIKP – ketenpartner re-integratie arbeidsmarkt"),
    (RmcResultaat, "buitenlands_onderwijs", "Kwalificerend buitenlands onderwijs"),
    (RmcResultaat, "statushouder_inburgering", "Statushouder advies inburgering"),
    (RmcResultaat, "statushouder_scholing", "Statushouder advies scholing"),
    // How a HALT-verwijzing or a proces-verbaal ended (seed 000 Tabel 5; `rules::mas::afhandeling`).
    (MaatregelUitkomst, "halt_positief", "HALT positief afgerond"),
    (MaatregelUitkomst, "halt_negatief", "HALT negatief afgerond"),
    (MaatregelUitkomst, "om_halt", "OM: naar HALT verwezen (leerstraf)"),
    (MaatregelUitkomst, "schikking", "Schikking/transactie of strafbeschikking"),
    (MaatregelUitkomst, "zitting", "Zitting (JOM, kinderrechter)"),
    (MaatregelUitkomst, "sepot", "Sepot"),
    (MaatregelUitkomst, "overig", "Overig (hulp en steun)"),
    (MaatregelUitkomst, "onbekend", "Nog onbekend"),
    // What a youth out of school does, as the RMC finds it (`rules::dagbesteding`).
    (Dagbesteding, "werk", "Werk"),
    (Dagbesteding, "uitkering_gemeente", "Uitkering van de gemeente (Participatiewet)"),
    (Dagbesteding, "uitkering_uwv", "Uitkering van UWV (Wajong, WW, ziektewet)"),
    (Dagbesteding, "zorg", "Zorg of dagbesteding zonder onderwijs of werk"),
    (Dagbesteding, "thuis", "Thuis, zonder werk, uitkering of zorg"),
];

/// The shipped codes are valid from a date before any record an office migrates; a code that the law
/// introduces or ends later gets its own dates in `codelijsten.csv`.
pub const STANDAARD_GELDIG_VAN: (i32, u32, u32) = (2000, 1, 1);

/// The code lists Leerspoor ships with.
pub fn standaard() -> Vec<Code> {
    let (y, m, d) = STANDAARD_GELDIG_VAN;
    let van = Datum::from_ymd_opt(y, m, d).expect("geldige datum");
    STANDAARD
        .iter()
        .map(|&(lijst, code, omschrijving)| Code {
            lijst,
            code: code.to_string(),
            omschrijving: omschrijving.to_string(),
            geldig_van: van,
            geldig_tot: None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code_enum::CodeEnum;

    #[test]
    fn every_list_has_codes_and_no_code_twice() {
        let codes = standaard();
        for lijst in CodeLijst::ALL {
            let mut in_lijst: Vec<&str> = codes.iter().filter(|c| c.lijst == *lijst).map(|c| c.code.as_str()).collect();
            assert!(!in_lijst.is_empty(), "{lijst}");
            let n = in_lijst.len();
            in_lijst.sort();
            in_lijst.dedup();
            assert_eq!(n, in_lijst.len(), "dubbele code in {lijst}");
        }
    }

    #[test]
    fn the_rmc_taxonomy_has_every_row_of_seed_000_tabel_10() {
        let n = standaard().iter().filter(|c| c.lijst == CodeLijst::RmcResultaat).count();
        assert_eq!(n, 17 + 1, "Tabel 10's 17 rows and 'zonder resultaat'");
    }

    #[test]
    fn validity_is_inclusive_of_both_ends() {
        let mut c = standaard().remove(0);
        c.geldig_tot = Some(Datum::from_ymd_opt(2020, 7, 31).unwrap());
        assert!(c.geldig_op(Datum::from_ymd_opt(2020, 7, 31).unwrap()));
        assert!(!c.geldig_op(Datum::from_ymd_opt(2020, 8, 1).unwrap()));
        assert!(!c.geldig_op(Datum::from_ymd_opt(1999, 12, 31).unwrap()));
    }
}
