import { formatDuration, compactTimestamp, isoTime } from '../core/format';
import { requestFlags } from '../commands/declaration';
import { CheckFailedError, InputError } from '../core/errors';
import type { ChangingCommand, CommandEnv, RequestContext, RunIdentity } from '../runbook/command';
import { factsSchema } from '../runbook/facts';
import { Journal } from '../runbook/journal';
import { acquireRunLock } from '../runbook/lock';
import { buildReport, writeReport } from '../runbook/report';
import { runSteps, type RunOutcome } from '../runbook/runner';
import type { Step, Timing } from '../runbook/step';
import { STEP } from '../runbook/step-ids';
import { JournalError, validated, type ValueOrigin } from '../runbook/validate';
import { confirmByIdentifier } from './confirm';
import { ExitCode, type ExitCodeValue } from './exit-codes';
import type { CliIo, Printer } from './io';
import { planDocument, renderChecks, renderSteps } from './render-plan';

export interface ChangingOptions {
  readonly execute: boolean;
  readonly yes: boolean;
  readonly resume: boolean;
  readonly json: boolean;
  readonly journalDir: string;
  readonly timing: Timing;
  /** Options the user typed (by request field), to compare with the run being resumed. */
  readonly explicit: Readonly<Record<string, unknown>>;
}

interface Loaded<Request, Plan> {
  readonly request: Request;
  readonly plan: Plan;
  readonly run: RunIdentity;
  readonly journal?: Journal;
}

function resumeRequest<Request>(command: ChangingCommand<Request, unknown>, saved: Request, explicit: Readonly<Record<string, unknown>>): Request {
  const merged = { ...saved } as Record<string, unknown>;
  Object.entries(explicit).forEach(([key, value]) => {
    if (value === undefined || !(key in merged) || merged[key] === value) return;
    if ((command.resumeOverridable as readonly string[]).includes(key)) {
      merged[key] = value;
      return;
    }
    throw new InputError(`the unfinished ${command.usage} run was started with ${key} = ${JSON.stringify(merged[key])}; --resume cannot change it to ${JSON.stringify(value)}`);
  });
  return merged as Request;
}

/**
 * The journal's request and plan, checked as strictly as options typed now: a journal is a file
 * anyone can edit, and a resumed run acts on what it names.
 */
function resumed<Request, Plan>(command: ChangingCommand<Request, Plan>, journal: Journal, options: ChangingOptions, env: CommandEnv): Loaded<Request, Plan> {
  const doc = journal.doc;
  const ctx: RequestContext = {
    topology: env.topology,
    now: env.clock.now(),
    targetPromoted: doc.steps.some((step) => step.id === STEP.promote && step.status !== 'pending'),
  };
  const fromJournal = (root: string): ValueOrigin => ({ kind: 'journal', file: journal.file, root });
  const saved = validated(command.requestSchema(ctx), doc.request, fromJournal('request'));
  const request = validated(command.requestSchema(ctx), resumeRequest(command as ChangingCommand<Request, unknown>, saved, options.explicit), { kind: 'cli', options: requestFlags(command.options) });
  const plan = validated(command.planSchema(ctx, request), doc.plan, fromJournal('plan'));
  return { request, plan, run: { runId: doc.runId, startedAt: Date.parse(doc.startedAt) }, journal };
}

