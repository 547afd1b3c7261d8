import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { loadTopology, regionForStack, type CacheSettings } from '@xyz/topology';
import { Testing } from 'cdktf';
import type { Construct } from 'constructs';
import { RegionalCache, type RegionalCacheProps } from '../src';

export const topology = loadTopology('production');
export const westRegion = regionForStack(topology, 'replica-west');

export type SynthResources = Record<string, Record<string, Record<string, unknown>>>;

/** Props as the stacks pass them, with literal ids standing in for the network's outputs. */
export function cacheProps(scope: Construct, overrides: Partial<RegionalCacheProps> = {}): RegionalCacheProps {
  return {
    region: westRegion,
    settings: topology.cache,
    vpcId: 'vpc-0a1b2c3d',
    subnetIds: ['subnet-0aaa', 'subnet-0bbb', 'subnet-0ccc'],
    clientSecurityGroupIds: ['sg-0app'],
    kmsKey: new KmsKey(scope, 'key', { description: 'test key' }),
    ...overrides,
  };
}

export function settingsWith(changes: Partial<CacheSettings>): CacheSettings {
  return { ...topology.cache, ...changes };
}

/** Synthesizes one RegionalCache and returns the synth string and its resources by type. */
export function synthCache(overrides: (scope: Construct) => Partial<RegionalCacheProps> = () => ({})) {
  let cache: RegionalCache | undefined;
  const synth = Testing.synthScope((scope) => {
    cache = new RegionalCache(scope, 'cache', cacheProps(scope, overrides(scope)));
  });
  const resources = (JSON.parse(synth) as { resource: SynthResources }).resource;
  return { synth, resources, cache: cache as RegionalCache };
}

/** The only resource of a type; fails the test when there is not exactly one. */
export function single(resources: SynthResources, type: string): Record<string, unknown> {
  const all = Object.values(resources[type] ?? {});
  if (all.length !== 1) throw new Error(`expected one ${type}, found ${all.length}`);
  return all[0];
}

export function logicalIdOf(resources: SynthResources, type: string, predicate: (r: Record<string, unknown>) => boolean): string {
  const found = Object.entries(resources[type] ?? {}).find(([, r]) => predicate(r));
  if (!found) throw new Error(`no ${type} matches`);
  return found[0];
}
