//! The `dateline` binary: parse the command line, then run a command or open the window.

use std::process::ExitCode;

use clap::Parser;
use dateline::cli::{self, Cli, Command};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let today = cli.today.unwrap_or_else(cli::system_today);
    let options = cli.read_options();
    match cli.command {
        Some(Command::Check { files }) => {
            let code = cli::check(
                &files,
                &options,
                &mut std::io::stdout().lock(),
                &mut std::io::stderr().lock(),
            );
            ExitCode::from(code as u8)
        }
        Some(Command::List { file, json }) => match cli::open(file.as_deref(), &options) {
            Ok(timeline) => {
                match cli::list(&timeline, json, today, &mut std::io::stdout().lock()) {
                    Ok(()) => ExitCode::SUCCESS,
                    Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                    Err(e) => {
                        eprintln!("dateline: {e}");
                        ExitCode::FAILURE
                    }
                }
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::FAILURE
            }
        },
        Some(Command::Export {
            file,
            to,
            format,
            image,
        }) => match to.with_choice(format) {
            Ok(to) => {
                let err = &mut std::io::stderr().lock();
                let code = match to.format {
                    cli::ExportFormat::Svg | cli::ExportFormat::Png => {
                        cli::export_image(file.as_deref(), &options, &to, &image, today, err)
                    }
                    _ if image.any() => {
                        let _ = std::io::Write::write_all(
                            err,
                            b"dateline: --width, --from and --until apply to .svg and .png only\n",
                        );
                        2
                    }
                    _ => cli::export(file.as_deref(), &options, &to, today, err),
                };
                ExitCode::from(code as u8)
            }
            Err(message) => {
                use clap::CommandFactory;
                Cli::command()
                    .error(clap::error::ErrorKind::ArgumentConflict, message)
                    .exit()
            }
        },
        Some(Command::Draft {
            text,
            published,
            mentions: _,
            to,
        }) => {
            let code = cli::draft(
                &text,
                published,
                to.as_deref(),
                &mut std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
                &mut std::io::stderr().lock(),
            );
            ExitCode::from(code as u8)
        }
        None => match dateline::app::run_with_options(
            cli.file.clone(),
            cli.text.clone(),
            cli.read_options(),
            today,
        ) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("dateline: {e:#}");
                ExitCode::FAILURE
            }
        },
    }
}