async function load<Request, Plan>(command: ChangingCommand<Request, Plan>, typed: Readonly<Record<string, unknown>> | undefined, options: ChangingOptions, env: CommandEnv, printer: Printer): Promise<Loaded<Request, Plan>> {
  const environment = env.topology.environment;
  const latest = Journal.latest(options.journalDir, command.name, environment, env.clock);
  if (options.resume) {
    if (!latest?.unfinished) {
      throw new InputError(`there is no unfinished ${command.usage} run for ${environment} in ${options.journalDir}${latest ? ` (the last one, ${latest.doc.runId}, ${latest.doc.status})` : ''}`);
    }
    const doc = latest.doc;
    printer.line(`Resuming ${doc.runId} (${doc.status}; started ${doc.startedAt}; ${doc.attempts.length} earlier attempt${doc.attempts.length === 1 ? '' : 's'}).`);
    return resumed(command, latest, options, env);
  }
  if (typed === undefined) throw new InputError(`${command.usage}: missing options`);
  const request = validated(command.requestSchema({ topology: env.topology, now: env.clock.now(), targetPromoted: false }), typed, { kind: 'cli', options: requestFlags(command.options) });
  if (latest?.stoppedPartWay) {
    const text = `an unfinished ${command.usage} run exists: ${latest.doc.runId} (${latest.doc.status}). Continue it with --resume, or move ${latest.dir} elsewhere to start over.`;
    if (options.execute) throw new InputError(text);
    printer.line(`! ${text}`);
  } else if (latest?.unfinished) {
    printer.line(`! the last ${command.usage} run, ${latest.doc.runId}, finished with warnings; a new run supersedes it (--resume would retry them).`);
  }
  printer.line(`${command.headline(request)} (environment ${environment})`);
  // The run (and its measured RTO) starts before the pre-checks: they are part of the response.
  const startedAt = env.clock.now();
  const prepared = await command.prepare(env, request, startedAt);
  renderChecks(prepared.checks, prepared.notes).forEach((line) => printer.line(line));
  const failures = prepared.checks.filter((check) => !check.ok).map((check) => check.text);
  if (failures.length > 0 || prepared.plan === undefined) throw new CheckFailedError(failures);
  const runId = `${command.name}-${compactTimestamp(startedAt)}-${command.target(request)}`.toLowerCase();
  return { request, plan: prepared.plan, run: { runId, startedAt } };
}

/**
 * On --resume: the pre-checks of the steps that have not started yet run again, since AWS may
 * have changed since the first attempt (a step that has started checks AWS itself before it acts).
 */
async function recheck<Request, Plan>(command: ChangingCommand<Request, Plan>, loaded: Loaded<Request, Plan>, journal: Journal, steps: readonly Step[], env: CommandEnv, printer: Printer): Promise<void> {
  const missing = steps.find((step) => !journal.doc.steps.some((record) => record.id === step.id));
  if (missing) throw new JournalError(journal.file, `steps: no step "${missing.id}", which this run's plan has (the journal was edited or is damaged: nothing was done)`);
  const pending = new Set(steps.filter((step) => journal.step(step.id).status === 'pending').map((step) => step.id));
  if (pending.size === 0) return;
  const newPrimary = command.newPrimary?.(loaded.request);
  if (newPrimary !== undefined && env.topology.primaryRegion === newPrimary) {
    printer.line(`The topology already names ${newPrimary} as the primary, so the pre-checks, made for the topology before the run, are not run again; each remaining step checks AWS before it acts.`);
    return;
  }
  const prepared = await command.prepare(env, loaded.request, loaded.run.startedAt);
  const relevant = prepared.checks.filter((check) => check.guards.some((id) => pending.has(id)));
  if (relevant.length === 0) return;
  printer.line('Pre-checks of the steps not started yet (read-only):');
  relevant.forEach((check) => printer.line(`  ${check.ok ? '✔' : '✖'} ${check.text}`));
  const failures = relevant.filter((check) => !check.ok).map((check) => check.text);
  if (failures.length > 0) throw new CheckFailedError(failures);
}

function exitFor(outcome: RunOutcome): ExitCodeValue {
  switch (outcome.status) {
    case 'succeeded':
      return ExitCode.Ok;
    case 'warnings':
      return ExitCode.Warnings;
    case 'interrupted':
      return ExitCode.Interrupted;
    default:
      return ExitCode.StepFailed;
  }
}

/**
 * Dry run by default: pre-checks, then the ordered steps and every call. With --execute: confirm,
 * take the run lock, journal every step, write the report, and exit with a meaningful code.
 */
