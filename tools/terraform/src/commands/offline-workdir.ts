import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { offlinePrimaryOutputs } from '@xyz/stacks';
import { loadTopology, regionForStack, type Topology } from '@xyz/topology';
import { UserError } from '@xyz/terraform-toolkit';
import { OFFLINE_STATE_FILE, offlineOverride, type SynthesizedStack } from '../offline/overrides';
import { standInState } from '../offline/standin-state';
import { offlineDir, stackDir } from '../paths';

const KEEP = new Set(['.terraform', '.terraform.lock.hcl']);

function stackNameFromStateKey(topology: Topology, key: string): string {
  const match = new RegExp(`^${topology.environment}/(.+)\\.tfstate$`).exec(key);
  if (!match) throw new UserError(`remote state key "${key}" is not a state key of environment ${topology.environment}`);
  return match[1];
}

/**
 * Copies the synthesized stack into its offline working directory and adds the override file
 * and the remote-state stand-ins. The real stack directory is never touched. The local backend
 * starts empty, or from `priorState` (the text of a state file) when one is given.
 */
export function prepareOfflineWorkdir(stack: string, synthesized: SynthesizedStack, secretsEndpoint: string | undefined, priorState?: string): string {
  const topology = loadTopology();
  const dir = offlineDir(stack);
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(dir)) if (!KEEP.has(entry)) rmSync(join(dir, entry), { recursive: true, force: true });
  for (const entry of readdirSync(stackDir(stack))) {
    if (!entry.startsWith('.terraform') && !entry.startsWith('plan.')) cpSync(join(stackDir(stack), entry), join(dir, entry), { recursive: true });
  }
  const standInStateFiles: Record<string, string> = {};
  for (const remote of Object.values(synthesized.data?.terraform_remote_state ?? {})) {
    const key = remote.config.key;
    if (!key || standInStateFiles[key]) continue;
    const source = regionForStack(topology, stackNameFromStateKey(topology, key));
    const file = join(dir, `stand-in.${source.stackName}.tfstate`);
    writeFileSync(file, standInState(offlinePrimaryOutputs(topology, source)));
    standInStateFiles[key] = file;
  }
  const override = offlineOverride({ stack: synthesized, standInStateFiles, secretsEndpoint });
  writeFileSync(join(dir, 'offline_override.tf.json'), JSON.stringify(override, null, 2));
  if (priorState !== undefined) writeFileSync(join(dir, OFFLINE_STATE_FILE), priorState);
  if (!existsSync(join(dir, 'cdk.tf.json'))) throw new UserError(`could not prepare ${dir}`);
  return dir;
}
