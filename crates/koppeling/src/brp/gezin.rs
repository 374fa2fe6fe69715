//! The parents and the gezag of a youth, the register's against the BRP's. The office needs to know
//! who has gezag: the Leerplichtwet's "ouders" are those with gezag, voogden and verzorgers, and the
//! letters, the proces-verbaal and the obligations of art. 2 address them.
//!
//! What the BRP adds is proposed (a parent or voogd to link, gezag to set); what it lacks is never
//! taken away: a verzorger or a stepparent is in the register for good reasons the BRP does not
//! record. Gezag is only a minor's: of a youth of 18 or older the BRP gives none, and the register's
//! gezag is then left alone.
use super::{Verschil, gewoon, volledige_naam};
use leerspoor_brp::persoon::{BrpGezag, BrpPersoon, Gezaghebber};
use leerspoor_casework::ids;
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

/// What the BRP says otherwise about the parents and gezag of `j` on `vandaag`, against her family
/// in the register (`bekend`: the register's parent records by BSN).
pub fn gezinsverschillen(j: &Jongere, gezin: &Gezin, bekend: &Bekend, p: &BrpPersoon, vandaag: Datum) -> Vec<Verschil> {
    let gekoppeld: HashSet<Bsn> = gezin.relaties.iter().filter_map(|(_, o)| o.bsn).collect();
    // Of an adult the BRP gives no gezag; should it give one, the register's is still not hers.
    let gezag = p.gezag.as_ref().filter(|_| leeftijd_op(j.geboortedatum, vandaag) < 18);
    let met_gezag: Option<HashSet<Bsn>> =
        gezag.and_then(|g| g.gezaghebbers().ok()).map(|h| h.iter().filter_map(|h| h.bsn).collect());
    let heeft_gezag = |b: &Bsn| met_gezag.as_ref().is_some_and(|m| m.contains(b));
    let mut uit = Vec::new();
    for o in &p.ouders {
        let naam = volledige_naam(&o.voornamen, &o.voorvoegsel, &o.geslachtsnaam);
        match o.bsn {
            None if !gezin.relaties.iter().any(|(_, r)| naam_van(r).to_lowercase() == naam.to_lowercase()) => {
                uit.push(Verschil::OuderZonderBsn { naam })
            }
            Some(b) if !gekoppeld.contains(&b) => uit.push(Verschil::Ouder {
                bsn: b,
                voornamen: gewoon(&o.voornamen),
                tussenvoegsel: gewoon(&o.voorvoegsel),
                achternaam: gewoon(&o.geslachtsnaam),
                relatie: relatie(&o.geslacht),
                gezag: heeft_gezag(&b),
                bestaand: bekend.get(&b).cloned(),
            }),
            _ => {}
        }
    }
    if let Some(g) = gezag {
        let ouders: HashSet<Bsn> = p.ouders.iter().filter_map(|o| o.bsn).collect();
        uit.extend(gezaghebbers(g, &gekoppeld, &ouders, bekend));
    }
    if let Some(met) = &met_gezag {
        for (r, o) in &gezin.relaties {
            if let Some(b) = o.bsn
                && r.gezag != met.contains(&b)
            {
                uit.push(Verschil::Gezag { bsn: b, naam: naam_van(o), register: r.gezag, brp: met.contains(&b) });
            }
        }
    }
    uit
}

