import type { CommandDeclaration } from '../commands/declaration';

export const PROGRAM_DESCRIPTION = [
  'Disaster-recovery runbook for the XYZ MySQL platform on RDS (one primary, cross-region replicas).',
  'It reads the platform topology (libs/topology/environments/<env>.json), so it acts on exactly the instances the stacks create, and it compares that topology with what AWS reports.',
].join('\n\n');

const GUIDE_WIDTH = 100;
const SYNOPSIS_COLUMN = 30;

/** Words of `text` in lines of at most `width` characters. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  text.split(/\s+/).forEach((word) => {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  });
  if (line) lines.push(line);
  return lines;
}

/** "Which command when": one paragraph per command, from the commands' own declarations. */
export function whichCommandWhen(commands: readonly CommandDeclaration[]): string {
  const indent = ' '.repeat(SYNOPSIS_COLUMN);
  const lines = commands.flatMap(({ guide }) => {
    const text = wrap(guide.when, GUIDE_WIDTH - SYNOPSIS_COLUMN).map((line) => `${indent}${line}`);
    const head = `  ${guide.synopsis}`;
    if (head.length < SYNOPSIS_COLUMN) return [`${head.padEnd(SYNOPSIS_COLUMN)}${text[0].trimStart()}`, ...text.slice(1)];
    return [head, ...text];
  });
  return ['Which command when:', ...lines].join('\n');
}

/** After the guide's command list: what every changing command does, AWS access and examples. */
export const PROGRAM_NOTES = `
Commands that change anything:
  - are a DRY RUN by default: they run their read-only pre-checks, then print the ordered steps and
    every AWS call they would make. Nothing is changed.
  - run with --execute, after you type the identifier of the target database (or --yes in CI).
  - journal every step under .dr-runbook/ (--journal-dir). If a run is interrupted or fails,
    \`<command> --resume --execute\` continues it; every step checks AWS before it acts, so nothing
    is done twice (no second promotion, no duplicate replica). --resume checks the journal's
    options and plan as strictly as typed options (exit 2 if it was edited or is damaged) and runs
    the pre-checks of the steps not started yet again (exit 3 if one fails).
  - print one line per step, then its duration and result, and write a Markdown and JSON report
    (timeline, measured RTO, estimated RPO) next to the journal.

AWS access uses the standard SDK configuration: the default credential chain, --profile or
AWS_PROFILE, AWS_ENDPOINT_URL or one per service (AWS_ENDPOINT_URL_RDS, ..._SSM, ..._CLOUDWATCH,
..._ELASTICACHE, ..._KINESIS, ..._LAMBDA, ..._DYNAMODB). The region of every call comes from the
topology, so AWS_REGION is not needed.

Examples:
  npm run dr-runbook -- status
  npm run dr-runbook -- failover --to us-west-2                       # dry run: checks + plan
  npm run dr-runbook -- failover --to us-west-2 --force --execute     # region down: do it
  npm run dr-runbook -- failover --resume --execute                   # continue after a failure
  npm run dr-runbook -- restore --time 2025-03-01T02:15:00Z --execute
  npm run dr-runbook -- <command> --help                              # every option of a command
`;
