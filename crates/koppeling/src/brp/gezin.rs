//! The parents and the gezag of a youth, the register's against the BRP's. The office needs to know
//! who has gezag: the Leerplichtwet's "ouders" (art. 1) are those with gezag, voogden and
//! verzorgers, and the letters, the proces-verbaal and the obligations of art. 2 address them.
//!
//! So of a minor only those with gezag according to the BRP are proposed to link (a parent, a
//! voogd, a third with gezamenlijk gezag); a legal parent without gezag is only shown (as a
//! verzorger she is the employee's to record, who knows whether she cares for the youth), and so
//! is every parent whose gezag the BRP does not say: nothing is stored that the BRP did not say.
//! A youth of 18 or older the law addresses herself: of her nothing about parents is proposed.
//! What the BRP lacks is never taken away: a verzorger or a stepparent is in the register for good
//! reasons the BRP does not record.
use super::{Verschil, gewoon, volledige_naam};
use crate::logboek::KoppelFout;
use leerspoor_brp::persoon::{BrpGezag, BrpPersoon, Gezaghebber};
use leerspoor_casework::ids;
use leerspoor_domain::code_enum::CodeEnum;
use leerspoor_domain::model::{Gezinsrelatie, Jongere, Ouder, OuderRelatie};
use leerspoor_domain::rules::leeftijd_op;
use leerspoor_domain::{Bsn, Datum};
use leerspoor_store::{Lezer, Schrijver, Store, StoreFout, rij};
use std::collections::{HashMap, HashSet};

/// The register's side of one youth's family.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gezin {
    /// Her relations, each with the parent record it names.
    pub relaties: Vec<(Gezinsrelatie, Ouder)>,
}

/// The register's parent records by BSN (anyone's parents), so that a parent the BRP names is
/// linked as the record the register has (a sibling's mother) rather than made twice. Of two
/// records with one BSN, the first by id.
pub type Bekend = HashMap<Bsn, String>;

/// A difference about the family, with why it cannot be taken over (if so): decided here, where
/// the BRP's answer and the register's family are both at hand.
pub type Gezinsverschil = (Verschil, Option<String>);

fn bekend_uit(ouders: &[Ouder]) -> Bekend {
    let mut uit = Bekend::new();
    let mut op_id: Vec<&Ouder> = ouders.iter().collect();
    op_id.sort_by(|a, b| a.id.cmp(&b.id));
    for o in op_id {
        if let Some(b) = o.bsn {
            uit.entry(b).or_insert_with(|| o.id.clone());
        }
    }
    uit
}

/// The relation the BRP's geslacht of a parent gives: `V` a mother, `M` a father, otherwise a
/// verzorger (the register has no "parent" without one).
fn relatie(geslacht: &str) -> OuderRelatie {
    match geslacht {
        "V" => OuderRelatie::Moeder,
        "M" => OuderRelatie::Vader,
        _ => OuderRelatie::Verzorger,
    }
}

fn naam_van(o: &Ouder) -> String {
    volledige_naam(&o.voornamen, &o.tussenvoegsel, &o.achternaam)
}

/// Whether the register links a parent without BSN of this name to the youth: then the BRP's
/// parent of that name is most likely that one, and not to be linked a second time.
fn zonder_bsn_met_naam(gezin: &Gezin, naam: &str) -> bool {
    gezin.relaties.iter().any(|(_, o)| o.bsn.is_none() && naam_van(o).to_lowercase() == naam.to_lowercase())
}

/// Whether the register links a mother (or father) without BSN to the youth: a BRP mother of
/// another name is then most likely her under another spelling, and no second mother to link.
fn zonder_bsn_als(gezin: &Gezin, relatie: OuderRelatie) -> bool {
    relatie != OuderRelatie::Verzorger && gezin.relaties.iter().any(|(r, o)| o.bsn.is_none() && r.relatie == relatie)
}

const GEZAG_IN_ONDERZOEK: &str = "het gezag is in onderzoek bij de BRP: wacht de uitkomst af of ga het gezag na";

