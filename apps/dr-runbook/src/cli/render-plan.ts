import { formatDuration } from '../core/format';
import type { CheckResult } from '../runbook/command';
import type { Journal } from '../runbook/journal';
import type { PlannedCall, Step } from '../runbook/step';

export function renderChecks(checks: readonly CheckResult[], notes: readonly string[]): string[] {
  const lines = ['Pre-checks (read-only):', ...checks.map((check) => `  ${check.ok ? '✔' : '✖'} ${check.text}`)];
  if (notes.length > 0) lines.push('Notes:', ...notes.map((note) => `  ! ${note}`));
  return lines;
}

function renderCall(call: PlannedCall): string {
  const where = call.region ? ` ${call.region}` : '';
  const when = call.when ? `  (${call.when})` : '';
  return `${call.service}:${call.operation}${where} ${JSON.stringify(call.input)}${when}`;
}

/** The ordered steps and every call they would make: the heart of the dry run. */
export function renderSteps(steps: readonly Step[], journal?: Journal): string[] {
  const lines: string[] = [];
  steps.forEach((step, i) => {
    const status = journal?.step(step.id).status;
    const mark = status === 'done' ? ' [done in an earlier attempt: skipped]' : status && status !== 'pending' ? ` [${status} in an earlier attempt: runs again, checking AWS first]` : '';
    lines.push(`  ${i + 1}. ${step.title} (timeout ${formatDuration(step.timeoutMs)})${mark}`);
    step.calls.forEach((call) => lines.push(`       ${renderCall(call)}`));
    if (step.waitsFor) lines.push(`       then waits for: ${step.waitsFor}`);
  });
  return lines;
}

export function planDocument(steps: readonly Step[]) {
  return steps.map((step) => ({ id: step.id, title: step.title, timeoutMs: step.timeoutMs, calls: step.calls, waitsFor: step.waitsFor }));
}
