//! Writes a synthetic timeline of N events as dateline JSON, to try the app on large data:
//!
//! ```sh
//! cargo run --release --example generate -- 1000000 big.json
//! cargo run --release -- big.json
//! ```

use clap::Parser;

/// Options.
#[derive(Parser)]
struct Args {
    /// How many events.
    events: usize,
    /// Where to write the file.
    out: std::path::PathBuf,
    /// The generator's seed: the same seed gives the same timeline.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let mut text = Vec::new();
    dateline::generate::write_json(args.events, args.seed, &mut text)?;
    dateline::formats::write_atomic(&args.out, &text)?;
    eprintln!("wrote {} events to {}", args.events, args.out.display());
    Ok(())
}