export async function runChangingCommand<Request, Plan>(command: ChangingCommand<Request, Plan>, typed: Readonly<Record<string, unknown>> | undefined, options: ChangingOptions, env: CommandEnv, io: CliIo, printer: Printer): Promise<ExitCodeValue> {
  const loaded = await load(command, typed, options, env, printer);
  const steps = command.steps(env, loaded.request, loaded.plan, loaded.run);
  if (loaded.journal) {
    // The facts are checked against what this run's steps declare they record, like the request and plan.
    validated(factsSchema(steps.flatMap((step) => step.facts ?? [])), loaded.journal.doc.facts, { kind: 'journal', file: loaded.journal.file, root: 'facts' });
    await recheck(command, loaded, loaded.journal, steps, env, printer);
  }
  const resumeHint = `npm run dr-runbook -- ${command.usage} --resume --execute`;
  if (!options.execute) {
    printer.line('');
    printer.line(`DRY RUN: nothing will be changed. With --execute these steps run in this order${loaded.journal ? ' (continuing the run above)' : ''}:`);
    renderSteps(steps, loaded.journal).forEach((line) => printer.line(line));
    printer.line('');
    printer.line(`To run them: ${loaded.journal ? resumeHint : `add --execute (you will be asked to type ${command.confirmation(loaded.plan)})`}`);
    if (options.json) printer.document({ dryRun: true, command: command.name, runId: loaded.run.runId, request: loaded.request, plan: loaded.plan, steps: planDocument(steps) });
    return ExitCode.Ok;
  }
  if (!options.yes) await confirmByIdentifier(io, command.confirmation(loaded.plan));
  const release = acquireRunLock(options.journalDir, loaded.run.runId);
  try {
    let journal = loaded.journal;
    if (journal) journal.beginAttempt();
    else {
      journal = Journal.create(
        options.journalDir,
        {
          runId: loaded.run.runId,
          command: command.name,
          environment: env.topology.environment,
          target: command.target(loaded.request),
          request: loaded.request,
          plan: loaded.plan,
          startedAt: isoTime(loaded.run.startedAt),
          steps: steps.map((step) => ({ id: step.id, title: step.title })),
        },
        env.clock,
      );
    }
    printer.line('');
    printer.line(`Running ${journal.doc.runId} (journal: ${journal.file})`);
    const outcome = await runSteps({ journal, steps, aws: env.aws, clock: env.clock, signal: env.signal, timing: options.timing, log: env.log, out: (line) => printer.line(line) });
    journal.finish(outcome.status);
    const report = buildReport(journal.doc, command.measures(env, journal.doc, loaded.request, loaded.plan));
    const paths = writeReport(journal.dir, report);
    printer.line('');
    const elapsed = formatDuration(env.clock.now() - loaded.run.startedAt);
    if (outcome.status === 'succeeded' || outcome.status === 'warnings') {
      printer.line(`${outcome.status === 'succeeded' ? '✔' : '⚠'} ${report.headline}: finished ${outcome.status === 'warnings' ? 'with warnings ' : ''}after ${elapsed}.`);
    } else {
      const failure = outcome.failure;
      printer.line(`✖ ${report.headline}: ${outcome.status === 'interrupted' ? 'interrupted' : 'stopped'} after ${elapsed}${failure ? ` at "${failure.title}": ${failure.message}` : ''}.`);
      const done = journal.doc.steps.filter((step) => step.status === 'done').map((step) => step.title);
      printer.line(`State: ${done.length > 0 ? `done: ${done.join('; ')}.` : 'no step has completed.'} ${failure?.ifItFails ?? ''}`);
      printer.line(`Next: ${outcome.status === 'interrupted' ? 'continue' : 'fix the cause, then continue'} with: ${resumeHint}`);
    }
    if (report.rtoMs !== null) printer.line(`  Measured RTO: ${formatDuration(report.rtoMs)} (${report.rtoDefinition})`);
    if (report.rpoDefinition) printer.line(`  Estimated RPO: ${report.rpoSeconds === null ? 'unknown' : `${report.rpoSeconds} s`} (${report.rpoDefinition})`);
    Object.entries(report.results).forEach(([name, value]) => printer.line(`  ${name}: ${value}`));
    if (outcome.status === 'warnings') printer.line(`Warnings (retry with: ${resumeHint}):`);
    report.warnings.forEach((warning) => printer.line(`  ⚠ ${warning}`));
    if (report.nextSteps.length > 0) printer.line('Next steps:');
    report.nextSteps.forEach((step) => printer.line(`  - ${step}`));
    if (report.stateRebinds.length > 0) {
      printer.line('⚠ Terraform state to rebind before any plan or apply of these stacks (after the topology change), in this order:');
      report.stateRebinds.flatMap((rebind) => rebind.commands).forEach((command) => printer.line(`    ${command}`));
    }
    printer.line(`Report: ${paths.markdown} (and report.json)`);
    if (options.json) printer.document(report);
    return exitFor(outcome);
  } finally {
    release();
  }
}
