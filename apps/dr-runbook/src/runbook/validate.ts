import type { z } from 'zod';
import { InputError } from '../core/errors';

/** Where a value came from: it decides how the message that refuses it names the value. */
export type ValueOrigin =
  /** Typed on the command line; `options` gives the option that sets each field, e.g. { maxLagSeconds: '--max-lag' }. */
  | { readonly kind: 'cli'; readonly options: Readonly<Record<string, string>> }
  /** Read back from a journal file, under `root` (request, plan). */
  | { readonly kind: 'journal'; readonly file: string; readonly root: string };

/** A journal that cannot be used: the message names the file and, when there is one, the field. */
export class JournalError extends InputError {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`journal ${file}: ${problem}`);
  }
}

type Issue = z.core.$ZodIssue;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function pathText(root: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${String(key)}`), root);
}

function cliLabel(issue: Issue, value: unknown, options: Readonly<Record<string, string>>): string {
  const field = issue.path.length > 0 ? String(issue.path[0]) : '';
  const option = options[field] ?? (field || 'options');
  const typed = valueAt(value, issue.path);
  return typeof typed === 'string' || typeof typed === 'number' ? `${option} ${typed}` : option;
}

/** One line: which value, from where, and what is wrong with it. */
export function describeIssue(issue: Issue, value: unknown, origin: ValueOrigin): string {
  if (origin.kind === 'cli') return `${cliLabel(issue, value, origin.options)}: ${issue.message}`;
  const found = valueAt(value, issue.path);
  const where = pathText(origin.root, issue.path);
  if (issue.code === 'unrecognized_keys') return `${where}: ${issue.message}`;
  return `${found === undefined ? `${where} (missing)` : `${where} = ${shown(found)}`}: ${issue.message}`;
}

/** The value as the schema reads it, or an InputError (exit 2) naming the first problem. */
export function validated<T>(schema: z.ZodType<T>, value: unknown, origin: ValueOrigin): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problem = describeIssue(result.error.issues[0], value, origin);
  if (origin.kind === 'cli') throw new InputError(problem);
  throw new JournalError(origin.file, `${problem} (the journal was edited or is damaged: nothing was done; move its run directory away to start over)`);
}
