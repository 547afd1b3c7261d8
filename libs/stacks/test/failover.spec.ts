import { synthRegion, topologyAfterFailoverTo } from './synth-helpers';

describe('after a regional failover, one topology value makes the code describe the promoted primary', () => {
  const before = synthRegion('replica-west');
  const after = synthRegion('replica-west', topologyAfterFailoverTo('us-west-2'));

  it('keeps the database at the same Terraform address, so the promotion is an in-place update', () => {
    expect(after.addressOf('aws_db_instance')).toBe(before.addressOf('aws_db_instance'));
    expect(after.addressOf('aws_db_parameter_group')).toBe(before.addressOf('aws_db_parameter_group'));
    expect(after.single('aws_db_instance').identifier).toBe('xyz-prod-mysql-usw2');
  });

  it('drops the replication source and turns on Multi-AZ and the 2-day backups', () => {
    const db = after.single('aws_db_instance');
    expect(db.replicate_source_db).toBeUndefined();
    expect(db).toMatchObject({ multi_az: true, backup_retention_period: 2 });
  });

  it('sources the other replica from the new primary', () => {
    const ohio = synthRegion('replica-ohio', topologyAfterFailoverTo('us-west-2'));
    const remote = ohio.json.data?.terraform_remote_state?.['primary-state'] as { config: { key: string } };
    expect(remote.config.key).toBe('production/replica-west.tfstate');
  });
});