/// What the BRP says otherwise about the parents and gezag of `j` on `vandaag` (a minor or not),
/// against her family in the register (`bekend`: the register's parent records by BSN), each with
/// its bezwaar.
pub fn gezinsverschillen(
    j: &Jongere,
    gezin: &Gezin,
    bekend: &Bekend,
    p: &BrpPersoon,
    vandaag: Datum,
) -> Vec<Gezinsverschil> {
    // Of a youth of 18 or older the law addresses herself: her parents are no party, and the BRP
    // gives no gezag (should it give one, it is not hers any more).
    if leeftijd_op(j.geboortedatum, vandaag) >= 18 {
        return Vec::new();
    }
    // The youth is never her own parent (a BRP error, or a parent record with her number).
    let zelf = j.bsn;
    let gekoppeld: HashSet<Bsn> = gezin.relaties.iter().filter_map(|(_, o)| o.bsn).collect();
    // Who has gezag, when the BRP says so; `None` when it does not (not in the answer, nobody
    // named, unreadable): then nobody's gezag is known, neither having nor lacking it.
    let met_gezag: Option<HashSet<Bsn>> = p
        .gezag
        .as_ref()
        .and_then(|g| g.gezaghebbers().ok())
        .map(|h| h.iter().filter_map(|h| h.bsn).filter(|b| *b != zelf).collect());
    let mut uit = Vec::new();
    for reden in &p.ouders_onleesbaar {
        uit.push((
            Verschil::OuderOnleesbaar { reden: reden.clone() },
            Some("de BRP geeft deze ouder zo dat Leerspoor haar niet kan lezen: ga na wie het is".into()),
        ));
    }
    for o in p.ouders.iter().filter(|o| o.bsn != Some(zelf)) {
        let naam = volledige_naam(&o.voornamen, &o.voorvoegsel, &o.geslachtsnaam);
        match o.bsn {
            None if !gezin.relaties.iter().any(|(_, r)| naam_van(r).to_lowercase() == naam.to_lowercase()) => {
                uit.push((
                    Verschil::OuderZonderBsn { naam },
                    Some(
                        "de BRP geeft geen BSN, dus niet na te gaan wie het is: leg de ouder zelf vast als dat nodig is"
                            .into(),
                    ),
                ));
            }
            Some(b) if !gekoppeld.contains(&b) => {
                let relatie = relatie(&o.geslacht);
                let gezag = met_gezag.as_ref().map(|m| m.contains(&b));
                let bezwaar = if o.geslachtsnaam.trim().is_empty() {
                    Some("de BRP geeft geen naam: leg de ouder zelf vast".into())
                } else if o.in_onderzoek {
                    Some("de gegevens van deze ouder zijn in onderzoek bij de BRP: ga na wie het is".into())
                } else if zonder_bsn_met_naam(gezin, &naam) {
                    Some(
                        "het register heeft bij deze jongere een ouder met deze naam zonder BSN: vul daar het BSN aan"
                            .into(),
                    )
                } else if zonder_bsn_als(gezin, relatie) {
                    Some(format!("het register heeft al een {} zonder BSN: vul daar het BSN aan", relatie.label()))
                } else {
                    match gezag {
                        None => Some("de BRP zegt niet of deze ouder gezag heeft: ga het gezag na".into()),
                        Some(false) => Some(
                            "heeft geen gezag volgens de BRP: verzorgt zij de jongere, leg haar dan zelf vast als verzorger"
                                .into(),
                        ),
                        Some(true) if p.gezag_in_onderzoek => Some(GEZAG_IN_ONDERZOEK.into()),
                        Some(true) => None,
                    }
                };
                let verschil = Verschil::Ouder {
                    bsn: b,
                    voornamen: gewoon(&o.voornamen),
                    tussenvoegsel: gewoon(&o.voorvoegsel),
                    achternaam: gewoon(&o.geslachtsnaam),
                    relatie,
                    gezag,
                    bestaand: bekend.get(&b).cloned(),
                };
                uit.push((verschil, bezwaar));
            }
            _ => {}
        }
    }
    if let Some(g) = &p.gezag {
        let ouders: HashSet<Bsn> = p.ouders.iter().filter_map(|o| o.bsn).collect();
        uit.extend(gezaghebbers(g, zelf, gezin, &gekoppeld, &ouders, bekend, p.gezag_in_onderzoek));
    }
    if let Some(met) = &met_gezag {
        for (r, o) in &gezin.relaties {
            if let Some(b) = o.bsn
                && b != zelf
                && r.gezag != met.contains(&b)
            {
                let verschil = Verschil::Gezag { bsn: b, naam: naam_van(o), register: r.gezag, brp: met.contains(&b) };
                uit.push((verschil, p.gezag_in_onderzoek.then(|| GEZAG_IN_ONDERZOEK.into())));
            }
        }
    }
    uit
}

