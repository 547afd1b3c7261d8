import { field } from './values';

/**
 * Attribute paths into a plan's before/after values, nested blocks included. A nested block is a
 * list of objects in the plan, so a step names the attribute and how to pick its elements:
 *
 *   deletion_protection                              a top-level attribute
 *   point_in_time_recovery[*].enabled                every element of a nested block
 *   parameter[name=require_secure_transport].value   the elements whose `name` is that value
 *   rule[status=Enabled].expiration[*].days          steps combine
 */

interface Step {
  readonly name: string;
  /** `*` for every element, `[key, value]` for the elements with that value, undefined for no list. */
  readonly select?: '*' | readonly [string, string];
}

export interface Leaf {
  /** The concrete path, with indexes: `rule[0].expiration[0].days`. */
  readonly path: string;
  readonly value: unknown;
  /** Known only after apply (after_unknown marks it or a block around it). */
  readonly unknown: boolean;
}

const STEP = /^([a-z0-9_]+)(?:\[(\*|([a-z0-9_]+)=([^\]]+))\])?$/;

function parseSteps(path: string): Step[] {
  return path.split('.').map((text) => {
    const match = STEP.exec(text);
    if (!match) throw new Error(`bad attribute path step "${text}" in ${path}`);
    const [, name, select, key, value] = match;
    return { name, select: select === undefined ? undefined : select === '*' ? '*' : [key, value] };
  });
}

interface Node {
  readonly path: string;
  readonly value: unknown;
  readonly unknown: unknown;
}

function stepInto(node: Node, step: Step): Node[] {
  const path = node.path ? `${node.path}.${step.name}` : step.name;
  const value = field(node.value, step.name);
  const unknown = node.unknown === true ? true : field(node.unknown, step.name);
  if (!step.select) return [{ path, value, unknown }];
  if (!Array.isArray(value)) return unknown === true ? [{ path, value: undefined, unknown }] : [];
  const { select } = step;
  return value.flatMap((element, i) => {
    if (select !== '*' && String(field(element, select[0])) !== select[1]) return [];
    return [{ path: `${path}[${i}]`, value: element, unknown: unknown === true ? true : Array.isArray(unknown) ? unknown[i] : undefined }];
  });
}

/** The values at `path` in `values`, with after_unknown marks from `unknownMarks` (the after side only). */
export function leavesAt(values: unknown, path: string, unknownMarks?: unknown): Leaf[] {
  let nodes: Node[] = [{ path: '', value: values, unknown: unknownMarks }];
  for (const step of parseSteps(path)) nodes = nodes.flatMap((node) => stepInto(node, step));
  return nodes.map((node) => ({ path: node.path, value: node.value, unknown: node.unknown === true }));
}

/** Throws when a path is malformed, so a bad rule fails its test instead of never matching. */
export function checkPath(path: string): void {
  parseSteps(path);
}
