import type { Topology } from '@xyz/topology';

/** One command-line option of a command. */
export interface OptionDeclaration {
  /** As commander takes them, e.g. '--to <region>'; the value is read by its camel-cased long name (maxLag). */
  readonly flags: string;
  readonly description: string;
  /** The request field the option sets: refusals name the option, and --resume compares what was typed. */
  readonly field?: string;
  readonly parse?: (value: string) => unknown;
  readonly defaultValue?: unknown;
  /** The long name of an option it cannot be given with, e.g. 'latest'. */
  readonly conflicts?: string;
}

/**
 * What the command line, its help, and the DR workflow (its choice list and wrapper script) know of
 * a command: declared once, in the command's own module, and collected in commands/registry.ts.
 */
export interface CommandDeclaration {
  /** How it is typed, e.g. 'failover' or 'drill az-failover'; also the DR workflow's choice. */
  readonly usage: string;
  /** One line in the command list. */
  readonly summary: string;
  /** Its paragraph in the program's guide: how it is called, and when to use it. */
  readonly guide: { readonly synopsis: string; readonly when: string };
  /** Shown after the options by `<command> --help`. */
  readonly details?: string;
  readonly options: readonly OptionDeclaration[];
}

/** Option values as the command line parsed them, by camel-cased long name ('--max-lag' gives maxLag). */
export type OptionValues = Readonly<Record<string, unknown>>;

/** What a request is built from besides the options. */
export interface RequestDefaults {
  readonly topology: Topology;
  /** Epoch ms. */
  readonly now: number;
}

/** The long flag of an option, e.g. '--max-lag' of '--max-lag <seconds>'. */
export function longFlag(option: OptionDeclaration): string {
  return option.flags.split(/[ ,]+/).find((part) => part.startsWith('--')) ?? option.flags;
}

/** Request field -> the option that sets it, e.g. { maxLagSeconds: '--max-lag' }. */
export function requestFlags(options: readonly OptionDeclaration[]): Readonly<Record<string, string>> {
  return Object.fromEntries(options.filter((option) => option.field !== undefined).map((option) => [option.field, longFlag(option)]));
}
