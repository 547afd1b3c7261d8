import { z } from 'zod';
import { PlanReviewError } from '../errors';

/** `<stack>:<address>`, for example `replica-west:aws_db_instance.replica`. */
const ADDRESS = /^[a-z0-9][a-z0-9-]*:[A-Za-z0-9_.\-[\]"]+$/;

const allowEntrySchema = z.object({
  address: z.string().regex(ADDRESS, 'must be "<stack>:<resource address>", e.g. "replica-west:aws_db_instance.replica"'),
  reason: z.string().trim().min(10, 'say why this replacement, deletion or rename is intended (at least 10 characters)'),
  action: z.enum(['replace', 'delete', 'rename']).optional(),
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
    if (seen.has(entry.address)) throw new PlanReviewError(`${source}: ${entry.address} is listed twice`);
    seen.add(entry.address);
  }
  return parsed.data.allow;
}

/** An allow entry given on the command line (`--allow stack:address=reason`). */
export function parseAllowOption(value: string): AllowEntry {
  const [address, ...rest] = value.split('=');
  return parseAllowFile({ allow: [{ address, reason: rest.join('=') }] }, `--allow ${value}`)[0];
}
