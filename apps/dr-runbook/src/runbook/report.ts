import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDuration } from '../core/format';
import type { JournalDocument } from './journal';

/**
 * A stack whose Terraform state must follow the instance that took over its standard identifier
 * (the old one was renamed aside or had disappeared), with the commands that do it, in order.
 */
export interface StateRebind {
  readonly region: string;
  readonly stack: string;
  /** The new instance, under the standard identifier. */
  readonly instance: string;
  /** The renamed instance the state still tracks; absent when the old one had disappeared. */
  readonly staleInstance?: string;
  /** Why, in one sentence. */
  readonly reason: string;
  /** Run in this order from the repository root, after the topology change is in place. */
  readonly commands: readonly string[];
}

/** The figures a command reports beyond the timeline. */
export interface RunMeasures {
  readonly headline: string;
  readonly rto?: { readonly ms: number; readonly definition: string };
  readonly rpo?: { readonly seconds: number | null; readonly definition: string };
  /** Other named results, e.g. the restored instance's endpoint. */
  readonly results: Readonly<Record<string, string>>;
  readonly nextSteps: readonly string[];
  readonly stateRebinds?: readonly StateRebind[];
}

export interface RunReport {
  readonly runId: string;
  readonly command: string;
  readonly environment: string;
  readonly target: string;
  readonly status: string;
  readonly startedAt: string;
  readonly finishedAt?: string;
  readonly attempts: number;
  readonly headline: string;
  readonly rtoMs: number | null;
  readonly rtoDefinition?: string;
  readonly rpoSeconds: number | null;
  readonly rpoDefinition?: string;
  readonly results: Readonly<Record<string, string>>;
  readonly timeline: readonly { step: string; title: string; status: string; startedAt?: string; finishedAt?: string; durationMs?: number; summary?: string; error?: string; warnings?: readonly string[] }[];
  readonly warnings: readonly string[];
  readonly nextSteps: readonly string[];
  /** Stacks whose Terraform state must be rebound before their next plan or apply. */
  readonly stateRebinds: readonly StateRebind[];
}

export function buildReport(doc: JournalDocument, measures: RunMeasures): RunReport {
  return {
    runId: doc.runId,
    command: doc.command,
    environment: doc.environment,
    target: doc.target,
    status: doc.status,
    startedAt: doc.startedAt,
    finishedAt: doc.finishedAt,
    attempts: doc.attempts.length,
    headline: measures.headline,
    rtoMs: measures.rto?.ms ?? null,
    rtoDefinition: measures.rto?.definition,
    rpoSeconds: measures.rpo ? measures.rpo.seconds : null,
    rpoDefinition: measures.rpo?.definition,
    results: measures.results,
    timeline: doc.steps.map((step) => ({
      step: step.id,
      title: step.title,
      status: step.status,
      startedAt: step.startedAt,
      finishedAt: step.finishedAt,
      durationMs: step.durationMs,
      summary: step.summary,
      error: step.error,
      warnings: step.warnings,
    })),
    warnings: doc.steps.flatMap((step) => step.warnings ?? []),
    nextSteps: measures.nextSteps,
    stateRebinds: measures.stateRebinds ?? [],
  };
}

function cell(text: string | undefined): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function reportMarkdown(report: RunReport): string {
  const lines = [
    `# ${report.headline}`,
    '',
    `- Run: \`${report.runId}\` (${report.command}, environment ${report.environment}, ${report.attempts} attempt${report.attempts === 1 ? '' : 's'})`,
    `- Result: **${report.status}**`,
    `- Started: ${report.startedAt}${report.finishedAt ? `; finished: ${report.finishedAt}` : ''}`,
  ];
  if (report.rtoMs !== null) lines.push(`- Measured RTO: **${formatDuration(report.rtoMs)}** (${report.rtoDefinition})`);
  if (report.rpoDefinition) lines.push(`- Estimated RPO: **${report.rpoSeconds === null ? 'unknown' : `${report.rpoSeconds} s`}** (${report.rpoDefinition})`);
  Object.entries(report.results).forEach(([name, value]) => lines.push(`- ${name}: ${value}`));
  lines.push('', '## Timeline', '', '| # | Step | Status | Started | Duration | Result |', '|---|------|--------|---------|----------|--------|');
  report.timeline.forEach((step, i) => {
    const result = step.error ? `error: ${step.error}` : step.summary;
    lines.push(`| ${i + 1} | ${cell(step.title)} | ${step.status} | ${step.startedAt ?? ''} | ${step.durationMs === undefined ? '' : formatDuration(step.durationMs)} | ${cell(result)} |`);
  });
  if (report.warnings.length > 0) lines.push('', '## Warnings', '', ...report.warnings.map((warning) => `- ${warning}`));
  if (report.nextSteps.length > 0) lines.push('', '## Next steps', '', ...report.nextSteps.map((step) => `- ${step}`));
  if (report.stateRebinds.length > 0) {
    lines.push('', '## Terraform state to rebind (before any plan or apply of these stacks)', '');
    report.stateRebinds.forEach((rebind) => lines.push(`### ${rebind.stack} (${rebind.region})`, '', rebind.reason, '', '```sh', ...rebind.commands, '```', ''));
    lines.pop();
  }
  return `${lines.join('\n')}\n`;
}

/** Writes report.md and report.json next to the journal; returns their paths. */
export function writeReport(runDir: string, report: RunReport): { markdown: string; json: string } {
  const markdown = join(runDir, 'report.md');
  const json = join(runDir, 'report.json');
  writeFileSync(markdown, reportMarkdown(report));
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  return { markdown, json };
}
