import { loadTopology, type Topology } from '@xyz/topology';
import { Testing } from 'cdktf';
import { StateBackendStack } from '../src/state-backend-stack';

export interface SynthesizedBackendStack {
  readonly text: string;
  readonly json: {
    terraform: { backend: Record<string, Record<string, unknown>> };
    provider: { aws: Array<Record<string, unknown>> };
    resource: Record<string, Record<string, Record<string, unknown>>>;
    output?: Record<string, { value: unknown }>;
  };
  /** Resources of a type, by their Terraform name. */
  resources(type: string): Record<string, Record<string, unknown>>;
}

export function productionTopology(): Topology {
  return loadTopology('production');
}

export function synthStateBackend(topology: Topology = productionTopology(), bootstrap = false): SynthesizedBackendStack {
  const text = Testing.synth(new StateBackendStack(Testing.app(), { topology, bootstrap }), true);
  const json = JSON.parse(text) as SynthesizedBackendStack['json'];
  return { text, json, resources: (type) => json.resource[type] ?? {} };
}

/** The resource of a type at a construct path below the stack (`store-use1/bucket`): its name is the path plus a hash. */
export function resourceAt(stack: SynthesizedBackendStack, type: string, path: string): { name: string; config: Record<string, unknown> } {
  const prefix = `${path.replace(/\//g, '_')}_`;
  const found = Object.entries(stack.resources(type)).filter(([name]) => name.startsWith(prefix) && /^[0-9A-F]{8}$/.test(name.slice(prefix.length)));
  if (found.length !== 1) throw new Error(`expected one ${type} at ${path}, found ${found.length}`);
  return { name: found[0][0], config: found[0][1] };
}
