/**
 * Reading attribute values the way Terraform does: booleans may arrive as the strings "true" and
 * "false", and a nested block is an object or a list of objects depending on how it was written.
 */

export function isTrue(value: unknown): boolean {
  return value === true || value === 'true';
}

export function isFalse(value: unknown): boolean {
  return value === false || value === 'false';
}

export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** A number, or a string holding one (Terraform converts it); undefined for anything else. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

type Block = Record<string, unknown>;

/** The instances of a nested block: `{...}` or `[{...}, ...]`; none when it is absent or not an object. */
export function blocks(value: unknown): Block[] {
  const list = Array.isArray(value) ? value : [value];
  return list.filter((item): item is Block => item !== null && typeof item === 'object' && !Array.isArray(item));
}

/** The first instance of a single nested block (for example point_in_time_recovery). */
export function block(value: unknown): Block | undefined {
  return blocks(value)[0];
}

export function stringList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** A value as it should appear in a message: JSON for strings, so "" and "false" stay visible. */
export function show(value: unknown): string {
  return value === undefined ? 'not set' : JSON.stringify(value);
}
