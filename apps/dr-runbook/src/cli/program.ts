import { join, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { TopologyError } from '@xyz/topology';
import { longFlag, type OptionDeclaration, type OptionValues } from '../commands/declaration';
import { COMMAND_GROUPS, COMMANDS, type RegisteredCommand } from '../commands/registry';
import { AbortedError, CheckFailedError, InputError, NotConfirmedError } from '../core/errors';
import { boundsText } from '../core/bounds';
import type { ChangingCommand, CommandEnv, ReadOnlyCommand } from '../runbook/command';
import { DEFAULT_POLL_INTERVAL_MS, POLL_INTERVAL_BOUNDS, timingFor } from '../runbook/step';
import { commandEnv, type CommonOptions, makeLogger } from './environment';
import { EXIT_CODE_HELP, ExitCode, type ExitCodeValue } from './exit-codes';
import { PROGRAM_DESCRIPTION, PROGRAM_NOTES, whichCommandWhen } from './help';
import { type CliIo, printerFor } from './io';
import { secondsIn } from './parse';
import { runChangingCommand } from './run-changing';

const VERDICT_EXIT = { ok: ExitCode.Ok, problems: ExitCode.ChecksFailed, unchecked: ExitCode.CouldNotCheck } as const;

interface ChangingCliOptions extends CommonOptions {
  readonly execute?: boolean;
  readonly yes?: boolean;
  readonly resume?: boolean;
  readonly journalDir?: string;
  readonly pollInterval?: number;
}

function commonOptions(command: Command): Command {
  return command
    .option('--env <name>', 'environment: libs/topology/environments/<name>.json (default: $XYZ_ENVIRONMENT or production)')
    .option('--topology-dir <dir>', 'directory of the environment files (default: libs/topology/environments)')
    .option('--profile <name>', 'AWS profile (default: the SDK credential chain, e.g. AWS_PROFILE)')
    .option('--json', 'machine-readable JSON on stdout (progress goes to stderr)')
    .option('--log-file <file>', 'append structured logs (JSON lines: every AWS call and step) to this file')
    .option('--verbose', 'print the structured logs on stderr');
}

function changingOptions(command: Command): Command {
  return commonOptions(command)
    .option('--execute', 'make the changes (without it: dry run, nothing is changed)')
    .option('--yes', 'with --execute: do not ask to type the target identifier (for CI)')
    .option('--resume', 'continue the last unfinished run of this command (from its journal)')
    .option('--journal-dir <dir>', 'where runs are journalled (default: .dr-runbook/ at the repository root)')
    .addOption(
      new Option('--poll-interval <seconds>', `seconds between DescribeDBInstances polls of one instance, ${boundsText(POLL_INTERVAL_BOUNDS)}; 10 keeps it at 6 calls a minute`)
        .argParser(secondsIn(POLL_INTERVAL_BOUNDS))
        .default(DEFAULT_POLL_INTERVAL_MS / 1000),
    );
}

function commanderOption(declared: OptionDeclaration): Option {
  const option = new Option(declared.flags, declared.description);
  if (declared.parse) option.argParser(declared.parse);
  if (declared.defaultValue !== undefined) option.default(declared.defaultValue);
  if (declared.conflicts) option.conflicts(declared.conflicts);
  return option;
}

/** The request fields the user actually typed (not defaults), to compare with a resumed run. */
function typedFields(command: Command, declared: readonly OptionDeclaration[]): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  declared.forEach((entry) => {
    const option = command.options.find((candidate) => candidate.long === longFlag(entry));
    if (entry.field && option && command.getOptionValueSource(option.attributeName()) === 'cli') typed[entry.field] = command.getOptionValue(option.attributeName());
  });
  return typed;
}

class Cli {
  exitCode: ExitCodeValue = ExitCode.Ok;

  constructor(private readonly io: CliIo) {}

  async readOnly<Report>(command: ReadOnlyCommand<Report>, options: CommonOptions): Promise<void> {
    await this.withEnv(options, async (env) => {
      const printer = printerFor(this.io, options.json === true);
      const report = await command.read(env);
      if (options.json) printer.document(report);
      else command.render(report).forEach((line) => printer.line(line));
      this.exitCode = VERDICT_EXIT[command.verdict(report)];
    });
  }

