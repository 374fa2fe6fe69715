//! What the golden tests share: record builders that read like the register (one record a line),
//! the import of a hand-made register into each test database, and reading a table's cells by key.
#![allow(dead_code, reason = "each test file uses its own part of the fixture")]
use leerspoor_domain::model::*;
use leerspoor_domain::onderwijs::{DiplomaSoort, Niveau, Onderwijssoort, VsoProfiel};
use leerspoor_domain::{Bsn, Datum, Gemeentecode, SchoolJaar};
use leerspoor_ingest::{ImportOpties, importeer_dataset};
use leerspoor_report::{Fout, Kader, Scope, Tabel};
use leerspoor_store::Store;
use leerspoor_testdb::TestDb;

pub const VERSLAGJAAR: &str = "2020-2021";

/// The VO school that reports every melding (absoluut verzuim has no school).
pub const DUINLYCEUM: (&str, &str) = ("10AB", "00");

/// The leerplichtambtenaar with BOA powers takes the measures, the one without opens the zaken,
/// the RMC-consulent runs the trajecten.
pub const BOA: &str = "MW-BOA";
pub const LPA: &str = "MW-LPA";
pub const RMC: &str = "MW-RMC";

pub fn d(s: &str) -> Datum {
    s.parse().expect("datum")
}

pub fn gm(code: &str) -> Gemeentecode {
    Gemeentecode::parse(code).expect("gemeentecode")
}

/// The `n`-th number from 100000000 up that passes the elfproef (100000009, 100000010, …).
pub fn bsn(n: usize) -> Bsn {
    (100_000_000u32..).filter_map(|x| Bsn::try_from(x).ok()).nth(n).expect("een BSN")
}

// ---------------------------------------------------------------------------------------------
// Building the records.
// ---------------------------------------------------------------------------------------------

/// A youth living in `gemeente` from birth on.
pub fn jongere(ds: &mut Dataset, id: &str, geboren: &str, gemeente: &str) {
    let n = ds.jongeren.len();
    ds.jongeren.push(Jongere {
        id: id.into(),
        bsn: bsn(n),
        voornamen: id.trim_start_matches("J-").to_string(),
        tussenvoegsel: String::new(),
        achternaam: "Zuidkust".into(),
        geboortedatum: d(geboren),
        geslacht: Geslacht::Onbekend,
        overlijdensdatum: None,
        twaalf_schooljaren_op: None,
    });
    ds.woonadressen.push(Woonadres {
        id: format!("W-{id}-0"),
        jongere: id.into(),
        gemeente: gm(gemeente),
        straat: "Dorpsstraat".into(),
        huisnummer: (n + 1).to_string(),
        postcode: "9900AA".into(),
        woonplaats: gemeente.into(),
        begindatum: d(geboren),
        einddatum: None,
        vertrek: None,
    });
}

/// The youth's registered sex ([`jongere`] leaves it unknown).
pub fn geslacht(ds: &mut Dataset, id: &str, geslacht: Geslacht) {
    ds.jongeren.iter_mut().find(|j| j.id == id).expect("een jongere").geslacht = geslacht;
}

/// The youth died on `datum`.
pub fn overlijdt(ds: &mut Dataset, id: &str, datum: &str) {
    ds.jongeren.iter_mut().find(|j| j.id == id).expect("een jongere").overlijdensdatum = Some(d(datum));
}

/// A VSV-melding from DUO: the youth left `soort` on `uitval` (the day after the last day enrolled).
pub fn vsv_melding(ds: &mut Dataset, jongere: &str, uitval: &str, soort: Onderwijssoort, niveau: Option<Niveau>) {
    ds.vsv_meldingen.push(VsvMelding {
        id: format!("VSV-{jongere}-{uitval}"),
        jongere: jongere.into(),
        uitvaldatum: d(uitval),
        bron: VsvBron::Duo,
        onderwijssoort: soort,
        niveau,
        brin: None,
    });
}

/// The youth moves to `naar` on `datum`: the current address ends the day before.
/// A diploma from the school with BRIN `brin`.
pub fn diploma(ds: &mut Dataset, jongere: &str, soort: DiplomaSoort, datum: &str, brin: &str) {
    ds.diplomas.push(Diploma {
        id: format!("D-{}-{}", jongere.trim_start_matches("J-"), ds.diplomas.len() + 1),
        jongere: jongere.into(),
        soort,
        datum: d(datum),
        brin: Some(brin.into()),
    });
}

