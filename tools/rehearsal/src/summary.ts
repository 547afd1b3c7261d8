import { MOTO_EXCEPTIONS } from './exceptions';
import type { RehearsalWorkspace } from './rehearsal-workspace';
import type { Scenario } from './scenario';
import type { StepLog } from './step-log';

/** The closing summary of every run, passed or failed: steps with durations, stacks, resources and the exceptions. */
export function printSummary(scenario: Scenario, steps: StepLog, workspace: RehearsalWorkspace, passed: boolean): void {
  console.log(`\n━━ Rehearsal ${passed ? 'PASSED' : 'FAILED'} ━━`);
  console.log(`Steps (${steps.steps.length}, ${steps.steps.reduce((sum, step) => sum + step.seconds, 0).toFixed(0)}s):`);
  for (const step of steps.steps) console.log(`  ${step.outcome === 'ok' ? '✔' : '✖'} ${step.seconds.toFixed(1).padStart(6)}s  ${step.title}${step.detail && step.outcome === 'ok' ? `\n             ${step.detail}` : ''}`);
  console.log(`Stacks applied (${scenario.stacksApplied.length}): ${scenario.stacksApplied.join(', ') || 'none'}`);
  console.log(`Resources created: ${scenario.resourcesCreated}`);
  console.log(`Changes the plan review was told are intended (${scenario.reviewAllows.length}):${scenario.reviewAllows.map((allow) => `\n  --allow ${allow}`).join('') || ' none'}`);
  console.log(`\nExceptions: what moto does not model, and what the rehearsal does instead (${MOTO_EXCEPTIONS.length}):`);
  for (const exception of MOTO_EXCEPTIONS) {
    const uses = [...scenario.operations.applied, ...scenario.gate.patched.map((use) => ({ ...use, stack: 'region gate' }))].filter((used) => used.id === exception.id);
    console.log(`  • ${exception.id}  [${exception.affects}]`);
    console.log(`      moto: ${exception.motoDoes}`);
    console.log(`      rehearsal: ${exception.rehearsalDoes}`);
    console.log(`      applied ${uses.length} time(s)${uses.length ? `: ${[...new Set(uses.map((used) => used.stack))].join(', ')}` : ''}`);
  }
  console.log(`\nLogs: ${workspace.logDir}`);
}