/// Those with gezag who are neither the BRP's parents nor linked in the register (a voogd, a
/// stepparent with gezamenlijk gezag): to link as verzorger with gezag; those without BSN, and
/// gezag the BRP cannot name or that cannot be read, to show.
fn gezaghebbers(
    g: &BrpGezag,
    zelf: Bsn,
    gezin: &Gezin,
    gekoppeld: &HashSet<Bsn>,
    ouders: &HashSet<Bsn>,
    bekend: &Bekend,
    in_onderzoek: bool,
) -> Vec<Gezinsverschil> {
    let hebbers = match g {
        BrpGezag::Onleesbaar(reden) => {
            return vec![(
                Verschil::GezagOnleesbaar { reden: reden.clone() },
                Some("Leerspoor kan het gezag uit de BRP niet lezen: ga het gezag na bij de gemeente of het gezagsregister".into()),
            )];
        }
        BrpGezag::TijdelijkGeen(t) | BrpGezag::NietTeBepalen(t) => {
            let tijdelijk = matches!(g, BrpGezag::TijdelijkGeen(_));
            return vec![(
                Verschil::GezagOnbepaald { tijdelijk, toelichting: t.clone() },
                Some("de BRP noemt niemand met gezag: ga het gezag na bij de gemeente of het gezagsregister".into()),
            )];
        }
        _ => g.gezaghebbers().unwrap_or_default(),
    };
    let zonder_bsn =
        || Some("zonder BSN niet na te gaan wie het is (vaak een instelling): leg de voogd zelf vast".to_string());
    let mut uit = Vec::new();
    // Voogdij without a voogd named: an institution the BRP does not name.
    if hebbers.is_empty() {
        uit.push((Verschil::GezagZonderBsn { naam: String::new() }, zonder_bsn()));
    }
    for Gezaghebber { bsn, naam } in hebbers {
        match bsn {
            None => uit.push((Verschil::GezagZonderBsn { naam: gewoon(naam) }, zonder_bsn())),
            Some(b) if *b != zelf && !gekoppeld.contains(b) && !ouders.contains(b) => {
                let bezwaar = if naam.trim().is_empty() {
                    Some("de BRP geeft geen naam: leg de voogd zelf vast".into())
                } else if zonder_bsn_met_naam(gezin, &gewoon(naam)) {
                    Some(
                        "het register heeft bij deze jongere een ouder met deze naam zonder BSN: vul daar het BSN aan"
                            .into(),
                    )
                } else {
                    in_onderzoek.then(|| GEZAG_IN_ONDERZOEK.into())
                };
                let verschil = Verschil::Ouder {
                    bsn: *b,
                    // The BRP gives a gezaghebber's name only whole: kept whole as the surname, so a
                    // letter addresses her rightly (an employee may split it).
                    voornamen: String::new(),
                    tussenvoegsel: String::new(),
                    achternaam: gewoon(naam),
                    relatie: OuderRelatie::Verzorger,
                    gezag: Some(true),
                    bestaand: bekend.get(b).cloned(),
                };
                uit.push((verschil, bezwaar));
            }
            Some(_) => {}
        }
    }
    uit
}

/// The family of one youth, and the register's parent records with the BSNs the BRP named (`bsns`),
/// read from the committed state or inside a write.
pub async fn gezin_van(mut l: impl Lezer, jongere: &str, bsns: &[Bsn]) -> Result<(Gezin, Bekend), StoreFout> {
    let mut relaties = Vec::new();
    for r in l.lees_waar::<Gezinsrelatie>("jongere", jongere).await? {
        if let Some(o) = l.lees_waar::<Ouder>("id", &r.ouder).await?.pop() {
            relaties.push((r, o));
        }
    }
    relaties.sort_by(|a, b| a.0.ouder.cmp(&b.0.ouder));
    let mut met_bsn = Vec::new();
    for b in bsns {
        met_bsn.extend(l.lees_waar::<Ouder>("bsn", &b.as_digits()).await?);
    }
    Ok((Gezin { relaties }, bekend_uit(&met_bsn)))
}

