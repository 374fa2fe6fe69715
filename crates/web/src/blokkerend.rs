//! Heavy synchronous work (argon2, PDF rendering) runs on tokio's blocking pool, at most one job
//! per core at a time for each kind: a burst of sign-ins or downloads then neither stalls the
//! pages of others (the async workers stay free) nor takes memory without bound.
use std::sync::Arc;
use tokio::sync::Semaphore;

#[derive(Debug, Clone)]
pub struct Blokkerend {
    tegelijk: Arc<Semaphore>,
}

impl Default for Blokkerend {
    fn default() -> Self {
        let kernen = std::thread::available_parallelism().map_or(2, |n| n.get());
        Blokkerend { tegelijk: Arc::new(Semaphore::new(kernen)) }
    }
}

impl Blokkerend {
    /// Runs `werk` on the blocking pool once a place is free, and waits for its result.
    pub async fn voer_uit<T: Send + 'static>(&self, werk: impl FnOnce() -> T + Send + 'static) -> T {
        let _beurt = self.tegelijk.acquire().await.expect("de semafoor wordt nooit gesloten");
        match tokio::task::spawn_blocking(werk).await {
            Ok(uit) => uit,
            // Keep the job's own panic message rather than a JoinError.
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    }
}
