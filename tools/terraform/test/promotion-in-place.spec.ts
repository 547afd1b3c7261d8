import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STATEFUL_TYPES } from '@xyz/plan-review';
import { dbInstanceArn, RegionStack } from '@xyz/stacks';
import { primaryRegionOf, regionForStack, resolveTopology, type Topology, topologyFile } from '@xyz/topology';
import { App } from 'cdktf';
import { appliedState, awsResourceSchemas, OFFLINE_STATE_FILE, planSchema, type TerraformState } from '@xyz/terraform-toolkit';
import { describeWithTerraform, terraform } from '@xyz/terraform-toolkit/testing';

/**
 * The README's failover step changes one topology value (primaryRegion). This proves, with the
 * real AWS provider and no cloud account, that Terraform then updates the promoted replica in
 * place: replica-west is planned offline as it is today, that plan is turned into the state it
 * leaves once applied, and the code after the topology change is planned against that state.
 */
const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const STACK = 'replica-west';
const PROTECTED_TYPES_IN_STACK = ['aws_db_instance', 'aws_db_parameter_group', 'aws_kms_key', 'aws_elasticache_replication_group'];
const OTHER_KEY_ARN = 'arn:aws:kms:us-west-2:111122223333:key/not-the-stack-key';

type Json = Record<string, unknown>;

interface ResourceChange {
  address: string;
  mode: string;
  type: string;
  change: { actions: string[]; before: Json | null; after: Json | null };
}

interface PlanDocument {
  resource_changes: ResourceChange[];
}

/** A line of `terraform plan -json` (the machine-readable UI). */
interface UiMessage {
  type: string;
  change?: { resource: { addr: string }; action: string };
}

function productionTopology(primaryRegion?: string): Topology {
  const document = JSON.parse(readFileSync(topologyFile('production'), 'utf8')) as Json;
  return resolveTopology(primaryRegion ? { ...document, primaryRegion } : document);
}

function databaseChange(plan: PlanDocument): ResourceChange {
  const found = plan.resource_changes.filter((change) => change.type === 'aws_db_instance');
  if (found.length !== 1) throw new Error(`expected one aws_db_instance in the plan, found ${found.length}`);
  return found[0];
}

function databaseState(state: TerraformState): Json {
  const found = state.resources.filter((resource) => resource.type === 'aws_db_instance');
  if (found.length !== 1) throw new Error(`expected one aws_db_instance in the state, found ${found.length}`);
  return found[0].instances[0].attributes;
}