/// The BSNs the BRP names in `p`'s family: her parents and those with gezag (her own among them
/// or not: [`gezinsverschillen`] leaves it out).
pub fn genoemd(p: &BrpPersoon) -> Vec<Bsn> {
    let hebbers = p.gezag.as_ref().and_then(|g| g.gezaghebbers().ok()).unwrap_or_default();
    p.ouders.iter().filter_map(|o| o.bsn).chain(hebbers.iter().filter_map(|h| h.bsn)).collect()
}

/// The families of the youths a check is about (one, or all), and every parent record by BSN: for
/// many youths two reads instead of a few per youth.
pub async fn gezinnen(store: &Store, jongere: Option<&str>) -> Result<(HashMap<String, Gezin>, Bekend), StoreFout> {
    let (relaties, ouders): (Vec<Gezinsrelatie>, Vec<Ouder>) = match jongere {
        Some(id) => (
            store.lees_waar("jongere", id).await?,
            store
                .lees_met(
                    "WHERE bsn IS NOT NULL OR id IN (SELECT ouder FROM gezinsrelatie WHERE jongere = $1)",
                    &[rij::tekst(id)],
                )
                .await?,
        ),
        None => (store.lees().await?, store.lees().await?),
    };
    let op_id: HashMap<&str, &Ouder> = ouders.iter().map(|o| (o.id.as_str(), o)).collect();
    let mut uit: HashMap<String, Gezin> = HashMap::new();
    for r in relaties {
        if let Some(o) = op_id.get(r.ouder.as_str()) {
            uit.entry(r.jongere.clone()).or_default().relaties.push((r, (*o).clone()));
        }
    }
    for g in uit.values_mut() {
        g.relaties.sort_by(|a, b| a.0.ouder.cmp(&b.0.ouder));
    }
    Ok((uit, bekend_uit(&ouders)))
}

