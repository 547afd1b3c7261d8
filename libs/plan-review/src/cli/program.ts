import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { TopologyError } from '@xyz/topology';
import { parseUsage } from '../cost/usage';
import { PlanReviewError } from '../errors';
import { type AllowEntry, parseAllowFile, parseAllowOption } from '../guard/allow';
import { ALLOW_FILE } from '../guard/allow-file';
import { renderMarkdown } from '../summary/markdown';
import { type Review, reviewPlans } from '../summary/review';
import { renderText } from '../summary/text';
import { readBaseline, readJson, readPlans, topologyFacts } from './inputs';
import { chooseOutputFormat, OUTPUT_FORMATS, type OutputFormat, type RequestedFormat } from './output-format';

export const EXIT_OK = 0;
export const EXIT_BLOCKED = 1;
export const EXIT_BAD_INPUT = 2;

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** Whether `out` is an interactive terminal: the review is then plain text unless in CI. @default false */
  readonly stdoutIsTTY?: boolean;
  /** The environment, to tell CI (CI=true) from a person's terminal. @default {} */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

interface Options {
  allowFile?: string;
  allow: string[];
  baseline?: string;
  usage?: string;
  json: boolean;
  format?: RequestedFormat;
  jsonFile?: string;
  markdownFile?: string;
  environment?: string;
  quiet: boolean;
}

const HELP_AFTER = `
Each plan is the JSON of \`terraform show -json <planfile>\`, at cdktf.out/stacks/<stack>/plan.json:
the name of its directory is the stack name. Anything else (terraform validate -json, providers
schema -json, a state, the streamed log of plan -json, a JSON array) is refused, saying what it is.

What it prints: a plain-text summary on a terminal outside CI; the Markdown review elsewhere (in CI,
into a pipe or a file) or with --format markdown; JSON with --json. The Markdown review has the
guard's findings, changes that cause downtime, counts per stack and resource type, every replacement
with the attribute that forces it, in-place changes that need attention, security-relevant changes,
drift, and the monthly cost before and after, with its rates and their sources.

The guard fails the review on any of these, unless its exact "<stack>:<address>" is allowed for that
action, in ${ALLOW_FILE} (read by default when it exists) or with --allow:
  replace, delete, forget  of what holds or protects data (databases, caches, streams, tables, queues,
                           secrets, keys, buckets and their versioning, lifecycle and policies, flow logs,
                           audit log groups)
  rename                   of a live RDS instance (its endpoint changes)
  weaken                   an update that turns a protection down (the weakening table in the README)
  open                     ingress from 0.0.0.0/0 or ::/0, internet gateways and routes to them, admin
                           policies and attachments, resource policies open to principal "*"
  {"allow": [{"address": "replica-west:aws_db_instance.replica", "action": "replace", "reason": "rebuild after failover (OPS-42)"}]}
A read replica's promotion is called out under "Needs attention" and downtime under "Causes
downtime"; neither fails the review.

Exit codes: 0 reviewed, nothing blocked; 1 the guard blocked a change; 2 bad input.

Examples:
  npx nx run-many -t plan -c offline && npm run plan-review -- cdktf.out/stacks/*/plan.json
  npm run plan-review -- cdktf.out/stacks/*/plan.json --markdown-file plan-review.md --json-file plan-review.json
  npm run plan-review -- cdktf.out/stacks/*/plan.json --allow "replace:replica-west:aws_db_instance.replica=rebuild after failover (OPS-42)"
`;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function buildProgram(): Command {
  return new Command('plan-review')
    .description('Review terraform plans of one or more stacks: what changes, what it costs, what causes downtime, and whether anything destroys, weakens or opens what the platform protects.')
    .argument('<plan.json...>', 'terraform show -json output, one per stack (cdktf.out/stacks/<stack>/plan.json)')
    .option('--allow-file <file>', `allow list of intended changes the guard would block (default: ${ALLOW_FILE} if it exists)`)
    .option('--allow <action:stack:address=reason>', 'allow one change: its action (replace, delete, forget, rename, weaken, open), address and reason (repeatable)', collect, [])
    .option('--baseline <review.json>', 'take the "before" cost per stack from an earlier --json-file review')
    .option('--usage <file>', 'JSON overriding the usage assumptions of usage-based costs')
    .option('--json', 'print the review as JSON', false)
    .addOption(
      new Option('--format <format>', 'print the review as plain text or Markdown (default: text on a terminal outside CI, else markdown)').choices(OUTPUT_FORMATS).conflicts('json'),
    )
    .option('--json-file <file>', 'also write the review as JSON (usable as a later --baseline)')
    .option('--markdown-file <file>', 'also write the Markdown for the pull-request comment (shortened to fit GitHub if needed)')
    .addOption(new Option('--environment <name>', 'topology environment for stack regions and the state bucket').env('XYZ_ENVIRONMENT'))
    .option('-q, --quiet', 'no progress lines on stderr', false)
    .addHelpText('after', HELP_AFTER)
    .showHelpAfterError('(run with --help for usage)');
}

