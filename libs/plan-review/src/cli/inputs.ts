import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { loadTopology, type Topology } from '@xyz/topology';
import { PlanReviewError } from '../errors';
import type { StackPlan } from '../guard/guard';
import { notAPlanText } from '../plan/document-kind';
import { parsePlan } from '../plan/parse';

/** Fails unless `file` is a readable regular file (so progress is printed only for real input). */
function requireFile(file: string, what: string): void {
  if (!existsSync(file)) throw new PlanReviewError(`${file}: ${what} not found`);
  if (statSync(file).isDirectory()) throw new PlanReviewError(`${file} is a directory; give the ${what} file itself (cdktf.out/stacks/<stack>/plan.json)`);
}

function readText(file: string, what: string): string {
  requireFile(file, what);
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new PlanReviewError(`${file}: ${what} cannot be read (${(error as Error).message})`);
  }
}

function parseJson(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new PlanReviewError(`${file}: ${what} is not valid JSON (${(error as Error).message})`);
  }
}

export function readJson(file: string, what: string): unknown {
  return parseJson(readText(file, what), file, what);
}

/** A plan file: one JSON document, or a file that says what else it is (the streamed log of terraform plan -json). */
function readPlanJson(file: string): unknown {
  const text = readText(file, 'plan');
  const streamed = notAPlanText(text);
  if (streamed) throw new PlanReviewError(`${file}: ${streamed}`);
  return parseJson(text, file, 'plan');
}

/** cdktf.out/stacks/<stack>/plan.json: the stack is the name of the plan file's directory. */
export function stackNameOf(file: string): string {
  const stack = basename(dirname(resolve(file)));
  if (!stack) throw new PlanReviewError(`${file}: cannot tell its stack, which is the name of the plan file's directory; put it at cdktf.out/stacks/<stack>/plan.json`);
  return stack;
}

/** Checks every plan file and its stack name, reads and validates every plan, then says what it read. */
export function readPlans(files: readonly string[], progress: (line: string) => void): StackPlan[] {
  const seen = new Map<string, string>();
  const stacks = files.map((file) => {
    requireFile(file, 'plan');
    const stack = stackNameOf(file);
    const earlier = seen.get(stack);
    if (earlier) throw new PlanReviewError(`${file}: stack "${stack}" is already given by ${earlier}; each plan must sit in its own cdktf.out/stacks/<stack>/ directory`);
    seen.set(stack, file);
    return stack;
  });
  // Every file must be a plan before anything is printed: a wrong file gives one line, the error.
  const plans = files.map((file, i) => ({ stack: stacks[i], plan: parsePlan(readPlanJson(file), file) }));
  files.forEach((file, i) => progress(`read ${file} (stack ${stacks[i]})`));
  return plans;
}

/** Regions of the stacks, the state bucket and the database's size and version, from the platform topology. */
export function topologyFacts(environment: string | undefined): { stackRegions: Record<string, string>; stateBuckets: string[]; replicaStorageGb: number; replicaEngineVersion: string } {
  const topology: Topology = loadTopology(environment);
  const stackRegions: Record<string, string> = { [topology.stateBackend.stackName]: topology.stateBackend.homeRegion };
  for (const region of topology.regions) stackRegions[region.stackName] = region.region;
  return { stackRegions, stateBuckets: topology.stateBackend.stores.map((store) => store.bucket), replicaStorageGb: topology.database.allocatedStorageGb, replicaEngineVersion: topology.database.engineVersion };
}

/** The "before" cost per stack from an earlier `--json-file` review. */
export function readBaseline(file: string): Record<string, number> {
  const raw = readJson(file, 'baseline review');
  const stacks = (raw as { stacks?: unknown }).stacks;
  if (!Array.isArray(stacks)) throw new PlanReviewError(`${file}: not a plan-review JSON file (no "stacks" list); write one with --json-file`);
  const baseline: Record<string, number> = {};
  for (const entry of stacks) {
    const stack = (entry as { stack?: unknown }).stack;
    const after = (entry as { cost?: { afterUsd?: unknown } }).cost?.afterUsd;
    if (typeof stack !== 'string' || typeof after !== 'number') throw new PlanReviewError(`${file}: each stack needs "stack" and "cost.afterUsd"`);
    baseline[stack] = after;
  }
  return baseline;
}
