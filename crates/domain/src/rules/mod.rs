//! The legal rules, one pure function per rule.
//!
//! Each function cites the article it implements and is tested beside it with the article's words.
//! Dates are calendar days ([`Datum`](crate::Datum)); a period "up to" a date ends the day before
//! it, a period "up to and including" ends on it, and every `…_einde` says which it is.
//!
//! | rule | function | source |
//! |---|---|---|
//! | birthday, age | [`verjaardag`], [`leeftijd_op`] | 29 February → 1 March |
//! | leerplicht begins | [`leerplicht_begin`] | Lpw art. 3 lid 1 |
//! | leerplicht ends | [`leerplicht_einde`] | Lpw art. 4 lid 1 |
//! | kwalificatieplicht ends | [`kwalificatieplicht_einde`] | Lpw art. 4a |
//! | startkwalificatie | [`is_startkwalificatie`] | Lpw art. 1 |
//! | RMC-doelgroep | [`rmc_doelgroep`] | docs/regels.md |
//! | schoolherkomst | [`schoolherkomst()`] | docs/regels.md |
//! | JIKP | [`jikp_groep`] | docs/regels.md, seed 000 Tabel 8 |
//! | all of it on a peildatum | [`Leerplichtfeiten::op`] | |
//! | who may take which MAS measure | [`mas::mag_maatregel`] | Lpw art. 16a; MAS |
//! | PV against the youth from 12 | [`mas::mag_pv_tegen`] | Sv art. 486 |
//! | luxe verzuim needs a PV | [`mas::luxe_verzuim_vereist_pv`] | MAS |
//! | HALT from 12 up to 18; outcome fits the measure | [`mas::mag_halt`], [`mas::uitkomst_past`] | Sr art. 77e |
//! | which meldingen the office takes on | [`melding::toets_melding`] | Lpw art. 2, 4a; RMC |
//! | a zaak's lifecycle | [`zaak::status_na_actie`], [`zaak::sluit`], [`zaak::heropen`] | MAS |
//! | beslistermijn of a request, verdaging | [`awb::beslistermijn`], [`awb::toets_verdaging`] | Awb art. 4:13, 4:14; Atw art. 1 |
//! | granting a vrijstelling or verlof | [`vrijstelling::toets_toekenning`] | Lpw art. 3a–15 |
//! | who decides: school head or leerplichtambtenaar; request steps | [`vrijstelling::toets_beslisser`], [`vrijstelling::overgang`] | Lpw art. 11, 13a, 14; Awb |
//! | a running vrijstelling excludes absoluut verzuim | [`vrijstelling::loopt_op`], [`vrijstelling::vrijstelt_van_inschrijving`] | Lpw art. 5, 15 |
//! | absoluut verzuim, thuiszitter, > 3 maanden, offer norm | [`thuiszitten`] | Lpw art. 2, 4b; pact |
//! | thuiszitters per schooljaar | [`thuiszitten::jaartelling`] | docs/regels.md |
//! | the art. 25 opgave: absoluut, luxe, herhaald, langdurig relatief verzuim | [`art25`] | Lpw art. 25; Leerplichttelling |
//! | RMC-trajecten: who for whom, results, Tabel 10's groups | [`traject::mag_starten`], [`traject::toets_resultaat`], [`traject::resultaat_groep`] | docs/regels.md |
//! | risk triage 18-23: points per named factor | [`triage::beoordeel`] | docs/regels.md |
//! | VSV-er, overstaptermijn, oud-VSV, bestemming | [`vsv::is_vsv`], [`vsv::is_oud_vsv`], [`vsv::komende_een_oktober`], [`vsv::bestemming`] | docs/regels.md |
//! | VSV-effectrapportage: contact and result per VSV-er | [`vsv_effect::effect`] | Regeling vsv 2017, bijlage B |
//! | new VSV-er by the 1-oktober method | [`vsv::nieuwe_vsv_er`] | OCW/DUO VSV-cijfers |
//! | JIKP destination; a dagbesteding as destination | [`jikp::jikp_bestemming`], [`dagbesteding::bestemming`] | seed 002 |
//! | recidive after a closed case | [`recidive::recidive`] | docs/regels.md |
//! | retention: when a part of a dossier may be destroyed | [`bewaren::vernietigbaar_vanaf`] | Selectielijst gemeenten 2020, 12.1.3–12.1.4 |
//! | letters: which fits which record, addressees, bezwaar/beroep term, who decides | [`brief::toets_onderwerp`], [`brief::ontvangers`], [`brief::rechtsmiddel`], [`brief::bestuursorgaan`], [`brief::toets_einde_vrijstelling`] | Lpw art. 2, 14 lid 3, 16a; Awb art. 3:45, 6:7, 6:8, 8:1 |
//! | who corrects register facts, and the reason a correction needs | [`correctie::mag_corrigeren`], [`correctie::Reden`] | AVG art. 16 |
//! | contact details: telephone and e-mail in one form, preferred language, their days, which a new one ends | [`contact::waarde`], [`contact::toets_vanaf`], [`contact::toets_tot`], [`contact::beeindigt`], [`contact::mag_vastleggen`] | E.164, RFC 5321, ISO 639 |
//!
//! Also elsewhere: the BSN elfproef ([`crate::bsn::elfproef`]) and the schooljaar
//! ([`crate::SchoolJaar::van`]).

pub mod art25;
pub mod awb;
pub mod bewaren;
pub mod brief;
pub mod contact;
pub mod correctie;
pub mod dagbesteding;
pub mod inkomend;
pub mod jikp;
pub mod leeftijd;
pub mod leerplicht;
pub mod mas;
pub mod melding;
pub mod recidive;
pub mod rmc;
pub mod schoolherkomst;
pub mod startkwalificatie;
pub mod status;
pub mod terugmelding;
pub mod thuiszitten;
pub mod traject;
pub mod triage;
pub mod vrijstelling;
pub mod vsv;
pub mod vsv_effect;
mod weigering;
pub mod zaak;

pub use jikp::jikp_groep;
pub use leeftijd::{geboren_uiterlijk, leeftijd_op, verjaardag};
pub use leerplicht::{kwalificatieplicht_einde, leerplicht_begin, leerplicht_einde};
pub use rmc::rmc_doelgroep;
pub use schoolherkomst::schoolherkomst;
pub use startkwalificatie::{eerste_startkwalificatie, is_startkwalificatie};
pub use status::{Leerplichtfeiten, Leerplichtstatus, Plichtstatus, RegelFout};
pub use weigering::Weigering;

#[cfg(test)]
mod eigenschappen;
