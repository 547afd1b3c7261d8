import { existsSync } from 'node:fs';
import { CreateDBInstanceReadReplicaCommand, ModifyDBInstanceCommand, ModifyDBParameterGroupCommand, PromoteReadReplicaCommand, RebootDBInstanceCommand, RestoreDBInstanceToPointInTimeCommand } from '@aws-sdk/client-rds';
import { PutParameterCommand } from '@aws-sdk/client-ssm';
import { Harness } from './support/harness';

/** Each changing command, run without --execute, and calls its plan must show. */
const commands: [string, string[], string[]][] = [
  [
    'failover',
    ['failover', '--to', 'us-west-2'],
    [
      'rds:ModifyDBParameterGroup us-east-1 {"DBParameterGroupName":"xyz-prod-mysql80-use1","Parameters":[{"ParameterName":"read_only","ParameterValue":"1","ApplyMethod":"immediate"}]}',
      'rds:PromoteReadReplica us-west-2 {"DBInstanceIdentifier":"xyz-prod-mysql-usw2","BackupRetentionPeriod":2,"PreferredBackupWindow":"03:00-04:00"}',
      'rds:ModifyDBInstance us-west-2 {"DBInstanceIdentifier":"xyz-prod-mysql-usw2","MultiAZ":true,"BackupRetentionPeriod":2,"ApplyImmediately":true}',
      'ssm:PutParameter us-east-2 {"Name":"/xyz/prod/mysql/writer-endpoint","Value":"xyz-prod-mysql-usw2.c9abcdefgh12.us-west-2.rds.amazonaws.com","Type":"String","Overwrite":true}',
      'rds:ModifyDBInstance us-east-2 {"DBInstanceIdentifier":"xyz-prod-mysql-use2","NewDBInstanceIdentifier":"xyz-prod-mysql-use2-stale-202503010300","ApplyImmediately":true}',
      'rds:CreateDBInstanceReadReplica us-east-2 {"DBInstanceIdentifier":"xyz-prod-mysql-use2","SourceDBInstanceIdentifier":"arn:aws:rds:us-west-2:111122223333:db:xyz-prod-mysql-usw2","SourceRegion":"us-west-2","KmsKeyId":"alias/xyz-prod-data-use2"',
      'local:print change {"file":"environments/production.json","primaryRegion":"us-west-2"}',
    ],
  ],
  [
    'failback (as a planned switchover)',
    ['failback', '--to', 'us-west-2'],
    [
      'rds:ModifyDBParameterGroup us-east-1 {"DBParameterGroupName":"xyz-prod-mysql80-use1"',
      'then waits for: CloudWatch ReplicaLag of xyz-prod-mysql-usw2 at or below 0 s in a datapoint taken after the fence',
      'rds:PromoteReadReplica us-west-2',
      'rds:CreateDBInstanceReadReplica us-east-1 {"DBInstanceIdentifier":"xyz-prod-mysql-use1","SourceDBInstanceIdentifier":"arn:aws:rds:us-west-2:111122223333:db:xyz-prod-mysql-usw2"',
    ],
  ],
  ['drill az-failover', ['drill', 'az-failover'], ['rds:RebootDBInstance us-east-1 {"DBInstanceIdentifier":"xyz-prod-mysql-use1","ForceFailover":true}']],
  [
    'restore',
    ['restore', '--time', '2025-03-01T02:15:00Z'],
    ['rds:RestoreDBInstanceToPointInTime us-east-1 {"SourceDBInstanceIdentifier":"xyz-prod-mysql-use1","TargetDBInstanceIdentifier":"xyz-prod-mysql-use1-pitr-202503010300","RestoreTime":"2025-03-01T02:15:00.000Z"'],
  ],
];

const mutatingCommandCalls = (h: Harness) => [
  h.mocks.rds.commandCalls(PromoteReadReplicaCommand),
  h.mocks.rds.commandCalls(ModifyDBInstanceCommand),
  h.mocks.rds.commandCalls(RebootDBInstanceCommand),
  h.mocks.rds.commandCalls(CreateDBInstanceReadReplicaCommand),
  h.mocks.rds.commandCalls(RestoreDBInstanceToPointInTimeCommand),
  h.mocks.rds.commandCalls(ModifyDBParameterGroupCommand),
  h.mocks.ssm.commandCalls(PutParameterCommand),
].flat();

describe('dry run (the default)', () => {
  let h: Harness;
  afterEach(() => h.cleanup());

  it.each(commands)('%s prints its checks, its ordered steps and every call, and makes no mutating call', async (_name, args, calls) => {
    h = new Harness({ lagSeconds: { 'us-west-2': 1 } });
    const result = await h.run(args);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Pre-checks (read-only):');
    expect(result.stdout).toContain('DRY RUN: nothing will be changed.');
    calls.forEach((call) => expect(result.stdout).toContain(call));
    expect(result.stdout).toMatch(/To run them: add --execute \(you will be asked to type [a-z0-9-]+\)/);
    expect(h.sim.mutatingCalls()).toEqual([]);
    expect(mutatingCommandCalls(h)).toHaveLength(0);
    expect(h.mocks.rds.calls().length).toBeGreaterThan(0);
    expect(existsSync(h.journalDir)).toBe(false);
  });

  it('--json prints the plan as a JSON document', async () => {
    h = new Harness();
    const result = await h.run(['failover', '--to', 'us-west-2', '--json']);
    const plan = JSON.parse(result.stdout) as { dryRun: boolean; steps: { id: string; calls: { operation: string }[] }[] };
    expect(plan.dryRun).toBe(true);
    expect(plan.steps.map((step) => step.id)).toEqual(['fence-writes', 'promote', 'request-multi-az', 'switch-endpoint', 'wait-multi-az', 'rebuild-replicas', 'topology']);
    expect(result.stderr).toContain('DRY RUN');
  });
});
