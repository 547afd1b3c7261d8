import { z } from 'zod';
import type { JsonValue } from './step';

/**
 * A fact a step records in the run's journal (when it sent a request, what it saw), declared by
 * the step that writes it: its key and the schema of its value. A resumed run checks the journal's
 * facts against the declarations of its steps, and reads and writes them typed.
 */
export interface Fact<T> {
  readonly key: string;
  readonly schema: z.ZodType<T>;
}

/** A fact recorded once per region, under `<prefix><region>` (e.g. stale:us-west-2). */
export interface RegionFact<T> {
  readonly prefix: string;
  readonly schema: z.ZodType<T>;
  of(region: string): Fact<T>;
}

export type FactDeclaration = Fact<unknown> | RegionFact<unknown>;

type Facts = Readonly<Record<string, JsonValue>>;

/** Epoch milliseconds. */
export const epochMs = z.number().int().nonnegative();

export function fact<T>(key: string, schema: z.ZodType<T>): Fact<T> {
  return { key, schema };
}

export function regionFact<T>(prefix: string, schema: z.ZodType<T>): RegionFact<T> {
  return { prefix, schema, of: (region) => fact(`${prefix}${region}`, schema) };
}

function declares(declaration: FactDeclaration, key: string): boolean {
  return 'prefix' in declaration ? key.startsWith(declaration.prefix) && key.length > declaration.prefix.length : declaration.key === key;
}

/** The fact's value, or undefined when it was not recorded (or does not fit its schema). */
export function readFact<T>(facts: Facts, declared: Fact<T>): T | undefined {
  if (facts[declared.key] === undefined) return undefined;
  const parsed = declared.schema.safeParse(facts[declared.key]);
  return parsed.success ? parsed.data : undefined;
}

/** Every region's value of a regional fact, in the order they were recorded. */
export function regionFacts<T>(facts: Facts, declared: RegionFact<T>): [region: string, value: T][] {
  return Object.keys(facts)
    .filter((key) => declares(declared, key))
    .flatMap((key) => {
      const region = key.slice(declared.prefix.length);
      const value = readFact(facts, declared.of(region));
      return value === undefined ? [] : [[region, value] as [string, T]];
    });
}

/** A journal's facts: only those the run's steps declare, each as its declaration says. */
export function factsSchema(declared: readonly FactDeclaration[]): z.ZodType<Record<string, JsonValue>> {
  return z.record(z.string(), z.json()).superRefine((facts, issues) => {
    Object.entries(facts).forEach(([key, value]) => {
      const declaration = declared.find((entry) => declares(entry, key));
      if (!declaration) {
        issues.addIssue({ code: 'custom', path: [key], message: 'not a fact any step of this run records' });
        return;
      }
      const parsed = declaration.schema.safeParse(value);
      if (!parsed.success) issues.addIssue({ code: 'custom', path: [key], message: parsed.error.issues[0]?.message ?? 'not a valid value' });
    });
  }) as z.ZodType<Record<string, JsonValue>>;
}