pub fn verhuist(ds: &mut Dataset, id: &str, datum: &str, naar: &str) {
    let oud = ds.woonadressen.iter_mut().rfind(|a| a.jongere == id).expect("een adres");
    oud.einddatum = d(datum).pred_opt();
    let mut nieuw = oud.clone();
    nieuw.id = format!("W-{id}-{}", ds.woonadressen.iter().filter(|a| a.jongere == id).count());
    nieuw.gemeente = gm(naar);
    nieuw.woonplaats = naar.into();
    nieuw.begindatum = d(datum);
    nieuw.einddatum = None;
    ds.woonadressen.push(nieuw);
}

/// The youth leaves for abroad; `laatste_dag` is the last day at the address.
pub fn vertrekt(ds: &mut Dataset, id: &str, laatste_dag: &str) {
    let a = ds.woonadressen.iter_mut().rfind(|a| a.jongere == id).expect("een adres");
    a.einddatum = Some(d(laatste_dag));
    a.vertrek = Some(Vertrek::Buitenland);
}

#[allow(clippy::too_many_arguments, reason = "one enrolment per line reads like the register")]
pub fn inschrijving(
    ds: &mut Dataset,
    jongere: &str,
    school: (&str, &str),
    soort: Onderwijssoort,
    niveau: Option<Niveau>,
    vso_profiel: Option<VsoProfiel>,
    van: &str,
    tot: Option<&str>,
) {
    ds.inschrijvingen.push(Inschrijving {
        id: format!("I-{}", ds.inschrijvingen.len() + 1),
        jongere: jongere.into(),
        brin: school.0.into(),
        vestiging: school.1.into(),
        onderwijssoort: soort,
        niveau,
        vso_profiel,
        begindatum: d(van),
        einddatum: tot.map(d),
    });
}

/// A zaak; `gesloten` = (date, reason) closes it, otherwise it is still under investigation.
pub fn zaak(
    ds: &mut Dataset,
    id: &str,
    jongere: &str,
    soort: ZaakSoort,
    geopend: &str,
    gesloten: Option<(&str, &str)>,
) {
    ds.zaken.push(Zaak {
        id: id.into(),
        jongere: jongere.into(),
        soort,
        medewerker: Some(LPA.into()),
        geopend_op: d(geopend),
        status: if gesloten.is_some() { ZaakStatus::Gesloten } else { ZaakStatus::InOnderzoek },
        gesloten_op: gesloten.map(|(op, _)| d(op)),
        reden_sluiting: gesloten.map(|(_, reden)| reden.into()),
    });
}

/// A melding from the youth's school, the absence starting on the melding date.
pub fn melding<'a>(
    ds: &'a mut Dataset,
    id: &str,
    jongere: &str,
    soort: &str,
    gemeld: &str,
    zaak: Option<&str>,
) -> &'a mut Verzuimmelding {
    let absoluut = soort == "absoluut";
    ds.verzuimmeldingen.push(Verzuimmelding {
        id: id.into(),
        jongere: jongere.into(),
        brin: (!absoluut).then(|| DUINLYCEUM.0.into()),
        vestiging: (!absoluut).then(|| DUINLYCEUM.1.into()),
        soort: soort.into(),
        meldingsdatum: d(gemeld),
        verzuim_van: d(gemeld),
        verzuim_tot: None,
        uren: Some(16),
        reden: String::new(),
        status: "geregistreerd".into(),
        reden_afsluiting: None,
        zaak: zaak.map(Into::into),
        preventief: false,
        vervolg_op: None,
        alle_lessen_gemist: None,
        deels_lesbaar: None,
    });
    ds.verzuimmeldingen.last_mut().expect("net toegevoegd")
}

pub fn actie<'a>(
    ds: &'a mut Dataset,
    jongere: &str,
    zaak: Option<&str>,
    soort: ActieSoort,
    datum: &str,
) -> &'a mut Actie {
    ds.acties.push(Actie {
        id: format!("A-{}", ds.acties.len() + 1),
        jongere: jongere.into(),
        zaak: zaak.map(Into::into),
        soort,
        datum: d(datum),
        medewerker: Some(BOA.into()),
        pv_tegen: (soort == ActieSoort::ProcesVerbaal).then_some(PvTegen::Jongere),
        ouder: None,
        overmacht: None,
        uitkomst: None,
        uitkomst_datum: None,
        toelichting: String::new(),
    });
    ds.acties.last_mut().expect("net toegevoegd")
}

