import { ALLOW_FILE } from '../guard/allow-file';
import type { GuardAction, GuardFinding, GuardResult } from '../guard/guard';
import { cell, code, plural, table } from './format';

const ACTION_NOUNS: Readonly<Record<GuardAction, readonly [string, string]>> = {
  replace: ['replacement', 'replacements'],
  delete: ['deletion', 'deletions'],
  forget: ['forget', 'forgets'],
  rename: ['rename', 'renames'],
  weaken: ['weakening', 'weakenings'],
  open: ['opening', 'openings'],
};

/** "1 replacement, 2 weakenings and 1 opening". */
export function countByAction(findings: readonly GuardFinding[]): string {
  const parts = (Object.keys(ACTION_NOUNS) as GuardAction[])
    .map((action) => [action, findings.filter((finding) => finding.action === action).length] as const)
    .filter(([, count]) => count > 0)
    .map(([action, count]) => plural(count, ...ACTION_NOUNS[action]));
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? 'nothing');
}

/** Never folded: every finding is named with its stack, address and reason where the reviewer looks first. */
export function guardSection(guard: GuardResult): string {
  if (guard.findings.length === 0 && guard.unusedAllows.length === 0) return '';
  const rows = guard.findings.map((finding) => [
    finding.allowedBy ? '✅ allowed' : '⛔ **blocked**',
    code(finding.key),
    finding.action,
    cell(finding.reason),
    cell(finding.allowedBy ? `${finding.cause}; allowed: “${finding.allowedBy.reason}”` : finding.cause),
  ]);
  const parts = ['### Guard: data at risk, protection weakened, platform opened'];
  if (rows.length > 0) parts.push(table(['', 'Resource', 'Action', 'Why it matters', 'Cause'], ['l', 'l', 'l', 'l', 'l'], rows));
  if (guard.blocked.length > 0) {
    parts.push(
      `If a change above is intended, add its exact address, its action and a reason to ${code(ALLOW_FILE)} in this pull request (see the plan-review README); ` +
        'otherwise change the code so that it keeps the resource, its name and its protection as they are.',
    );
  }
  if (guard.unusedAllows.length > 0) {
    const unused = guard.unusedAllows.map((entry) => `${code(entry.address)} ${entry.action} (“${entry.reason}”)`);
    parts.push(`Allow entries that match nothing in these plans (remove them, or fix the address or the action):\n${unused.map((entry) => `- ${entry}`).join('\n')}`);
  }
  return parts.join('\n\n');
}