/// Those with gezag who are neither the BRP's parents nor linked in the register (a voogd, a
/// stepparent with gezamenlijk gezag): to link as verzorger with gezag; those without BSN, and
/// gezag the BRP cannot name, to show.
fn gezaghebbers(g: &BrpGezag, gekoppeld: &HashSet<Bsn>, ouders: &HashSet<Bsn>, bekend: &Bekend) -> Vec<Verschil> {
    let hebbers = match g.gezaghebbers() {
        Ok(h) => h,
        Err(toelichting) => {
            let tijdelijk = matches!(g, BrpGezag::TijdelijkGeen(_));
            return vec![Verschil::GezagOnbepaald { tijdelijk, toelichting: toelichting.to_string() }];
        }
    };
    let mut uit = Vec::new();
    // Voogdij without a voogd named: an institution the BRP does not name.
    if hebbers.is_empty() {
        uit.push(Verschil::GezagZonderBsn { naam: String::new() });
    }
    for Gezaghebber { bsn, naam } in hebbers {
        match bsn {
            None => uit.push(Verschil::GezagZonderBsn { naam: gewoon(naam) }),
            Some(b) if !gekoppeld.contains(b) && !ouders.contains(b) => uit.push(Verschil::Ouder {
                bsn: *b,
                // The BRP gives a gezaghebber's name only whole: kept whole as the surname, so a
                // letter addresses her rightly (an employee may split it).
                voornamen: String::new(),
                tussenvoegsel: String::new(),
                achternaam: gewoon(naam),
                relatie: OuderRelatie::Verzorger,
                gezag: true,
                bestaand: bekend.get(b).cloned(),
            }),
            Some(_) => {}
        }
    }
    uit
}

