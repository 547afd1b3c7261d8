import { z } from 'zod';
import { PlanReviewError } from '../errors';

/** What the guard stops, and what an allow entry names: one of these per entry. */
export const GUARD_ACTIONS = ['replace', 'delete', 'forget', 'rename', 'weaken', 'open'] as const;
export type GuardAction = (typeof GUARD_ACTIONS)[number];

/** `<stack>:<address>`, for example `replica-west:aws_db_instance.replica`. */
const ADDRESS = /^[a-z0-9][a-z0-9-]*:[A-Za-z0-9_.\-[\]"]+$/;

const ACTION_HELP = `name the action this entry allows: one of ${GUARD_ACTIONS.map((action) => `"${action}"`).join(', ')}`;

const allowEntrySchema = z.object({
  address: z.string().regex(ADDRESS, 'must be "<stack>:<resource address>", e.g. "replica-west:aws_db_instance.replica"'),
  reason: z.string().trim().min(10, 'say why this change is intended (at least 10 characters)'),
  action: z.enum(GUARD_ACTIONS, { error: (issue) => (issue.input === undefined ? `is missing; ${ACTION_HELP}` : `${JSON.stringify(issue.input)} is not an action; ${ACTION_HELP}`) }),
});

export const allowFileSchema = z.object({
  $comment: z.string().optional(),
  allow: z.array(allowEntrySchema),
});

export type AllowEntry = z.infer<typeof allowEntrySchema>;

/** Reads the allow file's JSON (`.plan-review/allow.json`); `source` names it in errors. */
export function parseAllowFile(raw: unknown, source: string): AllowEntry[] {
  const parsed = allowFileSchema.strict().safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.map(String).join('.') || '(root)';
    throw new PlanReviewError(`${source}: ${where}: ${issue.message}`);
  }
  const seen = new Set<string>();
  for (const entry of parsed.data.allow) {
    const key = `${entry.action} ${entry.address}`;
    if (seen.has(key)) throw new PlanReviewError(`${source}: ${entry.address} is listed twice for ${entry.action}`);
    seen.add(key);
  }
  return parsed.data.allow;
}

const OPTION_FORMAT = '<action>:<stack>:<address>=<reason>';

/** An allow entry given on the command line: `--allow replace:replica-west:aws_db_instance.replica=reason`. */
export function parseAllowOption(value: string): AllowEntry {
  const [target, ...reason] = value.split('=');
  const colon = target.indexOf(':');
  const action = target.slice(0, colon);
  if (colon < 0 || !(GUARD_ACTIONS as readonly string[]).includes(action)) {
    throw new PlanReviewError(`--allow ${value}: write it as ${OPTION_FORMAT}; ${ACTION_HELP}`);
  }
  return parseAllowFile({ allow: [{ address: target.slice(colon + 1), reason: reason.join('='), action }] }, `--allow ${value}`)[0];
}

/** The entry that allows `action` on `key` (`<stack>:<address>`), if any. */
export function allowing(entries: readonly AllowEntry[], key: string, action: GuardAction): AllowEntry | undefined {
  return entries.find((entry) => entry.address === key && entry.action === action);
}
