import { changeKind } from './actions';
import { countChanges, describeChangeCounts, emptyChangeCounts } from './change-counts';
import type { PlanAction } from './actions';

const managed = (actions: PlanAction[]) => ({ address: `aws_x.${actions.join('_')}`, mode: 'managed', change: { actions } });

describe('plan counting', () => {
  it('counts managed resources by what happens to them: a replacement in either order is one replace', () => {
    const counts = countChanges([
      managed(['create']),
      managed(['create']),
      managed(['update']),
      managed(['delete', 'create']),
      managed(['create', 'delete']),
      managed(['delete']),
      managed(['forget']),
      managed(['no-op']),
      { address: 'data.aws_region.here', mode: 'data', change: { actions: ['read'] } },
    ]);
    expect(counts).toEqual({ create: 2, update: 1, replace: 2, delete: 1, forget: 1, read: 0, 'no-op': 1 });
  });

  it('says the counts as the runner prints them, forgotten resources only when there are some', () => {
    expect(describeChangeCounts({ ...emptyChangeCounts(), create: 3, update: 1 })).toBe('3 to create, 1 to update, 0 to replace, 0 to delete');
    expect(describeChangeCounts({ ...emptyChangeCounts(), delete: 1, forget: 2 })).toBe('0 to create, 0 to update, 0 to replace, 1 to delete, 2 to forget');
  });

  it('refuses an action list Terraform never writes, naming the resource', () => {
    expect(() => changeKind({ address: 'aws_x.y', change: { actions: ['update', 'delete'] } })).toThrow('aws_x.y: unexpected action list ["update","delete"]');
  });
});
