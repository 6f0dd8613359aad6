//! Writes the JSON Schemas of the three documents to `www/schema/`, generated from the model
//! types, and their TypeScript declarations (`timeline.d.ts` …): `cargo run --example schemas`.
//! tests/schema.rs fails when the files are stale.

use foerderweg::model::WidgetKind;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("www/schema");
    std::fs::create_dir_all(&dir)?;
    for kind in WidgetKind::ALL {
        let path = dir.join(foerderweg::schema::file_name(kind));
        std::fs::write(&path, foerderweg::schema::text(kind))?;
        println!("wrote {}", path.display());
        let path = dir.join(foerderweg::schema::typescript_file_name(kind));
        std::fs::write(&path, foerderweg::schema::typescript(kind))?;
        println!("wrote {}", path.display());
    }
    Ok(())
}
