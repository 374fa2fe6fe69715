//! A move as a dated fact, shared by the P-levering and *BRP bijwerken*: the register's current
//! address (the open one that began last) ends the day before the move, and the new address
//! begins on it; or the youth leaves the region and the current address ends with the reason.
use leerspoor_domain::Datum;
use leerspoor_domain::model::{Vertrek, Woonadres};
use leerspoor_store::{Schrijver, StoreFout};

/// Where the youth moves to.
pub enum Naar {
    /// An address in the region; its `begindatum` is the day of the move.
    Adres(Woonadres),
    /// Away from the region.
    Weg(Vertrek),
}

#[derive(Debug, PartialEq)]
pub enum Verhuisd {
    Toegepast,
    /// The register has the youth at this address already.
    AlZo,
    /// Away from the region, and the register has no address to end.
    NietsTeDoen,
    /// The move is dated on or before the day the current address began (that day): which is
    /// right is for the BRP or an employee to say.
    NietNaHuidig(Datum),
    /// No current address, and the move is dated on or before the day the last one ended (that
    /// day): the new address would overlap it.
    NietNaVorige(Datum),
}

/// The current address: the open one that began last.
pub fn huidig(adressen: &[Woonadres]) -> Option<&Woonadres> {
    adressen.iter().filter(|a| a.einddatum.is_none()).max_by_key(|a| a.begindatum)
}

/// The day the last ended address ended.
pub fn laatste_einde(adressen: &[Woonadres]) -> Option<Datum> {
    adressen.iter().filter_map(|a| a.einddatum).max()
}

/// A huisnummer as a key: the number, then huisletter and toevoeging lowercased without spaces or
/// hyphens. The register holds what was typed (`12 a`, `12-A`), DUO and the BRP their parts;
/// `12-2` and `122` stay different.
pub fn huisnummer_sleutel(nummer: &str) -> (Option<u32>, String) {
    let nummer = nummer.trim();
    let cijfers = nummer.find(|c: char| !c.is_ascii_digit()).unwrap_or(nummer.len());
    let rest = nummer[cijfers..].chars().filter(|c| !c.is_whitespace() && *c != '-').flat_map(char::to_lowercase);
    (nummer[..cijfers].parse().ok(), rest.collect())
}

/// Whether `a` is the address in `gemeente` with this postcode and huisnummer, however written.
pub fn zelfde_adres(a: &Woonadres, gemeente: &str, postcode: &str, huisnummer: &str) -> bool {
    let postcode_sleutel = |p: &str| p.replace(' ', "").to_uppercase();
    a.gemeente.as_str() == gemeente
        && postcode_sleutel(&a.postcode) == postcode_sleutel(postcode)
        && huisnummer_sleutel(&a.huisnummer) == huisnummer_sleutel(huisnummer)
}

/// Moves the youth whose addresses (all of them, read within the transaction of `s`) are
/// `adressen` on `datum`.
pub async fn verhuis(
    s: &mut Schrijver,
    adressen: &[Woonadres],
    naar: Naar,
    datum: Datum,
) -> Result<Verhuisd, StoreFout> {
    let huidig = huidig(adressen);
    if let (Naar::Adres(n), Some(h)) = (&naar, huidig)
        && zelfde_adres(h, n.gemeente.as_str(), &n.postcode, &n.huisnummer)
    {
        return Ok(Verhuisd::AlZo);
    }
    let Some(h) = huidig else {
        if let Naar::Adres(_) = naar
            && let Some(einde) = laatste_einde(adressen).filter(|e| *e >= datum)
        {
            return Ok(Verhuisd::NietNaVorige(einde));
        }
        return Ok(match naar {
            Naar::Adres(n) => {
                s.nieuw(&Woonadres { begindatum: datum, ..n }).await?;
                Verhuisd::Toegepast
            }
            Naar::Weg(_) => Verhuisd::NietsTeDoen,
        });
    };
    if h.begindatum >= datum {
        return Ok(Verhuisd::NietNaHuidig(h.begindatum));
    }
    let vertrek = match &naar {
        Naar::Adres(_) => None,
        Naar::Weg(v) => Some(*v),
    };
    s.wijzig(h, &Woonadres { einddatum: datum.pred_opt(), vertrek, ..h.clone() }).await?;
    if let Naar::Adres(n) = naar {
        s.nieuw(&Woonadres { begindatum: datum, ..n }).await?;
    }
    Ok(Verhuisd::Toegepast)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_huisnummer_typed_with_a_space_or_hyphen_is_the_same_but_12_2_is_not_122() {
        assert_eq!(huisnummer_sleutel("12 a"), huisnummer_sleutel("12a"));
        assert_eq!(huisnummer_sleutel("12-A"), huisnummer_sleutel("12a"));
        assert_eq!(huisnummer_sleutel("12A - 2"), huisnummer_sleutel("12a-2"));
        assert_eq!(huisnummer_sleutel("012"), huisnummer_sleutel("12"));
        assert_ne!(huisnummer_sleutel("12-2"), huisnummer_sleutel("122"));
        assert_ne!(huisnummer_sleutel("12b"), huisnummer_sleutel("12a"));
    }
}
