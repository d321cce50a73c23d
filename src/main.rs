//! The `csa-review` binary: parse the command line, call the library, turn errors into exit codes.
//! Each subcommand lives in its own file under `cmd/`, with its arguments, help text and `run`.

mod cmd;

use clap::Parser;
use csa_review::error::Error;

fn main() {
    // A panic inside a reader is caught and reported as a problem with the file; keep its default
    // message off the terminal. Anything else that panics still says so.
    std::panic::set_hook(Box::new(|info| {
        if !csa_review::read::sheet::in_guarded_read() {
            eprintln!("csa-review: internal error: {info}");
        }
    }));
    let cli = cmd::Cli::parse();
    let code = match cmd::run(cli.command) {
        Ok(()) => 0,
        Err(e) => {
            print_error(&e);
            e.exit_code()
        }
    };
    std::process::exit(code);
}

fn print_error(e: &Error) {
    match e {
        Error::Input(d) => {
            let problems = d.sorted();
            for p in &problems {
                eprintln!("{p}");
            }
            let n = problems.iter().filter(|p| p.is_error()).count();
            eprintln!("csa-review: {n} error(s) in the input; nothing was written");
        }
        Error::Usage(m) => eprintln!("csa-review: {m}"),
        Error::Io { .. } | Error::Reported(_) => eprintln!("csa-review: {e}"),
    }
}
