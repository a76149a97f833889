//! `sqlx::migrate!` embeds `migrations/` when `src/store` is compiled; without this, a
//! migration added to a built tree is not picked up until something else changes (sqlx's
//! advice for stable Rust).
fn main() {
    println!("cargo:rerun-if-changed=migrations");
}
