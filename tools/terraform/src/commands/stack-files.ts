import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadTopology } from '@xyz/topology';
import { readTerraformJson, type TerraformJson, UserError } from '@xyz/terraform-toolkit';
import { stackDir } from '../paths';

/** The stacks of the selected environment: the state backend, then one per region of the topology. */
export function knownStacks(): string[] {
  const topology = loadTopology();
  return [topology.stateBackend.stackName, ...topology.regions.map((region) => region.stackName)];
}

/** Reads a synthesized stack, or explains how to produce it. */
export function readSynthesizedStack(stack: string): TerraformJson {
  const file = join(stackDir(stack), 'cdk.tf.json');
  if (!existsSync(file)) {
    throw new UserError(`${file} does not exist. Synthesize it first: npx nx run ${stack}:synth`, 2);
  }
  return readTerraformJson(file);
}

/** A local backend (the bootstrap stack) keeps its state outside cdktf.out; make sure its folder exists. */
export function ensureLocalStateFolder(stack: string, synthesized: TerraformJson): void {
  const path = synthesized.terraform?.backend?.['local']?.['path'];
  if (typeof path === 'string' && path) mkdirSync(dirname(resolve(stackDir(stack), path)), { recursive: true });
}