pub fn thuiszit(
    ds: &mut Dataset,
    jongere: &str,
    soort: ThuiszitSoort,
    begin: &str,
    einde: Option<(&str, ThuiszitEinde)>,
    zaak: Option<&str>,
) {
    ds.thuiszitperioden.push(Thuiszitperiode {
        id: format!("T-{}", ds.thuiszitperioden.len() + 1),
        jongere: jongere.into(),
        zaak: zaak.map(Into::into),
        soort,
        begindatum: d(begin),
        einddatum: einde.map(|(e, _)| d(e)),
        reden_einde: einde.map(|(_, r)| r),
        aanbod_datum: None,
    });
}

pub fn traject(
    ds: &mut Dataset,
    jongere: &str,
    soort: TrajectSoort,
    aangemeld: &str,
    begin: &str,
    einde: Option<(&str, &str)>,
) {
    ds.rmc_trajecten.push(RmcTraject {
        id: format!("R-{}", ds.rmc_trajecten.len() + 1),
        jongere: jongere.into(),
        soort,
        medewerker: Some(RMC.into()),
        aangemeld_op: d(aangemeld),
        begindatum: d(begin),
        einddatum: einde.map(|(e, _)| d(e)),
        resultaat: einde.map(|(_, r)| r.into()),
    });
}

/// Imports the register that `dataset` builds into a fresh SQLite database and, when configured,
/// a fresh PostgreSQL one: the same test then runs against each.
pub async fn register(dataset: impl Fn() -> Dataset) -> Vec<TestDb> {
    let dbs = leerspoor_testdb::alle().await;
    for db in &dbs {
        let opties = ImportOpties { dry_run: false, gebruiker: "test".into() };
        importeer_dataset(&db.store, dataset(), "gouden", &opties).await.expect("de testregio is geldig");
    }
    dbs
}

/// [`register`] of a region `organisatie` declares, with only the records `bouw` adds.
pub async fn register_met(organisatie: fn(&mut Dataset), bouw: fn(&mut Dataset)) -> Vec<TestDb> {
    register(move || {
        let mut ds = Dataset::default();
        organisatie(&mut ds);
        bouw(&mut ds);
        ds
    })
    .await
}

// ---------------------------------------------------------------------------------------------
// Reading tables.
// ---------------------------------------------------------------------------------------------

pub async fn kader(store: &Store, scope: &str) -> Result<Kader, Fout> {
    Kader::nieuw(store, SchoolJaar::parse(VERSLAGJAAR).unwrap(), Scope::parse(scope).expect("scope")).await
}

pub async fn tabel(store: &Store, scope: &str, id: &str) -> Tabel {
    let k = std::sync::Arc::new(kader(store, scope).await.expect("bekende scope"));
    let mut t = leerspoor_report::bereken(&k, &[id.to_string()]).await.expect("tabel");
    assert_eq!(t.len(), 1);
    t.remove(0)
}

/// A row's cells, via [`Tabel::cel`], in column order.
pub fn rij(t: &Tabel, key: &str) -> Vec<Option<f64>> {
    assert!(t.rows.iter().any(|r| r.key == key), "{}: geen rij '{key}' in {:?}", t.id, rijen(t));
    t.columns.iter().map(|k| t.cel(key, &k.key)).collect()
}

/// Expected cells, all filled.
pub fn w(getallen: &[f64]) -> Vec<Option<f64>> {
    getallen.iter().copied().map(Some).collect()
}

pub fn rijen(t: &Tabel) -> Vec<&str> {
    t.rows.iter().map(|r| r.key.as_str()).collect()
}

pub fn kolommen(t: &Tabel) -> Vec<&str> {
    t.columns.iter().map(|k| k.key.as_str()).collect()
}

/// The table's own check: every total it declares is the sum of its parts.
pub fn klopt(t: &Tabel) {
    assert_eq!(t.controleer(), Vec::<String>::new(), "{}", t.id);
}
