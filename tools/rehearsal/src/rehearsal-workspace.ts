import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@xyz/terraform-toolkit';
import { DEFAULT_ENVIRONMENT, ENVIRONMENT_VARIABLE, loadTopology, TOPOLOGY_DIR_VARIABLE, topologyFile, type Topology } from '@xyz/topology';
import { EMULATOR_CREDENTIALS } from './emulator-clients';

/**
 * The rehearsal's own folder (cdktf.out/rehearsal): its synthesized stacks, a copy of the
 * topology that its failovers may edit, the runbook's journals and the logs. Nothing outside it
 * is written, so the real cdktf.out and the committed topology stay as they are.
 */
export class RehearsalWorkspace {
  readonly root = workspaceRoot();
  readonly dir = join(this.root, 'cdktf.out', 'rehearsal');
  readonly outdir = this.dir;
  readonly topologyDir = join(this.dir, 'environments');
  readonly journalDir = join(this.dir, 'dr-runbook');
  readonly logDir = join(this.dir, 'logs');
  readonly environment = process.env[ENVIRONMENT_VARIABLE] || DEFAULT_ENVIRONMENT;

  /** Starts from a clean folder and a fresh copy of the committed topology. */
  reset(): void {
    rmSync(this.dir, { recursive: true, force: true });
    for (const dir of [this.topologyDir, this.journalDir, this.logDir]) mkdirSync(dir, { recursive: true });
    copyFileSync(topologyFile(this.environment), this.topologyFile);
  }

  get topologyFile(): string {
    return join(this.topologyDir, `${this.environment}.json`);
  }

  topology(): Topology {
    return loadTopology(this.environment, this.topologyDir);
  }

  stackDir(stack: string): string {
    return join(this.outdir, 'stacks', stack);
  }

  /** The environment of every tool the rehearsal runs: the emulator, the copied topology, no real AWS configuration. */
  env(endpoint: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      CDKTF_OUTDIR: this.outdir,
      [TOPOLOGY_DIR_VARIABLE]: this.topologyDir,
      [ENVIRONMENT_VARIABLE]: this.environment,
      AWS_ENDPOINT_URL: endpoint,
      AWS_ACCESS_KEY_ID: EMULATOR_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: EMULATOR_CREDENTIALS.secretAccessKey,
      AWS_CONFIG_FILE: join(this.dir, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(this.dir, 'no-aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      CHECKPOINT_DISABLE: '1',
      NX_DAEMON: 'false',
      ...extra,
    };
    for (const name of ['AWS_PROFILE', 'AWS_SESSION_TOKEN', 'AWS_REGION', 'AWS_DEFAULT_REGION', 'AWS_ROLE_ARN', 'AWS_WEB_IDENTITY_TOKEN_FILE']) delete env[name];
    return env;
  }
}
