import { join, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { isPlatformRegion, regionByName, TopologyError } from '@xyz/topology';
import { failbackCommand } from '../commands/failback';
import { failoverCommand } from '../commands/failover';
import { drillAzFailoverCommand } from '../commands/drill-az-failover';
import { CATCH_UP_LAG_BOUNDS, MAX_LAG_BOUNDS } from '../commands/request-fields';
import { restoreCommand } from '../commands/restore';
import { renderStatus, statusReport } from '../commands/status';
import { AbortedError, CheckFailedError, InputError, NotConfirmedError } from '../core/errors';
import { boundsText } from '../core/bounds';
import { compactTimestamp } from '../core/format';
import type { ChangingCommand, CommandEnv } from '../runbook/command';
import { DEFAULT_POLL_INTERVAL_MS, POLL_INTERVAL_BOUNDS, timingFor } from '../runbook/step';
import { commandEnv, type CommonOptions, makeLogger } from './environment';
import { EXIT_CODE_HELP, ExitCode, type ExitCodeValue } from './exit-codes';
import { PROGRAM_DESCRIPTION, PROGRAM_GUIDE } from './help';
import { type CliIo, printerFor } from './io';
import { dbIdentifier, parseIsoTime, secondsIn } from './parse';
import { runChangingCommand } from './run-changing';

const STATUS_EXIT = { healthy: ExitCode.Ok, unhealthy: ExitCode.ChecksFailed, 'cannot-check': ExitCode.CouldNotCheck } as const;

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

/** The request fields the user actually typed (not defaults), to compare with a resumed run. */
function typedFields(command: Command, options: Readonly<Record<string, string>>): Record<string, unknown> {
  const typed: Record<string, unknown> = {};
  Object.entries(options).forEach(([field, flag]) => {
    const option = command.options.find((entry) => entry.long === flag);
    if (option && command.getOptionValueSource(option.attributeName()) === 'cli') typed[field] = command.getOptionValue(option.attributeName());
  });
  return typed;
}

class Cli {
  exitCode: ExitCodeValue = ExitCode.Ok;

  constructor(private readonly io: CliIo) {}

  async status(options: CommonOptions): Promise<void> {
    await this.withEnv(options, async (env) => {
      const printer = printerFor(this.io, options.json === true);
      const report = await statusReport(env);
      if (options.json) printer.document(report);
      else renderStatus(report).forEach((line) => printer.line(line));
      this.exitCode = STATUS_EXIT[report.health];
    });
  }

  /** `typed` gives the request from the options (defaults filled in); the command's schema checks it. */
  async changing<Request, Plan>(command: ChangingCommand<Request, Plan>, options: ChangingCliOptions, cliCommand: Command, typed: (env: CommandEnv) => Record<string, unknown>): Promise<void> {
    if (options.yes && !options.execute) throw new InputError('--yes only makes sense with --execute');
    await this.withEnv(options, async (env) => {
      const fresh = options.resume ? undefined : typed(env);
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

function requireTo(to: string | undefined, usage: string): string {
  if (!to) throw new InputError(`${usage}: --to <region> is required (or --resume to continue an unfinished run)`);
  return to;
}

export function buildProgram(cli: Cli, io: CliIo): Command {
  const program = new Command('dr-runbook')
    .description(PROGRAM_DESCRIPTION)
    .usage('<command> [options]')
    .addHelpText('after', `${PROGRAM_GUIDE}\n${EXIT_CODE_HELP}\n`)
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .showHelpAfterError('(add --help for the options)')
    .helpCommand(false);

  commonOptions(program.command('status'))
    .description('compare the topology with AWS: the databases (status, role, Multi-AZ, backups, latest restorable time, replica sources and lag, writer endpoint), Redis, the device event pipeline and the alarms; exit 3 when unhealthy, 7 when something could not be checked')
    .addHelpText(
      'after',
      `\nRead-only. Per region: the MySQL instance and the writer endpoint parameter; the Redis replication\ngroup (available, Multi-AZ, automatic failover); the platform's CloudWatch alarms in ALARM (names\nstarting with the topology prefix, e.g. xyz-prod-). In the stream's home region: the Kinesis stream\n(ACTIVE, open shards and retention as the topology says), the Lambda event source mapping from it\nto the processor (Enabled) and the DynamoDB table (ACTIVE, stream on).\n\nExit 0 when everything was checked and is healthy; 3 when a finding is an error (drift,\nlag above the alarm threshold, a missing instance or service, a writer endpoint that points\nelsewhere, an alarm in ALARM), even if something else could not be checked; 7 when nothing checked is wrong but something could not be\nchecked (no credentials, access denied, a region or endpoint that does not answer: "cannot check",\nwith the reason). Exit 7 says nothing about the part that could not be checked.\n\n${EXIT_CODE_HELP}\n`,
    )
    .action((options: CommonOptions) => cli.status(options));

  const drill = program.command('drill').description('rehearsals; `drill az-failover` forces a Multi-AZ failover of the primary and measures it').helpCommand(false);
  changingOptions(drill.command('az-failover'))
    .description('force a Multi-AZ failover of the primary (RebootDBInstance ForceFailover) and measure the time until it is available again')
    .addHelpText('after', `\nPre-checks: the primary is Multi-AZ, available and not already rebooting.\nConnections drop for about 1-2 minutes; run it in a quiet hour.\n\n${EXIT_CODE_HELP}\n`)
    .action((options: ChangingCliOptions, command: Command) => cli.changing(drillAzFailoverCommand, options, command, () => ({})));

  changingOptions(
    program
      .command('failover')
      .description("regional failover: promote the replica in --to, make it Multi-AZ, switch the writer endpoint, rebuild the other replicas, update the topology")
      .option('--to <region>', 'region whose replica becomes the primary')
      .option('--force', "the primary's region is down: skip the replica lag check and do not require the primary to answer")
      .addOption(new Option('--max-lag <seconds>', `refuse (without --force) when ReplicaLag is above this, ${boundsText(MAX_LAG_BOUNDS)} (default: the topology alarm threshold)`).argParser(secondsIn(MAX_LAG_BOUNDS)))
      .option('--write-topology', 'write the new primaryRegion into the topology file (otherwise the change is printed)'),
  )
    .addHelpText(
      'after',
      `\nSteps: fence the old primary if it answers (read_only=1), promote with the topology's backup\nretention, start Multi-AZ, point the writer endpoint parameter at it in every region, wait for\nMulti-AZ, rebuild the surviving replicas (the old ones are renamed *-stale-* and kept), then the\ntopology change. Pre-checks: the target is an available replica of the current primary, not\nbacking-up, and its lag is under --max-lag (unless --force).\n\nExamples:\n  npm run dr-runbook -- failover --to us-west-2                    # checks and plan only\n  npm run dr-runbook -- failover --to us-west-2 --force --execute  # us-east-1 is down\n  npm run dr-runbook -- failover --resume --execute                # continue a stopped run\n\n${EXIT_CODE_HELP}\n`,
    )
    .action((options: ChangingCliOptions & { to?: string; force?: boolean; maxLag?: number; writeTopology?: boolean }, command: Command) =>
      cli.changing(failoverCommand, options, command, (env) => ({
        to: requireTo(options.to, 'failover'),
        force: options.force === true,
        maxLagSeconds: options.maxLag ?? env.topology.alarms.rdsReplicaLagSeconds,
        writeTopology: options.writeTopology === true,
      })),
    );

  changingOptions(
    program
      .command('failback')
      .description('planned return of the primary to a recovered region: new replica there, catch up, fence writes, promote, switch the endpoint, rebuild the replicas')
      .option('--to <region>', 'recovered region that becomes the primary again')
      .addOption(new Option('--catch-up-lag <seconds>', `ReplicaLag the new replica must reach before writes are fenced, ${boundsText(CATCH_UP_LAG_BOUNDS)}`).argParser(secondsIn(CATCH_UP_LAG_BOUNDS)).default(5))
      .option('--write-topology', 'write the new primaryRegion into the topology file (otherwise the change is printed)'),
  )
    .addHelpText(
      'after',
      `\nWrites are fenced by setting read_only=1 in the current primary's parameter group (it binds the\nRDS master user too); the runbook then waits until the replica reports ReplicaLag 0 after the\nfence, so the promotion loses nothing. Writes fail from the fence until the endpoint switch.\n\nExample:\n  npm run dr-runbook -- failback --to us-east-1 --execute --write-topology\n\n${EXIT_CODE_HELP}\n`,
    )
    .action((options: ChangingCliOptions & { to?: string; catchUpLag?: number; writeTopology?: boolean }, command: Command) =>
      cli.changing(failbackCommand, options, command, () => ({ to: requireTo(options.to, 'failback'), catchUpLagSeconds: options.catchUpLag ?? 5, writeTopology: options.writeTopology === true })),
    );

  changingOptions(
    program
      .command('restore')
      .description("point-in-time restore into a NEW instance (the source is untouched), with the region's security groups, parameter group and subnet group; prints its endpoint")
      .addOption(new Option('--time <iso-8601>', 'restore time with a zone, e.g. 2025-03-01T02:15:00Z').argParser(parseIsoTime).conflicts('latest'))
      .option('--latest', 'restore to the latest restorable time')
      .option('--region <region>', 'region of the source (default: the primary region)')
      .addOption(new Option('--source <id>', "source instance (default: the region's instance from the topology)").argParser(dbIdentifier))
      .addOption(new Option('--target-id <id>', 'identifier of the new instance (default: <source>-pitr-<yyyymmddhhmm>)').argParser(dbIdentifier)),
  )
    .addHelpText('after', `\nThe time must be inside the source's restore window (its automated backup retention).\n\nExample:\n  npm run dr-runbook -- restore --time 2025-03-01T02:15:00Z --target-id orders-before-bad-deploy --execute\n\n${EXIT_CODE_HELP}\n`)
    .action((options: ChangingCliOptions & { time?: string; latest?: boolean; region?: string; source?: string; targetId?: string }, command: Command) =>
      cli.changing(restoreCommand, options, command, (env) => {
        if (!options.time && !options.latest) throw new InputError('restore: give --time <ISO-8601> or --latest');
        const region = options.region ?? env.topology.primaryRegion;
        // An unknown region is reported by the request schema; the source then has no default.
        const source = options.source ?? (isPlatformRegion(env.topology, region) ? regionByName(env.topology, region).names.dbInstanceIdentifier : '');
        const targetId = options.targetId ?? `${source}-pitr-${compactTimestamp(io.clock.now()).replace('T', '').slice(0, 12)}`;
        if (targetId.length > 63) throw new InputError(`restore: the default target identifier ${targetId} is too long; pass --target-id`);
        return { region, source, time: options.time ?? null, targetId };
      }),
    );

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