  async changing<Request, Plan>(command: ChangingCommand<Request, Plan>, options: ChangingCliOptions & OptionValues, cliCommand: Command): Promise<void> {
    if (options.yes && !options.execute) throw new InputError('--yes only makes sense with --execute');
    await this.withEnv(options, async (env) => {
      const fresh = options.resume ? undefined : command.request(options, { topology: env.topology, now: this.io.clock.now() });
      const printer = printerFor(this.io, options.json === true);
      this.exitCode = await runChangingCommand(
        command,
        fresh,
        {
          execute: options.execute === true,
          yes: options.yes === true,
          resume: options.resume === true,
          json: options.json === true,
          journalDir: options.journalDir ? resolve(options.journalDir) : join(this.io.repoRoot, '.dr-runbook'),
          timing: timingFor((options.pollInterval ?? DEFAULT_POLL_INTERVAL_MS / 1000) * 1000),
          explicit: typedFields(cliCommand, command.options),
        },
        env,
        this.io,
        printer,
      );
    });
  }

  private async withEnv(options: CommonOptions, body: (env: CommandEnv) => Promise<void>): Promise<void> {
    const { env, close } = commandEnv(this.io, options, makeLogger(this.io, options));
    try {
      await body(env);
    } finally {
      close();
    }
  }
}

/** The commander command a usage is typed as; 'drill az-failover' lives under a 'drill' group. */
function commandFor(program: Command, usage: string): Command {
  const words = usage.split(' ');
  const parent = words.slice(0, -1).reduce(
    (group, word) => group.commands.find((existing) => existing.name() === word) ?? group.command(word).description(COMMAND_GROUPS[word] ?? '').helpCommand(false),
    program,
  );
  return parent.command(words[words.length - 1]);
}

function addCommand(program: Command, cli: Cli, entry: RegisteredCommand): void {
  const command = commandFor(program, entry.usage).description(entry.summary);
  entry.options.forEach((declared) => command.addOption(commanderOption(declared)));
  (entry.kind === 'changing' ? changingOptions : commonOptions)(command);
  command.addHelpText('after', `\n${entry.details ? `${entry.details}\n\n` : ''}${EXIT_CODE_HELP}\n`);
  if (entry.kind === 'changing') command.action((options: ChangingCliOptions & OptionValues, self: Command) => cli.changing(entry, options, self));
  else command.action((options: CommonOptions) => cli.readOnly(entry, options));
}

/** The command line, built from the registry of commands (commands/registry.ts). */
export function buildProgram(cli: Cli, io: CliIo): Command {
  const program = new Command('dr-runbook')
    .description(PROGRAM_DESCRIPTION)
    .usage('<command> [options]')
    .addHelpText('after', `\n${whichCommandWhen(COMMANDS)}\n${PROGRAM_NOTES}\n${EXIT_CODE_HELP}\n`)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .showHelpAfterError('(add --help for the options)')
    .helpCommand(false);
  COMMANDS.forEach((entry) => addCommand(program, cli, entry));
  return program;
}

function errorExit(io: CliIo, error: unknown): ExitCodeValue {
  const say = (text: string) => io.stderr(`${text}\n`);
  if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
  if (error instanceof InputError || error instanceof TopologyError) {
    say(`error: ${error.message}`);
    return ExitCode.Usage;
  }
  if (error instanceof CheckFailedError) {
    say(`✖ Pre-checks failed; nothing was changed.${error.failures.length > 0 ? `\n  ${error.failures.join('\n  ')}` : ''}`);
    return ExitCode.ChecksFailed;
  }
  if (error instanceof NotConfirmedError) {
    say(error.message);
    return ExitCode.NotConfirmed;
  }
  if (error instanceof AbortedError) {
    say('interrupted before any change');
    return ExitCode.Interrupted;
  }
  say(`internal error: ${error instanceof Error ? error.message : String(error)}\nRun \`npm run dr-runbook -- status\` to see where things stand; with --verbose the logs show the last AWS calls.`);
  return ExitCode.Internal;
}

/** Runs the CLI on argv (without node and script) and resolves the exit code. Never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCodeValue> {
  const cli = new Cli(io);
  try {
    await buildProgram(cli, io).parseAsync([...argv], { from: 'user' });
    return cli.exitCode;
  } catch (error) {
    return errorExit(io, error);
  }
}
