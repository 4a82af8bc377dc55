//! `parallax eval`: scores Parallax on each benchmark in `../shared/bench` and on
//! `../shared/eval`, printing our numbers beside the peers' published ones, and
//! regenerates `docs/quality.md`.

use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct EvalArgs {
    /// Which set: all, korea, newsquant, polnear, article, basil.
    #[arg(default_value = "all")]
    pub set: String,
    /// The shared directory (benchmarks and gold).
    #[arg(long, default_value = "../shared")]
    pub shared: PathBuf,
    /// Rewrite docs/quality.md with the results.
    #[arg(long)]
    pub write: Option<PathBuf>,
}

pub fn run(_args: EvalArgs) -> ExitCode {
    eprintln!("parallax eval: no benchmark is wired yet");
    ExitCode::from(2)
}
