import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { primaryRegionOf, resolveTopology } from '@xyz/topology';
import { StepError } from '../../core/errors';
import type { Step } from '../step';
import { STEP } from '../step-ids';
import { z } from 'zod';
import { fact } from '../facts';

export const TOPOLOGY_FACTS = {
  /** true: the change was printed, not written; false: the file was written. */
  pending: fact('topologyPending', z.boolean()),
};

export interface TopologyChange {
  readonly file: string;
  readonly before: string;
  readonly after: string;
  readonly changed: boolean;
  /** `-`/`+` lines of the edit. */
  readonly diff: readonly string[];
}

function renderRegionList(original: string, regions: readonly string[]): string {
  const multiline = /\n(\s*)"/.exec(original);
  if (!multiline) return `[${regions.map((region) => JSON.stringify(region)).join(', ')}]`;
  const indent = multiline[1];
  const closing = /\n(\s*)\]$/.exec(original)?.[1] ?? '';
  return `[\n${regions.map((region) => `${indent}${JSON.stringify(region)}`).join(',\n')}\n${closing}]`;
}

function lineDiff(before: string, after: string): string[] {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  return [...a.slice(start, endA + 1).map((line) => `- ${line}`), ...b.slice(start, endB + 1).map((line) => `+ ${line}`)];
}

/**
 * The one-value change that makes the infrastructure code describe `newPrimary` as the primary:
 * primaryRegion, plus an explicit replicaRegions list if the file has one. Edits the text in place
 * so the rest of the file keeps its formatting, and validates the result before anyone writes it.
 */
export function computeTopologyChange(file: string, newPrimary: string): TopologyChange {
  const before = readFileSync(file, 'utf8');
  const doc = JSON.parse(before) as { primaryRegion?: unknown; replicaRegions?: unknown; regions?: { region?: unknown }[] };
  if (doc.primaryRegion === newPrimary) return { file, before, after: before, changed: false, diff: [] };
  const primaryPattern = /("primaryRegion"\s*:\s*)"[^"]*"/;
  if (!primaryPattern.test(before)) throw new StepError(`${file} has no "primaryRegion" to change`);
  let after = before.replace(primaryPattern, `$1${JSON.stringify(newPrimary)}`);
  if (Array.isArray(doc.replicaRegions)) {
    const replicas = (doc.regions ?? []).map((entry) => String(entry.region)).filter((region) => region !== newPrimary);
    after = after.replace(/("replicaRegions"\s*:\s*)(\[[^\]]*\])/, (_match, key: string, list: string) => `${key}${renderRegionList(list, replicas)}`);
  }
  const resolved = resolveTopology(JSON.parse(after), file);
  if (primaryRegionOf(resolved).region !== newPrimary) throw new StepError(`the edited ${file} does not name ${newPrimary} as primary`);
  return { file, before, after, changed: true, diff: lineDiff(before, after) };
}

export function writeTopologyChange(change: TopologyChange): void {
  const temp = `${change.file}.dr-runbook.tmp`;
  writeFileSync(temp, change.after);
  renameSync(temp, change.file);
}

export function topologyStep(file: string, newPrimary: string, write: boolean, displayFile: string): Step {
  return {
    id: STEP.topology,
    title: write ? `Write primaryRegion = ${newPrimary} to ${displayFile}` : `Print the topology change for ${displayFile}`,
    timeoutMs: 60_000,
    calls: [{ service: 'local', operation: write ? 'write file' : 'print change', input: { file: displayFile, primaryRegion: newPrimary } }],
    facts: Object.values(TOPOLOGY_FACTS),
    ifItFails: `the databases are in their new roles; only the topology file is behind. Set "primaryRegion": "${newPrimary}" in ${displayFile} by hand.`,
    async run(ctx) {
      const change = computeTopologyChange(file, newPrimary);
      if (!change.changed) return { summary: `${displayFile} already names ${newPrimary} as primary` };
      change.diff.forEach((line) => ctx.progress(line));
      if (!write) {
        ctx.memory.setFact(TOPOLOGY_FACTS.pending, true);
        return { summary: `topology change printed above, not written (re-run with --write-topology, or edit ${displayFile})` };
      }
      writeTopologyChange(change);
      ctx.memory.setFact(TOPOLOGY_FACTS.pending, false);
      return { summary: `${displayFile} now names ${newPrimary} as primary; run the stacks' plan: it should update the databases in place, not replace them` };
    },
  };
}