/// Why a difference about the family cannot be taken over, if so.
pub fn gezinsbezwaar(v: &Verschil, gezin: &Gezin) -> Option<String> {
    match v {
        Verschil::Ouder { voornamen, tussenvoegsel, achternaam, .. }
            if zonder_bsn_met_naam(gezin, &volledige_naam(voornamen, tussenvoegsel, achternaam)) =>
        {
            Some("het register heeft bij deze jongere een ouder met deze naam zonder BSN: vul daar het BSN aan".into())
        }
        Verschil::Ouder { achternaam, .. } if achternaam.is_empty() => {
            Some("de BRP geeft geen naam: leg de ouder zelf vast".into())
        }
        Verschil::OuderZonderBsn { .. } => Some(
            "de BRP geeft geen BSN, dus niet na te gaan wie het is: leg de ouder zelf vast als dat nodig is".into(),
        ),
        Verschil::GezagZonderBsn { .. } => {
            Some("zonder BSN niet na te gaan wie het is (vaak een instelling): leg de voogd zelf vast".into())
        }
        Verschil::GezagOnbepaald { .. } => {
            Some("de BRP noemt niemand met gezag: ga het gezag na bij de gemeente of het gezagsregister".into())
        }
        _ => None,
    }
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

/// The BSNs the BRP names in `p`'s family: her parents and those with gezag.
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
/// `gezin` is her family as read inside the same write.
pub async fn neem_over(s: &mut Schrijver, jongere: &str, gezin: &Gezin, v: &Verschil) -> Result<(), StoreFout> {
    match v {
        Verschil::Ouder { bsn, voornamen, tussenvoegsel, achternaam, relatie, gezag, bestaand } => {
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
            s.nieuw(&Gezinsrelatie { jongere: jongere.to_string(), ouder, relatie: *relatie, gezag: *gezag }).await
        }
        Verschil::Gezag { bsn, brp, .. } => {
            let Some((r, _)) = gezin.relaties.iter().find(|(_, o)| o.bsn == Some(*bsn)) else {
                unreachable!("een gezagsverschil gaat over een gekoppelde ouder")
            };
            s.wijzig(r, &Gezinsrelatie { gezag: *brp, ..r.clone() }).await
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
            gezag: Some(BrpGezag::GezamenlijkOuderlijk(vec![
                hebber(MARJA, "Marja de Vries"),
                hebber(JOOST, "Joost de Vries"),
            ])),
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

    fn verschillen(gezin: &Gezin, bekend: &Bekend, p: &BrpPersoon) -> Vec<Verschil> {
        gezinsverschillen(&emma(), gezin, bekend, p, datum(VANDAAG))
    }

    #[test]
    fn parents_the_register_lacks_are_proposed_as_mother_and_father_with_gezag_reusing_a_siblings_record() {
        // Joost is already in the register as the father of Emma's brother Daan.
        let bekend: Bekend = [(bsn(JOOST), "O-JOOST".to_string())].into();
        let v = verschillen(&Gezin::default(), &bekend, &in_brp());
        assert_eq!(
            v.iter().map(Verschil::omschrijving).collect::<Vec<_>>(),
            [
                "ouder volgens de BRP: Marja de Vries (moeder, met gezag) (nieuw)",
                "ouder volgens de BRP: Joost de Vries (vader, met gezag) (in het register bij een andere jongere)",
            ]
        );
        assert!(matches!(&v[1], Verschil::Ouder { bestaand: Some(id), .. } if id == "O-JOOST"));
        assert_eq!(v[0].waarden().0, "niet bekend");
        assert!(v.iter().all(|v| gezinsbezwaar(v, &Gezin::default()).is_none()));
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
        // Voogdij by an institution: no BSN, nothing to link; its parents lose gezag.
        let instelling = BrpPersoon { gezag: Some(BrpGezag::Voogdij(vec![])), ..in_brp() };
        let gezin = Gezin { relaties: vec![gekoppeld("O-MARJA", Some(MARJA), "Marja", OuderRelatie::Moeder, true)] };
        let v = verschillen(&gezin, &Bekend::new(), &instelling);
        assert!(
            matches!(&v[..], [Verschil::Ouder { .. }, Verschil::GezagZonderBsn { naam }, Verschil::Gezag { brp: false, .. }] if naam.is_empty()),
            "{v:?}"
        );
        assert!(gezinsbezwaar(&v[1], &gezin).is_some());
        assert_eq!(v[1].waarden().1, "gezag bij een niet genoemde derde (zonder BSN)");
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
        let v = verschillen(&gezin, &Bekend::new(), &p);
        assert_eq!(
            v,
            [Verschil::GezagOnbepaald { tijdelijk: false, toelichting: "Gezag kan niet worden bepaald.".into() }]
        );
        assert_eq!(v[0].waarden().1, "gezag niet te bepalen: Gezag kan niet worden bepaald.");
        assert!(gezinsbezwaar(&v[0], &gezin).is_some());
    }

    #[test]
    fn of_a_youth_of_18_no_gezag_is_proposed_and_a_new_parent_comes_without() {
        let sara = Jongere { geboortedatum: datum("2008-03-14"), ..emma() };
        let gezin = Gezin { relaties: vec![gekoppeld("O-JOOST", Some(JOOST), "Joost", OuderRelatie::Vader, true)] };
        // Even were the BRP to give gezag, it is not hers any more.
        let v = gezinsverschillen(&sara, &gezin, &Bekend::new(), &in_brp(), datum(VANDAAG));
        assert_eq!(v.len(), 1, "{v:?}");
        assert!(matches!(&v[0], Verschil::Ouder { relatie: OuderRelatie::Moeder, gezag: false, .. }));
    }

    #[test]
    fn a_parent_without_bsn_is_shown_unless_the_register_has_her_by_name_and_a_namesake_blocks_a_second_record() {
        let p = BrpPersoon {
            ouders: vec![ouder(None, "Marja", "V"), ouder(Some(JOOST), "Joost", "M")],
            gezag: Some(BrpGezag::EenhoofdigOuderlijk(hebber(JOOST, "Joost de Vries"))),
            ..in_brp()
        };
        let v = verschillen(&Gezin::default(), &Bekend::new(), &p);
        assert!(matches!(&v[0], Verschil::OuderZonderBsn { naam } if naam == "Marja de Vries"), "{v:?}");
        assert!(gezinsbezwaar(&v[0], &Gezin::default()).is_some());
        // The register has both, without BSN: Marja agrees by name; Joost is not linked twice.
        let gezin = Gezin {
            relaties: vec![
                gekoppeld("O-1", None, "Marja", OuderRelatie::Moeder, true),
                gekoppeld("O-2", None, "Joost", OuderRelatie::Vader, true),
            ],
        };
        let v = verschillen(&gezin, &Bekend::new(), &p);
        assert!(matches!(&v[..], [Verschil::Ouder { .. }]), "{v:?}");
        assert!(
            gezinsbezwaar(&v[0], &gezin)
                .unwrap()
                .starts_with("het register heeft bij deze jongere een ouder met deze naam")
        );
    }
}
