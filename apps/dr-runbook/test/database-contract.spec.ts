import { join } from 'node:path';
import { databaseInstanceSettings, loadTopology, primaryRegionOf, regionForStack, stateKey } from '@xyz/topology';
import { dbInstanceArn } from '../src/aws/arn';
import { restoreInput } from '../src/commands/restore';
import { createReplicaInput } from '../src/runbook/actions/replica';
import { REPO_ROOT } from './e2e/run-cli-process';
import { Synthesized } from './synthesized-stack';

/*
 * The contract between the runbook and Terraform. A replica the runbook creates after a failover
 * (CreateDBInstanceReadReplica) must have the settings of the aws_db_instance the region's stack
 * synthesizes: both are derived from the topology's description of the instance
 * (databaseInstanceSettings), and this test holds the two derivations together, field by field,
 * on the real stack synthesized as its synth target does. Every field of the call and every
 * argument of the resource is either compared or listed below with the reason it is not.
 */

type Read = (stack: Synthesized, value: unknown) => unknown;
const asIs: Read = (_stack, value) => value;
/** What AWS would report as a security group's id: the runbook copies the ids of the instance it replaces. */
const groupId = (stack: Synthesized, reference: unknown) => `sg-${stack.referenced(reference).name.toLowerCase().replace(/[^a-z0-9]/g, '')}`;
const sortedTags = (record: Record<string, string>) => Object.entries(record).map(([Key, Value]) => ({ Key, Value })).sort((a, b) => a.Key.localeCompare(b.Key));

/** Each field of the call, the resource argument it must match, and how Terraform's value reads in AWS terms. */
const FIELDS: [field: string, argument: string, read: Read][] = [
  ['DBInstanceIdentifier', 'identifier', asIs],
  ['KmsKeyId', 'kms_key_id', (stack, value) => stack.kmsAliasOf(value)],
  ['DBInstanceClass', 'instance_class', asIs],
  ['StorageType', 'storage_type', asIs],
  ['MaxAllocatedStorage', 'max_allocated_storage', asIs],
  ['DBParameterGroupName', 'parameter_group_name', (stack, value) => stack.nameOf(value)],
  ['DBSubnetGroupName', 'db_subnet_group_name', (stack, value) => stack.nameOf(value)],
  ['VpcSecurityGroupIds', 'vpc_security_group_ids', (stack, value) => (value as unknown[]).map((reference) => groupId(stack, reference))],
  ['MultiAZ', 'multi_az', asIs],
  ['PubliclyAccessible', 'publicly_accessible', asIs],
  ['AutoMinorVersionUpgrade', 'auto_minor_version_upgrade', asIs],
  ['CopyTagsToSnapshot', 'copy_tags_to_snapshot', asIs],
  ['DeletionProtection', 'deletion_protection', asIs],
  ['EnableIAMDatabaseAuthentication', 'iam_database_authentication_enabled', asIs],
  ['CACertificateIdentifier', 'ca_cert_identifier', asIs],
  ['EnableCloudwatchLogsExports', 'enabled_cloudwatch_logs_exports', asIs],
  ['MonitoringInterval', 'monitoring_interval', asIs],
  ['MonitoringRoleArn', 'monitoring_role_arn', (stack, value) => stack.roleArnOf(value)],
  ['EnablePerformanceInsights', 'performance_insights_enabled', asIs],
  ['PerformanceInsightsKMSKeyId', 'performance_insights_kms_key_id', (stack, value) => stack.kmsAliasOf(value)],
  ['PerformanceInsightsRetentionPeriod', 'performance_insights_retention_period', asIs],
  // The call must carry the provider's default tags itself: AWS only knows the tags it is given.
  ['Tags', 'tags', (stack, value) => sortedTags(stack.tagsOf({ tags: value }))],
];

/** The call's fields that say where the replica comes from, not how it is set up (compared on their own). */
const SOURCE_FIELDS = ['SourceDBInstanceIdentifier', 'SourceRegion'];

/** Arguments of the resource that CreateDBInstanceReadReplica has no field for, and why that is fine. */
const NOT_IN_THE_CALL: Record<string, string> = {
  '//': 'cdktf metadata',
  replicate_source_db: 'the source: compared with SourceDBInstanceIdentifier on its own',
  backup_retention_period: 'RDS creates a replica with backups off, which is what Terraform asks for (0)',
  storage_encrypted: 'a replica is encrypted when its source is; the call names the region key (KmsKeyId)',
  maintenance_window: 'not settable at creation; the next apply of the stack sets it in place',
  skip_final_snapshot: "Terraform's own deletion behaviour, not an instance setting",
};