function readAllows(options: Options): AllowEntry[] {
  const file = options.allowFile ?? (existsSync(ALLOW_FILE) ? ALLOW_FILE : undefined);
  const fromFile = file ? parseAllowFile(readJson(file, 'allow file'), file) : [];
  return [...fromFile, ...options.allow.map(parseAllowOption)];
}

function write(file: string, text: string): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (error) {
    throw new PlanReviewError(`cannot write ${file}: ${(error as Error).message}`);
  }
}

/** What stdout gets: the CI log and --format markdown get every detail; the file is the comment, sized for GitHub. */
function printed(result: Review, json: string, format: OutputFormat): string {
  if (format === 'json') return json;
  return format === 'text' ? renderText(result) : renderMarkdown(result, Number.POSITIVE_INFINITY);
}

function review(files: string[], options: Options, io: Io): number {
  const progress = options.quiet ? () => undefined : (line: string) => io.err(`plan-review: ${line}\n`);
  const plans = readPlans(files, progress);
  const allow = readAllows(options);
  const usage = options.usage ? parseUsage(readJson(options.usage, 'usage file'), options.usage) : undefined;
  const baseline = options.baseline ? readBaseline(options.baseline) : undefined;
  const result = reviewPlans(plans, { allow, usage, baseline, ...topologyFacts(options.environment) });
  const json = `${JSON.stringify(result, null, 2)}\n`;
  io.out(printed(result, json, chooseOutputFormat(options, { stdoutIsTTY: io.stdoutIsTTY ?? false, env: io.env ?? {} })));
  if (options.markdownFile) write(options.markdownFile, renderMarkdown(result));
  if (options.jsonFile) write(options.jsonFile, json);
  for (const finding of result.guard.blocked) {
    io.err(`plan-review: BLOCKED ${finding.action} of ${finding.key}: ${finding.reason} (${finding.cause})\n`);
  }
  progress(`${result.stacks.length} stack(s), ${result.counts.create} to create, ${result.counts.update} to update, ${result.counts.replace} to replace, ${result.counts.delete} to delete, ${result.counts.forget} to forget; $${result.afterUsd.toFixed(2)}/month after`);
  return result.guard.blocked.length > 0 ? EXIT_BLOCKED : EXIT_OK;
}

/** Runs the CLI with the given arguments (without node and script); returns the exit code. */
export function runCli(argv: readonly string[], io: Io): number {
  const program = buildProgram()
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_OK : EXIT_BAD_INPUT;
    throw error;
  }
  try {
    return review(program.args, program.opts<Options>(), io);
  } catch (error) {
    if (error instanceof PlanReviewError || error instanceof TopologyError) {
      io.err(`plan-review: ${error.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw error;
  }
}
