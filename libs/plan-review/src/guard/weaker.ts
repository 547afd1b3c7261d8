import { removedDenies } from '../plan/policy-document';

/**
 * What "weaker" means for one attribute: the kinds of the weakening table. Each compares the
 * values at the attribute's path before and after the change (a nested block can hold several).
 */
export interface Weaker {
  /** How the README's rule table names it: "turned off", "lowered to 0", ... */
  readonly label: string;
  /** Whether the change from `before` to `after` weakens; `after` holds only known values. */
  readonly weakens: (before: readonly unknown[], after: readonly unknown[]) => boolean;
  /** What changed, for the finding's cause: `true → false`. */
  readonly describe?: (before: readonly unknown[], after: readonly unknown[]) => string;
}

const isTrue = (value: unknown) => value === true || value === 'true';
const isPositive = (value: unknown) => typeof value === 'number' && value > 0;
const isPresent = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/** A protective value on the before side that the after side no longer has. */
function protective(label: string, protects: (value: unknown) => boolean): Weaker {
  return { label, weakens: (before, after) => before.some(protects) && !after.some(protects) };
}

/** An exposing value on the after side that the before side did not have. */
function exposing(label: string, exposes: (value: unknown) => boolean): Weaker {
  return { label, weakens: (before, after) => !before.some(exposes) && after.some(exposes) };
}

export const turnedOff = protective('turned off', isTrue);
export const turnedOn = exposing('turned on', isTrue);
export const loweredToZero = protective('lowered to 0 (or removed)', isPositive);
export const removed = protective('removed', isPresent);
export const added = exposing('added', isPresent);
export const setAboveZero = exposing('set above 0', isPositive);

export function noLonger(...values: readonly string[]): Weaker {
  return protective(`no longer ${values.map((value) => `"${value}"`).join(' or ')}`, (value) => values.includes(String(value)));
}

export function setTo(...values: readonly string[]): Weaker {
  return exposing(`set to ${values.map((value) => `"${value}"`).join(' or ')}`, (value) => values.includes(String(value)));
}

export function matching(label: string, pattern: RegExp): Weaker {
  return exposing(label, (value) => typeof value === 'string' && pattern.test(value));
}

/** A JSON policy document that loses a Deny statement (TLS only, encryption required, ...). */
export const denyRemoved: Weaker = {
  label: 'a Deny statement removed',
  weakens: (before, after) => before.some((policy, i) => removedDenies(policy, after[i]).length > 0),
  describe: (before, after) => `${before.flatMap((policy, i) => removedDenies(policy, after[i])).join(', ')} (Deny) removed`,
};
