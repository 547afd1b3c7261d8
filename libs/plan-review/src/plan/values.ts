/** Typed reads of attribute values in a plan's before/after objects, which are untyped JSON. */

export function field(value: unknown, key: string): unknown {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>)[key] : undefined;
}

export function text(value: unknown, key: string): string | undefined {
  const found = field(value, key);
  return typeof found === 'string' && found !== '' ? found : undefined;
}

export function num(value: unknown, key: string): number | undefined {
  const found = field(value, key);
  return typeof found === 'number' && Number.isFinite(found) ? found : undefined;
}

export function bool(value: unknown, key: string): boolean | undefined {
  const found = field(value, key);
  return typeof found === 'boolean' ? found : undefined;
}

/** The first element of a nested block list (`point_in_time_recovery[0]`). */
export function block(value: unknown, key: string): unknown {
  const found = field(value, key);
  return Array.isArray(found) ? found[0] : undefined;
}
