import type { Resource } from './terraform-json';

/** A reference to an attribute of a resource or data source of the same stack, as cdktf writes it. */
export interface Reference {
  /** `data` for a data source, `resource` otherwise. */
  readonly mode: 'resource' | 'data';
  readonly type: string;
  readonly name: string;
  readonly attribute: string;
  /** `<type>.<name>` for a resource, `data.<type>.<name>` for a data source. */
  readonly address: string;
}

// Resource types are <provider>_<name>, so var., local., module., each. and count. never match.
const SINGLE_REFERENCE = /^\$\{(data\.)?([a-z][a-z0-9]*_[a-z0-9_]+)\.([A-Za-z_][A-Za-z0-9_-]*)\.([a-z_][a-z0-9_]*)\}$/;

/**
 * Parses a value that is exactly one reference, `${aws_kms_key.key.arn}` or
 * `${data.aws_kms_key.key.arn}`. Anything else (a literal, an expression, a reference inside a
 * longer string, a variable or a local) is not a reference the rules can follow.
 */
export function parseReference(value: unknown): Reference | undefined {
  if (typeof value !== 'string') return undefined;
  const match = SINGLE_REFERENCE.exec(value);
  if (!match) return undefined;
  const [, dataPrefix, type, name, attribute] = match;
  const mode = dataPrefix ? 'data' : 'resource';
  return { mode, type, name, attribute, address: mode === 'data' ? `data.${type}.${name}` : `${type}.${name}` };
}

/** The reference, when the value is a reference to one of the given attributes of a resource of that type. */
export function referencesResource(value: unknown, type: string, attributes: readonly string[]): Reference | undefined {
  const reference = parseReference(value);
  return reference && reference.mode === 'resource' && reference.type === type && attributes.includes(reference.attribute) ? reference : undefined;
}

/**
 * True when the value names the target resource: by a reference to one of the attributes, or by the
 * literal value of the target's `literalAttribute` (a bucket named by its name, for example).
 */
export function pointsTo(value: unknown, target: Resource, attributes: readonly string[], literalAttribute?: string): boolean {
  const reference = referencesResource(value, target.type, attributes);
  if (reference) return reference.name === target.name;
  if (literalAttribute === undefined) return false;
  const literal = target.config[literalAttribute];
  return typeof literal === 'string' && parseReference(literal) === undefined && value === literal;
}