describeWithTerraform('a regional failover: Terraform promotes replica-west in place', () => {
  const topology = productionTopology();
  const region = regionForStack(topology, STACK);
  const primary = primaryRegionOf(topology);
  const primaryArn = dbInstanceArn(topology, primary);
  const outdir = mkdtempSync(join(tmpdir(), 'promotion-'));
  const workdir = join(outdir, 'offline', STACK);
  const env = { ...process.env, CDKTF_OUTDIR: outdir };

  const run = (command: string, args: string[]): void => {
    const result = spawnSync(command, args, { cwd: ROOT, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${[command, ...args].join(' ')} failed (exit ${result.status}):\n${result.stderr}${result.stdout}`);
  };
  const readJson = <T>(file: string) => JSON.parse(readFileSync(file, 'utf8')) as T;
  /** An offline plan by the terraform runner, as `nx run <stack>:plan -c offline` makes it. */
  const planOffline = (...options: string[]): PlanDocument => {
    run(TSX, ['--tsconfig', 'tsconfig.base.json', 'tools/terraform/src/main.ts', 'plan', STACK, '--offline', ...options]);
    return readJson<PlanDocument>(join(outdir, 'stacks', STACK, 'plan.json'));
  };
  const writeState = (name: string, state: unknown): string => {
    const file = join(outdir, name);
    writeFileSync(file, JSON.stringify(state));
    return file;
  };
  /**
   * The code in the runner's initialised offline working directory planned against `state`
   * (its local backend reads OFFLINE_STATE_FILE): the planned resource changes, as `<address>: <action>`.
   */
  const plannedChangesAgainst = (state: TerraformState): string[] => {
    writeFileSync(join(workdir, OFFLINE_STATE_FILE), JSON.stringify(state));
    const messages = terraform(workdir, ['plan', '-refresh=false', '-lock=false', '-input=false', '-json'])
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as UiMessage);
    if (!messages.some((message) => message.type === 'change_summary')) throw new Error(`terraform plan -json ended without a change summary in ${workdir}`);
    return messages.filter((message) => message.type === 'planned_change').map((message) => `${message.change?.resource.addr}: ${message.change?.action}`);
  };

  let replicaState: TerraformState;
  let databaseAddress: string;
  let ownCodeAgainstState: string[];
  let ownCodeAgainstOtherKey: string[];
  let promotion: PlanDocument;

  beforeAll(() => {
    // Today's replica, and the primary it replicates from, exactly as their synth targets build them.
    run(process.execPath, ['tools/synth/run-app.cjs', STACK]);
    run(process.execPath, ['tools/synth/run-app.cjs', primary.stackName]);
    const replicaPlan = planOffline();
    databaseAddress = databaseChange(replicaPlan).address;
    const createPlan = planSchema.parse(replicaPlan);
    const types = [...new Set(createPlan.resource_changes.filter((change) => change.mode === 'managed').map((change) => change.type))];
    const schemas = awsResourceSchemas(terraform(workdir, ['providers', 'schema', '-json']), types);
    const primaryStack = readJson<{ resource: Record<string, Record<string, Json>> }>(join(outdir, 'stacks', primary.stackName, 'cdk.tf.json'));
    const [primaryDatabase] = Object.values(primaryStack.resource['aws_db_instance']);
    replicaState = appliedState(createPlan, schemas, { externalSources: { [primaryArn]: primaryDatabase } });

    ownCodeAgainstState = plannedChangesAgainst(replicaState);
    const rekeyed = structuredClone(replicaState);
    databaseState(rekeyed)['kms_key_id'] = OTHER_KEY_ARN;
    ownCodeAgainstOtherKey = plannedChangesAgainst(rekeyed);

    // The code after the failover: the same app with primaryRegion moved to this stack's region.
    const promoted = productionTopology(region.region);
    const app = new App({ outdir });
    new RegionStack(app, { topology: promoted, region: regionForStack(promoted, STACK) });
    app.synth();
    promotion = planOffline('--state', writeState('replica.tfstate', replicaState));
  });

  afterAll(() => rmSync(outdir, { recursive: true, force: true }));

  it('starts from a state that is the replica as deployed: its own code plans no change against it', () => {
    expect(databaseState(replicaState)['replicate_source_db']).toBe(primaryArn);
    expect(ownCodeAgainstState).toEqual([]);
  });

  it('sees a replacement where the provider must make one: that state with the database on another KMS key', () => {
    expect(ownCodeAgainstOtherKey).toEqual([`${databaseAddress}: replace`]);
  });

  it('updates the database in place after the topology change', () => {
    const database = databaseChange(promotion);
    expect(database.address).toBe(databaseAddress);
    expect(database.change.actions).toEqual(['update']);
    expect(database.change.after?.['identifier']).toBe(database.change.before?.['identifier']);
  });

  it('drops the replication source and turns on Multi-AZ and the backups', () => {
    const { before, after } = databaseChange(promotion).change;
    expect([before?.['replicate_source_db'], after?.['replicate_source_db']]).toEqual([primaryArn, null]);
    expect([before?.['multi_az'], after?.['multi_az']]).toEqual([false, true]);
    expect([before?.['backup_retention_period'], after?.['backup_retention_period']]).toEqual([0, topology.database.backupRetentionDays]);
  });

  it('replaces or deletes no stateful resource', () => {
    const present = new Set(promotion.resource_changes.map((change) => change.type));
    expect(PROTECTED_TYPES_IN_STACK.filter((type) => !present.has(type))).toEqual([]);
    const destroyed = promotion.resource_changes.filter((change) => change.type in STATEFUL_TYPES && change.change.actions.includes('delete'));
    expect(destroyed.map((change) => `${change.address}: ${change.change.actions.join(',')}`)).toEqual([]);
  });
});
