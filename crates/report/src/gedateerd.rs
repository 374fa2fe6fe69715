//! Dated records read once for a whole report. Seven tables count verzuimmeldingen and three count
//! actions, each over its own years; at national scale every one of those reads took up to two
//! seconds on PostgreSQL. One read of the widest window serves them all.
use crate::Fout;
use leerspoor_domain::Datum;
use leerspoor_store::rij::Rij;
use leerspoor_store::{Kring, Store};
use tokio::sync::OnceCell;

/// The records of one kind dated from `van` up to and including `tot`, read at first use.
pub(crate) struct Gedateerd<R> {
    /// The date column.
    kolom: &'static str,
    datum: fn(&R) -> Datum,
    van: Datum,
    tot: Datum,
    rijen: OnceCell<Box<[R]>>,
}

impl<R: Rij + Sync> Gedateerd<R> {
    pub fn nieuw(kolom: &'static str, datum: fn(&R) -> Datum, van: Datum, tot: Datum) -> Self {
        Gedateerd { kolom, datum, van, tot, rijen: OnceCell::new() }
    }

    /// Every record of the window, in key order (as [`Store::lees_tussen`] reads them).
    /// Of the youths of `kring` (all, without one): a kader reads with one kring throughout.
    pub async fn alle(&self, store: &Store, kring: Option<&Kring>) -> Result<&[R], Fout> {
        let rijen = self
            .rijen
            .get_or_try_init(|| async {
                Ok::<_, Fout>(
                    store.lees_tussen_in::<R>(kring, self.kolom, self.van, self.tot).await?.into_boxed_slice(),
                )
            })
            .await?;
        Ok(rijen)
    }

    /// The records dated from `van` up to and including `tot`, in key order. A window outside the
    /// one read is a mistake in the table asking, not in the register.
    pub async fn tussen(&self, store: &Store, kring: Option<&Kring>, van: Datum, tot: Datum) -> Result<Vec<&R>, Fout> {
        assert!(
            self.van <= van && tot <= self.tot,
            "venster {van}..{tot} valt buiten het gelezen venster {}..{}",
            self.van,
            self.tot
        );
        Ok(self.alle(store, kring).await?.iter().filter(|r| (van..=tot).contains(&(self.datum)(r))).collect())
    }
}