/// Takes one difference about the family of `jongere` over, inside the write `s` (so the change
/// log has it): links a parent (the existing record, or a new one), or sets a linked parent's gezag.
/// `gezin` is her family as read inside the same write. A parent whose gezag the BRP did not say
/// is refused: the register gets no `gezag` the BRP did not give (such a proposal has a bezwaar
/// and never comes here).
pub async fn neem_over(s: &mut Schrijver, jongere: &str, gezin: &Gezin, v: &Verschil) -> Result<(), KoppelFout> {
    match v {
        Verschil::Ouder { bsn, voornamen, tussenvoegsel, achternaam, relatie, gezag, bestaand } => {
            let Some(gezag) = gezag else {
                return Err(KoppelFout::Ongeldig(
                    "de BRP zegt niet of deze ouder gezag heeft: niet overgenomen".into(),
                ));
            };
            let ouder = match bestaand {
                Some(id) => id.clone(),
                None => {
                    let nieuw = Ouder {
                        id: ids::nieuw("O"),
                        bsn: Some(*bsn),
                        voornamen: voornamen.clone(),
                        tussenvoegsel: tussenvoegsel.clone(),
                        achternaam: achternaam.clone(),
                        telefoon: String::new(),
                        email: String::new(),
                    };
                    s.nieuw(&nieuw).await?;
                    nieuw.id
                }
            };
            Ok(s.nieuw(&Gezinsrelatie { jongere: jongere.to_string(), ouder, relatie: *relatie, gezag: *gezag })
                .await?)
        }
        Verschil::Gezag { bsn, brp, .. } => {
            let Some((r, _)) = gezin.relaties.iter().find(|(_, o)| o.bsn == Some(*bsn)) else {
                unreachable!("een gezagsverschil gaat over een gekoppelde ouder")
            };
            Ok(s.wijzig(r, &Gezinsrelatie { gezag: *brp, ..r.clone() }).await?)
        }
        _ => unreachable!("alleen een ouder of gezag wordt zo overgenomen"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leerspoor_brp::persoon::BrpOuder;
    use leerspoor_domain::model::Geslacht;

    fn datum(s: &str) -> Datum {
        s.parse().unwrap()
    }

    fn bsn(b: &str) -> Bsn {
        Bsn::parse(b).unwrap()
    }

    const VANDAAG: &str = "2026-12-06";

    /// Emma, 14, whose register has no parents yet.
    fn emma() -> Jongere {
        Jongere {
            id: "J-EMMA".into(),
            bsn: bsn("100000010"),
            voornamen: "Emma".into(),
            tussenvoegsel: String::new(),
            achternaam: "de Vries".into(),
            geboortedatum: datum("2012-09-01"),
            geslacht: Geslacht::Vrouw,
            overlijdensdatum: None,
            twaalf_schooljaren_op: None,
        }
    }

    fn ouder(b: Option<&str>, voornamen: &str, geslacht: &str) -> BrpOuder {
        BrpOuder {
            bsn: b.map(bsn),
            voornamen: voornamen.into(),
            voorvoegsel: "de".into(),
            geslachtsnaam: "Vries".into(),
            geslacht: geslacht.into(),
            in_onderzoek: false,
        }
    }

    fn hebber(b: &str, naam: &str) -> Gezaghebber {
        Gezaghebber { bsn: Some(bsn(b)), naam: naam.into() }
    }

    const MARJA: &str = "100000046";
    const JOOST: &str = "100000058";

    /// Emma in the BRP: Marja and Joost her parents, with gezamenlijk ouderlijk gezag.
    fn in_brp() -> BrpPersoon {
        let j = emma();
        BrpPersoon {
            bsn: j.bsn,
            voornamen: "Emma".into(),
            voorvoegsel: "de".into(),
            geslachtsnaam: "Vries".into(),
            geboortedatum: Some(j.geboortedatum),
            overlijdensdatum: None,
            overleden: false,
            adres: None,
            gemeente: None,
            ouders: vec![ouder(Some(MARJA), "Marja", "V"), ouder(Some(JOOST), "Joost", "M")],
            ouders_onleesbaar: Vec::new(),
            gezag: Some(BrpGezag::GezamenlijkOuderlijk(vec![
                hebber(MARJA, "Marja de Vries"),
                hebber(JOOST, "Joost de Vries"),
            ])),
            gezag_in_onderzoek: false,
        }
    }

    /// A register parent linked to Emma.
    fn gekoppeld(
        id: &str,
        b: Option<&str>,
        voornamen: &str,
        relatie: OuderRelatie,
        gezag: bool,
    ) -> (Gezinsrelatie, Ouder) {
        (
            Gezinsrelatie { jongere: "J-EMMA".into(), ouder: id.into(), relatie, gezag },
            Ouder {
                id: id.into(),
                bsn: b.map(bsn),
                voornamen: voornamen.into(),
                tussenvoegsel: "de".into(),
                achternaam: "Vries".into(),
                telefoon: String::new(),
                email: String::new(),
            },
        )
    }

    fn met_bezwaar(gezin: &Gezin, bekend: &Bekend, p: &BrpPersoon) -> Vec<Gezinsverschil> {
        gezinsverschillen(&emma(), gezin, bekend, p, datum(VANDAAG))
    }

    fn verschillen(gezin: &Gezin, bekend: &Bekend, p: &BrpPersoon) -> Vec<Verschil> {
        met_bezwaar(gezin, bekend, p).into_iter().map(|(v, _)| v).collect()
    }

    /// The bezwaren, in order (`None` for one to take over).
    fn bezwaren(gezin: &Gezin, p: &BrpPersoon) -> Vec<Option<String>> {
        met_bezwaar(gezin, &Bekend::new(), p).into_iter().map(|(_, b)| b).collect()
    }

    #[test]
    fn parents_the_register_lacks_are_proposed_as_mother_and_father_with_gezag_reusing_a_siblings_record() {
        // Joost is already in the register as the father of Emma's brother Daan.
        let bekend: Bekend = [(bsn(JOOST), "O-JOOST".to_string())].into();
        let v = met_bezwaar(&Gezin::default(), &bekend, &in_brp());
        assert_eq!(
            v.iter().map(|(v, _)| v.omschrijving()).collect::<Vec<_>>(),
            [
                "ouder volgens de BRP: Marja de Vries (moeder, met gezag) (nieuw)",
                "ouder volgens de BRP: Joost de Vries (vader, met gezag) (in het register bij een andere jongere)",
            ]
        );
        assert!(matches!(&v[1].0, Verschil::Ouder { bestaand: Some(id), .. } if id == "O-JOOST"));
        assert_eq!(v[0].0.waarden().0, "niet bekend");
        assert!(v.iter().all(|(_, b)| b.is_none()), "{v:?}");
    }

    #[test]
    fn a_linked_parent_whose_gezag_the_brp_sees_otherwise_gets_a_proposal_and_a_verzorger_is_never_removed() {
        let gezin = Gezin {
            relaties: vec![
                gekoppeld("O-MARJA", Some(MARJA), "Marja", OuderRelatie::Moeder, true),
                gekoppeld("O-JOOST", Some(JOOST), "Joost", OuderRelatie::Vader, false),
                // Her grandmother, a verzorger the BRP does not know of: stays, without a word.
                gekoppeld("O-OMA", None, "Trees", OuderRelatie::Verzorger, false),
            ],
        };
        let v = verschillen(&gezin, &Bekend::new(), &in_brp());
        assert_eq!(v, [Verschil::Gezag { bsn: bsn(JOOST), naam: "Joost de Vries".into(), register: false, brp: true }]);
        assert_eq!(
            v[0].omschrijving(),
            "gezag: register Joost de Vries heeft geen gezag, BRP Joost de Vries heeft gezag"
        );
        // Only the mother has gezag: the father's register gezag is to go.
        let eenhoofdig =
            BrpPersoon { gezag: Some(BrpGezag::EenhoofdigOuderlijk(hebber(MARJA, "Marja de Vries"))), ..in_brp() };
        let mut beide = gezin.clone();
        beide.relaties[1].0.gezag = true;
        assert!(matches!(
            &verschillen(&beide, &Bekend::new(), &eenhoofdig)[..],
            [Verschil::Gezag { register: true, brp: false, .. }]
        ));
    }

    #[test]
    fn a_voogd_the_register_lacks_is_proposed_as_verzorger_with_gezag_and_an_institution_only_shown() {
        let voogd = BrpPersoon {
            ouders: vec![],
            gezag: Some(BrpGezag::Voogdij(vec![hebber("100000071", "Ans Jansen")])),
            ..in_brp()
        };
        let v = verschillen(&Gezin::default(), &Bekend::new(), &voogd);
        assert_eq!(
            v.iter().map(Verschil::omschrijving).collect::<Vec<_>>(),
            ["ouder volgens de BRP: Ans Jansen (verzorger, met gezag) (nieuw)"]
        );
        // Voogdij by an institution: no BSN, nothing to link; its parents lose gezag. Marja, her
        // legal mother without gezag, is only shown.
        let instelling = BrpPersoon { gezag: Some(BrpGezag::Voogdij(vec![])), ..in_brp() };
        let gezin = Gezin { relaties: vec![gekoppeld("O-MARJA", Some(MARJA), "Marja", OuderRelatie::Moeder, true)] };
        let v = met_bezwaar(&gezin, &Bekend::new(), &instelling);
        assert!(
            matches!(&v[..], [(Verschil::Ouder { gezag: Some(false), .. }, Some(_)), (Verschil::GezagZonderBsn { naam }, Some(_)), (Verschil::Gezag { brp: false, .. }, None)] if naam.is_empty()),
            "{v:?}"
        );
        assert_eq!(v[1].0.waarden().1, "gezag bij een niet genoemde derde (zonder BSN)");
    }

    #[test]
    fn gezag_niet_te_bepalen_is_shown_with_its_explanation_and_changes_no_gezag() {
        let p =
            BrpPersoon { gezag: Some(BrpGezag::NietTeBepalen("Gezag kan niet worden bepaald.".into())), ..in_brp() };
        let gezin = Gezin {
            relaties: vec![
                gekoppeld("O-MARJA", Some(MARJA), "Marja", OuderRelatie::Moeder, true),
                gekoppeld("O-JOOST", Some(JOOST), "Joost", OuderRelatie::Vader, false),
            ],
        };
        let v = met_bezwaar(&gezin, &Bekend::new(), &p);
        assert_eq!(
            v.iter().map(|(v, _)| v.clone()).collect::<Vec<_>>(),
            [Verschil::GezagOnbepaald { tijdelijk: false, toelichting: "Gezag kan niet worden bepaald.".into() }]
        );
        assert_eq!(v[0].0.waarden().1, "gezag niet te bepalen: Gezag kan niet worden bepaald.");
        assert!(v[0].1.is_some());
    }

    #[test]
    fn of_a_youth_of_18_nothing_about_parents_or_gezag_is_proposed() {
        // The law addresses her herself; even were the BRP to give gezag, it is not hers.
        let sara = Jongere { geboortedatum: datum("2008-03-14"), ..emma() };
        let gezin = Gezin { relaties: vec![gekoppeld("O-JOOST", Some(JOOST), "Joost", OuderRelatie::Vader, false)] };
        assert_eq!(gezinsverschillen(&sara, &gezin, &Bekend::new(), &in_brp(), datum(VANDAAG)), []);
        // The day before her 18th birthday she is a minor still.
        let v = gezinsverschillen(&sara, &gezin, &Bekend::new(), &in_brp(), datum("2026-03-13"));
        assert_eq!(v.len(), 2, "{v:?}");
    }

    #[test]
    fn a_parent_without_bsn_is_shown_unless_the_register_has_her_by_name_and_a_namesake_blocks_a_second_record() {
        let p = BrpPersoon {
            ouders: vec![ouder(None, "Marja", "V"), ouder(Some(JOOST), "Joost", "M")],
            gezag: Some(BrpGezag::EenhoofdigOuderlijk(hebber(JOOST, "Joost de Vries"))),
            ..in_brp()
        };
        let v = met_bezwaar(&Gezin::default(), &Bekend::new(), &p);
        assert!(matches!(&v[0], (Verschil::OuderZonderBsn { naam }, Some(_)) if naam == "Marja de Vries"), "{v:?}");
        // The register has both, without BSN: Marja agrees by name; Joost is not linked twice.
        let gezin = Gezin {
            relaties: vec![
                gekoppeld("O-1", None, "Marja", OuderRelatie::Moeder, true),
                gekoppeld("O-2", None, "Joost", OuderRelatie::Vader, true),
            ],
        };
        let v = met_bezwaar(&gezin, &Bekend::new(), &p);
        assert!(
            matches!(&v[..], [(Verschil::Ouder { .. }, Some(b))]
            if b.starts_with("het register heeft bij deze jongere een ouder met deze naam")),
            "{v:?}"
        );
    }

    #[test]
    fn a_brp_mother_of_another_name_is_not_linked_beside_the_registers_mother_without_bsn() {
        // The register has "Maria" as Emma's mother, without BSN; the BRP says Marja.
        let gezin = Gezin { relaties: vec![gekoppeld("O-1", None, "Maria", OuderRelatie::Moeder, true)] };
        assert_eq!(
            bezwaren(&gezin, &in_brp()),
            [Some("het register heeft al een moeder zonder BSN: vul daar het BSN aan".to_string()), None]
        );
    }

    #[test]
    fn a_minors_parent_is_proposed_only_with_gezag_the_brp_gives_never_with_gezag_it_does_not_say() {
        let geen_gezag =
            "heeft geen gezag volgens de BRP: verzorgt zij de jongere, leg haar dan zelf vast als verzorger";
        let niet_gezegd = "de BRP zegt niet of deze ouder gezag heeft: ga het gezag na";
        // Only Marja has gezag: Joost, her legal father, is shown, not proposed.
        let eenhoofdig =
            BrpPersoon { gezag: Some(BrpGezag::EenhoofdigOuderlijk(hebber(MARJA, "Marja de Vries"))), ..in_brp() };
        let v = met_bezwaar(&Gezin::default(), &Bekend::new(), &eenhoofdig);
        assert!(matches!(&v[1].0, Verschil::Ouder { gezag: Some(false), .. }));
        assert_eq!(v.iter().map(|(_, b)| b.as_deref()).collect::<Vec<_>>(), [None, Some(geen_gezag)]);
        // Gezag the BRP does not say: not in the answer, for now nobody's, or unreadable. Nobody's
        // gezag is then proposed either way.
        for gezag in [
            None,
            Some(BrpGezag::TijdelijkGeen("Tijdelijk geen gezag.".into())),
            Some(BrpGezag::Onleesbaar("gezag[0].ouders: de BRP noemt niet wie".into())),
        ] {
            let p = BrpPersoon { gezag, ..in_brp() };
            let v = met_bezwaar(&Gezin::default(), &Bekend::new(), &p);
            let ouders: Vec<_> = v.iter().filter(|(v, _)| matches!(v, Verschil::Ouder { .. })).collect();
            assert_eq!(ouders.len(), 2, "{v:?}");
            for (o, b) in ouders {
                assert!(matches!(o, Verschil::Ouder { gezag: None, .. }), "{o:?}");
                assert_eq!(b.as_deref(), Some(niet_gezegd));
                assert!(o.waarden().1.ends_with(", gezag niet gegeven)"), "{o:?}");
            }
            assert!(v.iter().all(|(v, _)| !matches!(v, Verschil::Gezag { .. })));
        }
        // A GezamenlijkOuderlijkGezag without `ouders` is not "nobody": no linked parent loses gezag.
        let gezin = Gezin { relaties: vec![gekoppeld("O-MARJA", Some(MARJA), "Marja", OuderRelatie::Moeder, true)] };
        let p = BrpPersoon {
            gezag: Some(BrpGezag::Onleesbaar("gezag[0].ouders: de BRP noemt niet wie".into())),
            ..in_brp()
        };
        let v = met_bezwaar(&gezin, &Bekend::new(), &p);
        assert!(v.iter().all(|(v, _)| !matches!(v, Verschil::Gezag { .. })), "{v:?}");
        assert!(v.iter().any(|(v, b)| matches!(v, Verschil::GezagOnleesbaar { .. }) && b.is_some()));
    }

    #[test]
    fn unreadable_parents_and_gezag_and_what_is_in_onderzoek_are_shown_with_a_bezwaar() {
        let mut p = in_brp();
        p.ouders_onleesbaar = vec!["ouders[1].burgerservicenummer: geen geldig BSN".into()];
        p.ouders[1].in_onderzoek = true;
        let v = met_bezwaar(&Gezin::default(), &Bekend::new(), &p);
        assert!(
            matches!(&v[0], (Verschil::OuderOnleesbaar { reden }, Some(_)) if reden.starts_with("ouders[1]")),
            "{v:?}"
        );
        assert_eq!(v[0].0.waarden().1, "niet te lezen (ouders[1].burgerservicenummer: geen geldig BSN)");
        assert_eq!(v[1].1, None, "Marja");
        assert_eq!(
            v[2].1.as_deref(),
            Some("de gegevens van deze ouder zijn in onderzoek bij de BRP: ga na wie het is"),
            "Joost"
        );
        // The gezagsrelatie in onderzoek: neither a parent with gezag nor a change of gezag.
        let p = BrpPersoon { gezag_in_onderzoek: true, ..in_brp() };
        let gezin = Gezin { relaties: vec![gekoppeld("O-MARJA", Some(MARJA), "Marja", OuderRelatie::Moeder, false)] };
        let v = met_bezwaar(&gezin, &Bekend::new(), &p);
        assert_eq!(v.len(), 2, "{v:?}");
        assert!(v.iter().all(|(_, b)| b.as_deref() == Some(GEZAG_IN_ONDERZOEK)), "{v:?}");
    }

    #[test]
    fn the_youth_is_never_her_own_parent_or_gezaghebber() {
        let emma_zelf = emma().bsn.as_digits();
        let p = BrpPersoon {
            ouders: vec![ouder(Some(MARJA), "Marja", "V"), ouder(Some(&emma_zelf), "Emma", "V")],
            gezag: Some(BrpGezag::Gezamenlijk {
                ouder: hebber(MARJA, "Marja de Vries"),
                derde: hebber(&emma_zelf, "Emma de Vries"),
            }),
            ..in_brp()
        };
        let v = verschillen(&Gezin::default(), &Bekend::new(), &p);
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(matches!(&v[0], Verschil::Ouder { bsn: b, .. } if *b == bsn(MARJA)));
    }
}
