import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { remoteStatesOf, type TerraformJson } from '@xyz/terraform-schema';
import { UserError } from '../errors';
import { OFFLINE_OVERRIDE_FILE, OFFLINE_STATE_FILE, offlineOverride } from './override';
import { standInState } from './stand-in-state';

/** What a remote state's local stand-in holds: the outputs of the stack that writes that state. */
export interface RemoteStateStandIn {
  readonly stack: string;
  readonly outputs: Readonly<Record<string, string>>;
}

export interface OfflineWorkdirInput {
  /** The synthesized stack (cdk.tf.json and its assets): only read. */
  readonly stackDir: string;
  /** The offline working directory: emptied but for terraform's plugins and lock file, then filled. */
  readonly workdir: string;
  readonly synthesized: TerraformJson;
  /** The stand-in of the remote state at a state key (`production/primary-east.tfstate`). */
  readonly remoteState: (key: string) => RemoteStateStandIn;
  /** Loopback endpoint of the Secrets Manager stand-in, when the stack generates a password. */
  readonly secretsEndpoint?: string;
  /** The text of a state file the local backend starts from; empty when not given. */
  readonly priorState?: string;
}

const KEEP = new Set(['.terraform', '.terraform.lock.hcl']);

/**
 * Copies a synthesized stack into its offline working directory and adds the override file and
 * the remote-state stand-ins, so that it plans with no cloud account. The stack's own directory is
 * never written to, so offline settings cannot leak into a real plan or apply.
 */
export function prepareOfflineWorkdir(input: OfflineWorkdirInput): string {
  const { stackDir, workdir } = input;
  // Before the workdir is emptied: a stack that was never synthesized leaves the last one in place.
  if (!existsSync(join(stackDir, 'cdk.tf.json'))) throw new UserError(`could not prepare ${workdir}: ${stackDir} has no cdk.tf.json`);
  mkdirSync(workdir, { recursive: true });
  for (const entry of readdirSync(workdir)) if (!KEEP.has(entry)) rmSync(join(workdir, entry), { recursive: true, force: true });
  for (const entry of readdirSync(stackDir)) {
    if (!entry.startsWith('.terraform') && !entry.startsWith('plan.')) cpSync(join(stackDir, entry), join(workdir, entry), { recursive: true });
  }
  const standInStateFiles: Record<string, string> = {};
  for (const { key } of remoteStatesOf(input.synthesized)) {
    if (!key || standInStateFiles[key]) continue;
    const source = input.remoteState(key);
    const file = join(workdir, `stand-in.${source.stack}.tfstate`);
    writeFileSync(file, standInState(source.outputs));
    standInStateFiles[key] = file;
  }
  const override = offlineOverride({ stack: input.synthesized, standInStateFiles, secretsEndpoint: input.secretsEndpoint });
  writeFileSync(join(workdir, OFFLINE_OVERRIDE_FILE), JSON.stringify(override, null, 2));
  if (input.priorState !== undefined) writeFileSync(join(workdir, OFFLINE_STATE_FILE), input.priorState);
  return workdir;
}
