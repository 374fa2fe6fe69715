//! Sessions kept in the register's own database (SQLite or PostgreSQL), so that a restart keeps
//! people signed in and signing out really ends the session. tower-sessions handles the cookie
//! and the expiry; this is its store.
use chrono::{DateTime, Utc};
use leerspoor_store::Store;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, SessionStore};

#[derive(Debug, Clone)]
pub struct DatabaseSessies(pub Store);

fn naar_chrono(t: time::OffsetDateTime) -> DateTime<Utc> {
    DateTime::from_timestamp(t.unix_timestamp(), 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

fn backend(e: impl std::fmt::Display) -> session_store::Error {
    session_store::Error::Backend(e.to_string())
}

#[async_trait::async_trait]
impl SessionStore for DatabaseSessies {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        let gegevens = serde_json::to_string(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))?;
        // An id collision is astronomically unlikely; draw again rather than overwrite.
        while !self
            .0
            .bewaar_sessie(&record.id.to_string(), &gegevens, naar_chrono(record.expiry_date), true)
            .await
            .map_err(backend)?
        {
            record.id = Id::default();
        }
        Ok(())
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let gegevens = serde_json::to_string(&record.data).map_err(|e| session_store::Error::Encode(e.to_string()))?;
        self.0
            .bewaar_sessie(&record.id.to_string(), &gegevens, naar_chrono(record.expiry_date), false)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        let Some((gegevens, verloopt)) = self.0.sessie(&id.to_string(), Utc::now()).await.map_err(backend)? else {
            return Ok(None);
        };
        let data = serde_json::from_str(&gegevens).map_err(|e| session_store::Error::Decode(e.to_string()))?;
        let expiry_date = time::OffsetDateTime::from_unix_timestamp(verloopt.timestamp()).map_err(backend)?;
        Ok(Some(Record { id: *id, data, expiry_date }))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.0.verwijder_sessie(&id.to_string()).await.map_err(backend)
    }
}
