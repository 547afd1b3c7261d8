import type { ResourceChange } from '@xyz/terraform-schema';
import { field, text } from '../plan/values';
import { cacheDowntime, streamDowntime } from './cache-and-stream';
import { databaseDowntime, type DatabaseUse, parameterGroupDowntime } from './rds';
import { replacementDowntime } from './replaced-endpoints';
import type { DowntimeWarning } from './warning';

export type { DowntimeWarning } from './warning';

/** The database instances of one stack's plan by the parameter group they use after it. */
function parameterGroupUsers(changes: readonly ResourceChange[]): Map<string, DatabaseUse[]> {
  const users = new Map<string, DatabaseUse[]>();
  for (const change of changes) {
    if (change.mode !== 'managed' || change.type !== 'aws_db_instance') continue;
    const values = change.change.after ?? change.change.before;
    const group = text(values, 'parameter_group_name');
    if (!group) continue;
    users.set(group, [...(users.get(group) ?? []), { identifier: text(values, 'identifier') ?? change.address, multiAz: field(values, 'multi_az') === true }]);
  }
  return users;
}

/** Every change of one stack's plan that takes a database, a cache, a stream or a named endpoint offline for a while. */
export function downtimeWarnings(changes: readonly ResourceChange[]): DowntimeWarning[] {
  const users = parameterGroupUsers(changes);
  return changes
    .filter((change) => change.mode === 'managed')
    .flatMap((change) => [
      ...databaseDowntime(change),
      ...parameterGroupDowntime(change, users.get(text(change.change.after, 'name') ?? '') ?? []),
      ...cacheDowntime(change),
      ...streamDowntime(change),
      ...replacementDowntime(change),
    ]);
}
