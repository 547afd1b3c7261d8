import type { z } from 'zod';

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('').replace(/^\./, '');
}

/** The first problem a schema found, as `<path>: <message>` (`(root)` for the document itself). */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${formatPath(issue.path) || '(root)'}: ${issue.message}`;
}
