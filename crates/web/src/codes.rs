//! Labels for the register's codes (DUO's lists with validity dates, and the school names), read
//! once per page.
use leerspoor_domain::codes::{Code, CodeLijst};
use leerspoor_domain::model::School;
use leerspoor_store::{Store, StoreFout};
use std::collections::HashMap;

pub struct Labels {
    codes: HashMap<(CodeLijst, String), String>,
    scholen: HashMap<(String, String), String>,
}

impl Labels {
    pub async fn laad(store: &Store) -> Result<Labels, StoreFout> {
        let codes = store.lees::<Code>().await?.into_iter().map(|c| ((c.lijst, c.code), c.omschrijving)).collect();
        let scholen = store.lees::<School>().await?.into_iter().map(|s| ((s.brin, s.vestiging), s.naam)).collect();
        Ok(Labels { codes, scholen })
    }

    /// The description of a code, or the code itself when the list does not know it.
    pub fn code(&self, lijst: CodeLijst, code: &str) -> String {
        self.codes.get(&(lijst, code.to_string())).cloned().unwrap_or_else(|| code.to_string())
    }

    pub fn school(&self, brin: &str, vestiging: &str) -> String {
        self.scholen
            .get(&(brin.to_string(), vestiging.to_string()))
            .cloned()
            .unwrap_or_else(|| format!("{brin} {vestiging}"))
    }

    /// The codes of a list, for a select box: `(code, omschrijving)`; the service checks that the
    /// chosen one is valid on the date of the record.
    pub fn keuzes(&self, lijst: CodeLijst) -> Vec<(String, String)> {
        let mut k: Vec<(String, String)> =
            self.codes.iter().filter(|((l, _), _)| *l == lijst).map(|((_, c), o)| (c.clone(), o.clone())).collect();
        k.sort();
        k
    }

    /// The schools, by name, for a select box: `("BRIN|vestiging", naam)`.
    pub fn scholen(&self) -> Vec<(String, String)> {
        let mut k: Vec<(String, String)> =
            self.scholen.iter().map(|((b, v), n)| (format!("{b}|{v}"), format!("{n} ({b} {v})"))).collect();
        k.sort_by(|a, b| a.1.cmp(&b.1));
        k
    }
}
