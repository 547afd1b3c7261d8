import { loadTopology, regionForStack, resolveTopology, type Topology, topologyFile } from '@xyz/topology';
import { Testing } from 'cdktf';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessorBundle } from '@xyz/stream';
import { RegionStack } from '../src/region-stack';

export interface SynthesizedJson {
  terraform: { backend: Record<string, Record<string, unknown>> };
  provider: { aws: Array<Record<string, unknown>> };
  resource: Record<string, Record<string, Record<string, unknown>>>;
  data?: Record<string, Record<string, Record<string, unknown>>>;
  output?: Record<string, { value: unknown }>;
  ephemeral?: Record<string, Record<string, Record<string, unknown>>>;
}

export interface SynthesizedStack {
  readonly text: string;
  readonly json: SynthesizedJson;
  /** The one resource of a type (fails the test if there are several). */
  single(type: string): Record<string, unknown>;
  all(type: string): Array<Record<string, unknown>>;
  addressOf(type: string): string;
}

export function wrap(text: string): SynthesizedStack {
  const json = JSON.parse(text) as SynthesizedJson;
  const all = (type: string) => Object.values(json.resource[type] ?? {});
  return {
    text,
    json,
    all,
    single(type) {
      const found = all(type);
      if (found.length !== 1) throw new Error(`expected exactly one ${type}, found ${found.length}`);
      return found[0];
    },
    addressOf(type) {
      const names = Object.keys(json.resource[type] ?? {});
      if (names.length !== 1) throw new Error(`expected exactly one ${type}, found ${names.length}`);
      return `${type}.${names[0]}`;
    },
  };
}

export function productionTopology(): Topology {
  return loadTopology('production');
}

/** The production topology with another primary region: what the DR runbook writes after a failover. */
export function topologyAfterFailoverTo(region: string): Topology {
  const doc = JSON.parse(readFileSync(topologyFile('production'), 'utf8'));
  return resolveTopology({ ...doc, primaryRegion: region });
}

/** A stand-in Lambda package: the stacks only copy it as an asset and pass its hash along. */
export function testProcessorBundle(): ProcessorBundle {
  const zipPath = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'processor.zip');
  writeFileSync(zipPath, 'stand-in for the processor zip');
  return { zipPath, sha256Base64: 'n4bQgYhMfWWaL+qgxVrQFaO/TxsrC4Is0V1sFbDwCgg=' };
}

export function synthRegion(stackName: string, topology: Topology = productionTopology()): SynthesizedStack {
  const stack = new RegionStack(Testing.app(), { topology, region: regionForStack(topology, stackName), processorBundle: testProcessorBundle() });
  return wrap(Testing.synth(stack, true));
}