const topology = loadTopology('production', join(REPO_ROOT, 'libs', 'topology', 'environments'));

describe.each(['replica-west', 'replica-ohio'])('the runbook rebuilds the replica of %s as the stack defines it', (stackName) => {
  const region = regionForStack(topology, stackName);
  const primary = primaryRegionOf(topology);
  const settings = databaseInstanceSettings(topology, region.region);
  let stack: Synthesized;
  let instance: Record<string, unknown>;
  let securityGroupIds: string[];
  let input: Record<string, unknown>;

  beforeAll(() => {
    stack = Synthesized.stack(stackName);
    instance = stack.single('aws_db_instance');
    // The runbook reads these from the instance it replaces: the one Terraform made.
    securityGroupIds = (instance.vpc_security_group_ids as unknown[]).map((reference) => groupId(stack, reference));
    const sourceId = primary.names.dbInstanceIdentifier;
    const spec = { region: region.region, id: settings.identifier, staleId: `${settings.identifier}-stale-202503010300`, sourceRegion: primary.region, sourceId, sourceArn: dbInstanceArn(primary.region, topology.accountId, sourceId) };
    input = { ...createReplicaInput(spec, settings, { securityGroupIds }) };
  });

  it.each(FIELDS)('%s matches %s', (field, argument, read) => {
    const expected = read(stack, instance[argument]);
    expect(expected).toBeDefined();
    const actual = field === 'Tags' ? sortedTags(Object.fromEntries((input.Tags as { Key: string; Value: string }[]).map((tag) => [tag.Key, tag.Value]))) : input[field];
    expect(actual).toEqual(expected);
  });

  it('names the security group Terraform attaches: the one the description names', () => {
    expect((instance.vpc_security_group_ids as unknown[]).map((reference) => stack.referenced(reference).block.name)).toEqual([settings.securityGroupName]);
  });

  it("replicates from the primary Terraform reads from the remote state, by ARN and cross-region", () => {
    const source = /^\$\{data\.terraform_remote_state\.([a-z-]+)\.outputs\.db_instance_arn\}$/.exec(String(instance.replicate_source_db));
    expect(source).not.toBeNull();
    expect(stack.json.data.terraform_remote_state[source?.[1] ?? '']?.config).toMatchObject({ key: stateKey(topology, primary.stackName) });
    expect(input).toMatchObject({ SourceDBInstanceIdentifier: `arn:aws:rds:${primary.region}:${topology.accountId}:db:${primary.names.dbInstanceIdentifier}`, SourceRegion: primary.region });
  });

  it('leaves nothing out: every field of the call and every argument of the resource is accounted for', () => {
    const compared = FIELDS.map(([field]) => field);
    expect(Object.keys(input).filter((field) => !compared.includes(field) && !SOURCE_FIELDS.includes(field))).toEqual([]);
    const arguments_ = FIELDS.map(([, argument]) => argument);
    expect(Object.keys(instance).filter((argument) => !arguments_.includes(argument) && !(argument in NOT_IN_THE_CALL))).toEqual([]);
    expect(instance.storage_encrypted).toBe(settings.storage.encrypted);
    expect(instance.backup_retention_period).toBe(settings.replica.backupRetentionDays);
  });

  it('restores a point in time there with the same class, storage, groups, certificate, logs and protection', () => {
    const restore: Record<string, unknown> = { ...restoreInput({ region: region.region, source: settings.identifier, targetId: 'inspect', time: null, securityGroupIds }, settings, 'run') };
    const shared = ['DBInstanceClass', 'StorageType', 'MaxAllocatedStorage', 'DBParameterGroupName', 'DBSubnetGroupName', 'VpcSecurityGroupIds', 'PubliclyAccessible', 'AutoMinorVersionUpgrade', 'CopyTagsToSnapshot', 'DeletionProtection', 'EnableIAMDatabaseAuthentication', 'CACertificateIdentifier', 'EnableCloudwatchLogsExports'];
    FIELDS.filter(([field]) => shared.includes(field)).forEach(([field, argument, read]) => expect({ field, value: restore[field] }).toEqual({ field, value: read(stack, instance[argument]) }));
  });
});
