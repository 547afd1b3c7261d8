import { PLAN_FIELDS } from '@xyz/terraform-schema';

/**
 * What a JSON document that is not a plan is, in the words of the command that wrote it, so that a
 * CI step handing over the wrong file is told which file it handed over. Undefined when the
 * document has every field of a plan (its details are checked by the plan schema).
 */

const PLAN_COMMAND = 'terraform show -json <planfile>';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function has(document: Json, ...keys: string[]): boolean {
  return keys.every((key) => key in document);
}

/** Documents Terraform (or this tool) writes that people mistake for a plan, most specific first. */
const KNOWN_DOCUMENTS: readonly { readonly is: (document: Json) => boolean; readonly what: (document: Json) => string }[] = [
  {
    is: (document) => has(document, 'valid', 'diagnostics'),
    what: (document) => `the output of terraform validate -json (valid: ${String(document['valid'])}, ${String(document['error_count'] ?? '?')} errors)`,
  },
  { is: (document) => has(document, 'provider_schemas'), what: () => 'the output of terraform providers schema -json' },
  { is: (document) => has(document, 'values') && !has(document, 'planned_values'), what: () => 'a state as terraform show -json prints it without a plan file' },
  { is: (document) => has(document, 'lineage', 'serial', 'resources'), what: (document) => `a Terraform state file (terraform.tfstate, format version ${String(document['version'])})` },
  { is: (document) => has(document, '@level', '@message'), what: () => 'one message of terraform plan -json (the streamed log)' },
  { is: (document) => has(document, 'stacks', 'guard'), what: () => 'a plan-review JSON review (--json-file)' },
];

/** Why `raw` is not a plan document, or undefined when it has the fields a plan has. */
export function notAPlan(raw: unknown): string | undefined {
  if (Array.isArray(raw)) return `this is a JSON array (of ${raw.length} items), not a plan; ${PLAN_COMMAND} writes one JSON object`;
  if (!isObject(raw)) return `this is a JSON ${raw === null ? 'null' : typeof raw}, not a plan; ${PLAN_COMMAND} writes one JSON object`;
  const known = KNOWN_DOCUMENTS.find((document) => document.is(raw));
  if (known) return `this is ${known.what(raw)}, not a plan; produce the plan with ${PLAN_COMMAND}`;
  const missing = PLAN_FIELDS.filter((key) => !(key in raw));
  if (missing.length === 0) return undefined;
  return `this is not a plan: it lacks ${missing.join(', ')}, which every plan from ${PLAN_COMMAND} has`;
}

/** Why a file that may not be one JSON document is not a plan, when its start says what it is. */
export function notAPlanText(text: string): string | undefined {
  // Every line of Terraform's machine-readable log is a JSON message that starts with its level.
  if (!text.startsWith('{"@level"')) return undefined;
  return `this is the streamed log of terraform plan -json (one JSON message per line), not a plan; produce the plan with ${PLAN_COMMAND}`;
}
