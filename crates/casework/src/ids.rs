//! Keys for records Leerspoor creates itself. Records from a bundle keep the office's keys; these
//! must never collide with them nor with each other, across processes: a prefix, the time in
//! microseconds and a per-process counter, in base 36.
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

pub fn nieuw(prefix: &str) -> String {
    static TELLER: AtomicU32 = AtomicU32::new(0);
    let micros = SystemTime::now().duration_since(UNIX_EPOCH).expect("klok na 1970").as_micros();
    let n = TELLER.fetch_add(1, Ordering::Relaxed) % 1296;
    format!("{prefix}-{}{:0>2}", base36(micros), base36(u128::from(n)))
}

fn base36(mut n: u128) -> String {
    const CIJFERS: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut uit = Vec::new();
    loop {
        uit.push(CIJFERS[(n % 36) as usize]);
        n /= 36;
        if n == 0 {
            break;
        }
    }
    uit.reverse();
    String::from_utf8(uit).expect("ASCII")
}

#[cfg(test)]
mod tests {
    #[test]
    fn keys_do_not_repeat() {
        let mut ids: Vec<String> = (0..1000).map(|_| super::nieuw("Z")).collect();
        assert!(ids.iter().all(|i| i.starts_with("Z-")));
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), 1000);
    }
}
