//! Writes the actor registry CSV (`actor_id,name,kind,country,host,platform,handle,account_id`),
//! one row per account, in scenario order, RFC 4180 quoting where needed.

use std::io::Write;

use crate::error::SynthError;
use crate::scenario::Scenario;

/// The registry's header line (without the line break).
pub const REGISTRY_HEADER: &str = "actor_id,name,kind,country,host,platform,handle,account_id";

fn field(out: &mut String, v: &str) {
    if v.contains([',', '"', '\n', '\r']) {
        out.push('"');
        out.push_str(&v.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(v);
    }
}

/// Writes the registry of `scenario`; returns the number of bytes written.
pub fn write_registry_csv<W: Write>(scenario: &Scenario, mut w: W) -> Result<u64, SynthError> {
    let mut out = String::with_capacity(64 * (scenario.n_accounts() + 1));
    out.push_str(REGISTRY_HEADER);
    out.push('\n');
    for actor in &scenario.actors {
        for acc in &actor.accounts {
            let cells = [
                actor.id.as_str(),
                actor.name.as_str(),
                actor.kind.id(),
                actor.country.as_str(),
                actor.host.as_deref().unwrap_or(""),
                acc.platform.id(),
                acc.handle.as_str(),
                acc.account_id.as_str(),
            ];
            for (i, c) in cells.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                field(&mut out, c);
            }
            out.push('\n');
        }
    }
    w.write_all(out.as_bytes())?;
    w.flush()?;
    Ok(out.len() as u64)
}
