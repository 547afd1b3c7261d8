import { parseReference } from './references';
import type { StackIndex } from './terraform-json';
import { blocks, show, stringList } from './values';

/**
 * IAM policy documents as the stack writes them: a JSON string (cdktf's JSON.stringify, references
 * as `${...}` inside it) or a reference to an aws_iam_policy_document data source of the stack. Each
 * statement is read into one shape, so the rules judge both forms alike.
 */
export interface PolicyStatement {
  /** `statement <Sid>` or `statement <n>`, for messages. */
  readonly name: string;
  readonly effect: string;
  /** Principal "*" or {"AWS": "*"}, or a NotPrincipal (everyone but those named). */
  readonly everyone: boolean;
  readonly actions: readonly string[];
  readonly notActions: boolean;
  readonly resources: readonly string[];
  readonly notResources: boolean;
  readonly hasCondition: boolean;
}

export type PolicyReading = { readonly statements: readonly PolicyStatement[] } | { readonly problem: string };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** `"*"`, `{"AWS": "*"}` or a list with `"*"` in it: every principal, in any account. */
export function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  return isObject(principal) && stringList(principal['AWS']).includes('*');
}

function nameOf(sid: unknown, index: number): string {
  return typeof sid === 'string' && sid !== '' ? `statement ${sid}` : `statement ${index + 1}`;
}

/** The raw statements of a literal JSON policy, or undefined when the value is not one. */
export function literalStatements(policy: unknown): Json[] | undefined {
  if (typeof policy !== 'string') return undefined;
  try {
    const document = JSON.parse(policy) as { Statement?: unknown };
    return blocks(document.Statement);
  } catch {
    return undefined;
  }
}

function fromJson(statement: Json, index: number): PolicyStatement {
  return {
    name: nameOf(statement['Sid'], index),
    effect: String(statement['Effect'] ?? ''),
    everyone: isEveryone(statement['Principal']) || statement['NotPrincipal'] !== undefined,
    actions: stringList(statement['Action']),
    notActions: statement['NotAction'] !== undefined,
    resources: stringList(statement['Resource']),
    notResources: statement['NotResource'] !== undefined,
    hasCondition: isObject(statement['Condition']) && Object.keys(statement['Condition']).length > 0,
  };
}

/** A `statement` block of aws_iam_policy_document (effect defaults to Allow). */
function fromDocumentBlock(statement: Json, index: number): PolicyStatement {
  const principals = blocks(statement['principals']);
  const everyone = principals.some((principal) => (principal['type'] === '*' || principal['type'] === 'AWS') && stringList(principal['identifiers']).includes('*'));
  return {
    name: nameOf(statement['sid'], index),
    effect: String(statement['effect'] ?? 'Allow'),
    everyone: everyone || blocks(statement['not_principals']).length > 0,
    actions: stringList(statement['actions']),
    notActions: stringList(statement['not_actions']).length > 0,
    resources: stringList(statement['resources']),
    notResources: stringList(statement['not_resources']).length > 0,
    hasCondition: blocks(statement['condition']).length > 0,
  };
}

/** The statements of the policy in `argument`, or why they cannot be read at synth. */
export function readPolicy(argument: string, value: unknown, stack: StackIndex): PolicyReading {
  const literal = literalStatements(value);
  if (literal) return { statements: literal.map(fromJson) };
  const reference = parseReference(value);
  if (reference?.mode === 'data' && reference.type === 'aws_iam_policy_document' && reference.attribute === 'json') {
    const document = stack.dataSource(reference.type, reference.name);
    if (document) return { statements: blocks(document.config['statement']).map(fromDocumentBlock) };
  }
  return { problem: `${argument} is ${show(value)}, neither literal JSON nor an aws_iam_policy_document of this stack, so it cannot be checked at synth; write it as JSON` };
}
