// `sqlx::migrate!` embeds the migration files at compile time; without this, cargo does not
// rebuild when a migration is added and the binary silently runs without it (sqlx's advice).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
