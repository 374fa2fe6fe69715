//! Throttling of failed sign-ins per client address. The lock-out per account stops guessing one
//! account's password; this stops one client from guessing many, or from locking every colleague
//! out by typing their names: after [`MAX_MISLUKT`] failures in [`VENSTER`] an address gets the
//! usual refusal for every attempt until the window has passed, without any account being tried.
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub const MAX_MISLUKT: u32 = 20;
pub const VENSTER: Duration = Duration::from_secs(15 * 60);
/// Kept addresses at most; beyond this the expired ones are dropped (a flood from many addresses
/// cannot grow the table without end; if all are still fresh, the oldest go).
const MAX_ADRESSEN: usize = 10_000;

/// Failed sign-ins per address in the current window. `None` is a client whose address is not
/// known (a test without a socket): they share one count.
#[derive(Debug, Default)]
pub struct Afremmer {
    tellers: Mutex<HashMap<Option<IpAddr>, (Instant, u32)>>,
}

impl Afremmer {
    /// Whether this address has used up its failures.
    pub fn geremd(&self, adres: Option<IpAddr>, nu: Instant) -> bool {
        let tellers = self.tellers.lock().expect("afremmer");
        tellers.get(&adres).is_some_and(|(begin, n)| nu.duration_since(*begin) < VENSTER && *n >= MAX_MISLUKT)
    }

    /// Counts a failed sign-in from this address.
    pub fn mislukt(&self, adres: Option<IpAddr>, nu: Instant) {
        let mut tellers = self.tellers.lock().expect("afremmer");
        if tellers.len() >= MAX_ADRESSEN && !tellers.contains_key(&adres) {
            tellers.retain(|_, (begin, _)| nu.duration_since(*begin) < VENSTER);
            if tellers.len() >= MAX_ADRESSEN
                && let Some(oudste) = tellers.iter().min_by_key(|(_, (begin, _))| *begin).map(|(a, _)| *a)
            {
                tellers.remove(&oudste);
            }
        }
        let teller = tellers.entry(adres).or_insert((nu, 0));
        if nu.duration_since(teller.0) >= VENSTER {
            *teller = (nu, 0);
        }
        teller.1 += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn an_address_is_held_back_after_twenty_failures_until_the_window_has_passed() {
        let a = Afremmer::default();
        let t0 = Instant::now();
        for _ in 0..MAX_MISLUKT - 1 {
            a.mislukt(ip("192.0.2.1"), t0);
        }
        assert!(!a.geremd(ip("192.0.2.1"), t0));
        a.mislukt(ip("192.0.2.1"), t0);
        assert!(a.geremd(ip("192.0.2.1"), t0 + Duration::from_secs(60)));
        assert!(!a.geremd(ip("192.0.2.2"), t0), "another address is not held back");
        assert!(!a.geremd(ip("192.0.2.1"), t0 + VENSTER), "a quarter of an hour later it may try again");
        a.mislukt(ip("192.0.2.1"), t0 + VENSTER);
        assert!(!a.geremd(ip("192.0.2.1"), t0 + VENSTER), "the count starts again");
    }

    #[test]
    fn a_flood_from_many_addresses_does_not_grow_the_table_without_end() {
        let a = Afremmer::default();
        let t0 = Instant::now();
        for i in 0..(MAX_ADRESSEN as u32 + 50) {
            a.mislukt(Some(IpAddr::from(i.to_be_bytes())), t0 + Duration::from_millis(i.into()));
        }
        assert!(a.tellers.lock().unwrap().len() <= MAX_ADRESSEN);
    }
}
