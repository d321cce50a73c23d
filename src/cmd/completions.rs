//! `csa-review completions`: a shell completion script.

use super::print;
use clap::ValueEnum;
use csa_review::error::Result;

/// Print a shell completion script.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  csa-review completions bash > /etc/bash_completion.d/csa-review")]
pub struct Args {
    #[arg(value_enum)]
    shell: Shell,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Shell {
    Bash,
    Zsh,
    Fish,
}

pub fn run(args: Args) -> Result<()> {
    use clap::CommandFactory;
    let mut cmd = super::Cli::command();
    let mut out = Vec::new();
    let shell = match args.shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    clap_complete::generate(shell, &mut cmd, "csa-review", &mut out);
    print(&String::from_utf8_lossy(&out))
}
