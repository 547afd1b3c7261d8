import { databaseRename, replicaPromotion } from '../src/plan/rds-changes';
import type { ResourceChange } from '@xyz/terraform-schema';
import { mini } from './fixtures';

const [primary, replica] = ['aws_db_instance.primary', 'aws_db_instance.replica'].map((address) => mini('rename-and-promote').plan.resource_changes.find((change) => change.address === address)!);

/** The real plan's change with some values of its after side replaced. */
function edited(change: ResourceChange, after: Record<string, unknown>, afterUnknown: Record<string, unknown> = {}): ResourceChange {
  return { ...change, change: { ...change.change, after: { ...(change.change.after as object), ...after }, after_unknown: { ...(change.change.after_unknown as object), ...afterUnknown } } };
}

describe('in-place RDS changes that outlast the apply', () => {
  it('reads the rename and the promotion from the real plan', () => {
    expect(databaseRename(primary)).toEqual({ from: 'xyz-prod-mysql-use1', to: 'xyz-prod-mysql-use1-v2' });
    expect(replicaPromotion(replica)).toEqual({ identifier: 'xyz-prod-mysql-usw2', source: 'arn:aws:rds:us-east-1:111122223333:db:xyz-prod-mysql-use1' });
    expect(databaseRename(replica)).toBeUndefined();
    expect(replicaPromotion(primary)).toBeUndefined();
  });

  it('counts a new name known only after apply as a rename', () => {
    expect(databaseRename(edited(primary, { identifier: null }, { identifier: true }))).toEqual({ from: 'xyz-prod-mysql-use1' });
  });

  it('does not call a replica pointed at another source, or one whose source is unknown until apply, a promotion', () => {
    expect(replicaPromotion(edited(replica, { replicate_source_db: 'arn:aws:rds:us-east-2:111122223333:db:xyz-prod-mysql-use2' }))).toBeUndefined();
    expect(replicaPromotion(edited(replica, { replicate_source_db: null }, { replicate_source_db: true }))).toBeUndefined();
  });

  it('looks only at updates: a replacement or a deletion is the destructive-change check’s', () => {
    expect(databaseRename(mini('replace-all').plan.resource_changes.find((change) => change.address === 'aws_db_instance.primary')!)).toBeUndefined();
    expect(replicaPromotion(mini('delete-all').plan.resource_changes.find((change) => change.address === 'aws_db_instance.replica')!)).toBeUndefined();
  });
});
