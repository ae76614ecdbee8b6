// `s3am`: the command-line tool over the S3 Access Manager REST API (see README "CLI").
import { CommanderError, Command, Option } from 'commander';
import { registerCommands } from './commands/index.js';
import { ExitCode } from './exit-codes.js';
import { CLI_VERSION } from './version.js';

export function buildProgram(): Command {
  const program = new Command('s3am')
    .description('Upload, browse and administer S3 Access Manager from scripts and terminals.')
    .version(CLI_VERSION)
    .option('--url <url>', 'server URL (default: S3AM_URL, then the profile)')
    .option('--profile <name>', 'saved profile to use (default: S3AM_PROFILE, then "default")')
    .option('--token <token>', 'personal API token for this call (default: S3AM_TOKEN)')
    .option('--json', 'print one JSON document (NDJSON for streams) for scripts')
    .addOption(new Option('--no-color', 'no colours (also: NO_COLOR, or output not a terminal)'))
    .showSuggestionAfterError()
    .exitOverride()
    .addHelpText(
      'after',
      `
Exit codes: 0 ok · 1 error · 2 usage · 3 not signed in / auth failed · 4 not found or denied ·
5 partly failed · 130 interrupted (an upload is paused: run the same command again to resume).`,
    );
  registerCommands(program);
  // Every subcommand reports usage errors the same way (exit 2) instead of exiting itself.
  const override = (command: Command): void => {
    command.exitOverride();
    command.commands.forEach(override);
  };
  override(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      const ok = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
      process.exitCode =
        ok.includes(error.code) || error.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
      return;
    }
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = ExitCode.ERROR;
  }
}

await main(process.argv);
