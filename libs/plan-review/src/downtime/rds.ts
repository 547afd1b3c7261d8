import { field, text } from '../plan/values';
import type { ResourceChange } from '@xyz/terraform-schema';
import { type DowntimeWarning, fromTo, whenApplied } from './warning';

/** A database instance as the downtime rules need it. */
export interface DatabaseUse {
  readonly identifier: string;
  readonly multiAz: boolean;
}

function changed(change: ResourceChange, attribute: string): [unknown, unknown] | undefined {
  const before = field(change.change.before, attribute);
  const after = field(change.change.after, attribute);
  // Unknown after apply, or unchanged: nothing to say.
  if (field(change.change.after_unknown, attribute) === true || after === undefined || before === after) return undefined;
  return [before, after];
}

function instanceClass(change: ResourceChange, multiAz: boolean): DowntimeWarning | undefined {
  const values = changed(change, 'instance_class');
  if (!values) return undefined;
  const when = whenApplied(change.change.after, 'maintenance_window');
  // AWS: on a Multi-AZ instance the standby is modified first, then RDS fails over to it; failovers
  // typically complete within 60-120 s. On a Single-AZ instance RDS moves the storage to a new host
  // of the new class and restarts the engine there; the outage lasts until crash recovery is done.
  return multiAz
    ? { address: change.address, change: `instance class ${fromTo(...values)}`, effect: 'RDS modifies the standby, then fails over to it: connections drop and the endpoint moves', duration: 'typically 60–120 s', when }
    : { address: change.address, change: `instance class ${fromTo(...values)}`, effect: 'the single-AZ instance stops while RDS moves its storage to a host of the new class, then recovers: no connections in between', duration: 'typically several minutes, longer with much to recover', when };
}

function storageType(change: ResourceChange, multiAz: boolean): DowntimeWarning | undefined {
  const values = changed(change, 'storage_type');
  if (!values) return undefined;
  // AWS: changing to or from magnetic (standard) storage starts with an outage; so does a change between
  // SSD types on a Single-AZ instance with a custom parameter group. Storage optimization then runs for
  // up to several hours, with degraded performance.
  const magnetic = values.includes('standard');
  if (multiAz && !magnetic) return undefined;
  return {
    address: change.address,
    change: `storage type ${fromTo(...values)}`,
    effect: `${magnetic ? 'a change to or from magnetic storage' : 'on a single-AZ instance, the change'} starts with an outage; then storage optimization degrades performance`,
    duration: 'an outage of minutes, then optimization for up to several hours',
    when: whenApplied(change.change.after, 'maintenance_window'),
  };
}

function engineVersion(change: ResourceChange, multiAz: boolean): DowntimeWarning | undefined {
  const values = changed(change, 'engine_version');
  if (!values) return undefined;
  const major = (version: unknown) => String(version).split('.').slice(0, 2).join('.');
  const isMajor = major(values[0]) !== major(values[1]);
  // AWS: the instance is unavailable until the upgrade completes; for a Multi-AZ instance RDS upgrades the
  // primary and the standby at the same time, so the standby does not shorten the outage. MySQL replicas
  // must be upgraded before their source for a major version.
  return {
    address: change.address,
    change: `engine version ${fromTo(...values)}${isMajor ? ' (major upgrade)' : ''}`,
    effect: `the instance is unavailable until the engine upgrade completes${multiAz ? '; Multi-AZ does not help, primary and standby are upgraded together' : ''}${isMajor ? '; upgrade the read replicas before their source' : ''}`,
    duration: isMajor ? 'from about ten minutes to much longer, depending on the data' : 'typically several minutes',
    when: whenApplied(change.change.after, 'maintenance_window'),
  };
}

/** Instance class, storage type and engine version changes of an RDS instance. */
export function databaseDowntime(change: ResourceChange): DowntimeWarning[] {
  if (change.type !== 'aws_db_instance' || change.change.actions.join() !== 'update') return [];
  const multiAz = field(change.change.after, 'multi_az') === true;
  return [instanceClass(change, multiAz), storageType(change, multiAz), engineVersion(change, multiAz)].filter((warning): warning is DowntimeWarning => warning !== undefined);
}

/** MySQL 8.0 parameters RDS can change only with a reboot (not dynamic in MySQL). */
const STATIC_MYSQL_PARAMETERS = new Set([
  'innodb_autoinc_lock_mode', 'innodb_buffer_pool_instances', 'innodb_flush_method', 'innodb_page_cleaners', 'innodb_purge_threads',
  'innodb_read_io_threads', 'innodb_sort_buffer_size', 'innodb_write_io_threads', 'lower_case_table_names', 'performance_schema',
  'skip_name_resolve', 'table_open_cache_instances',
]);

interface Parameter {
  readonly name: string;
  readonly value: unknown;
  readonly applyMethod: unknown;
}

function parameters(values: unknown): Parameter[] {
  const list = field(values, 'parameter');
  return (Array.isArray(list) ? list : []).map((entry) => ({ name: String(field(entry, 'name')), value: field(entry, 'value'), applyMethod: field(entry, 'apply_method') }));
}

/**
 * Parameter changes that wait for a reboot. AWS: "immediate" works for dynamic parameters only; a
 * "pending-reboot" change is applied when the instance reboots without failover, so a Multi-AZ
 * instance is offline for the reboot too. Terraform does not reboot: the instance shows pending-reboot.
 */
export function parameterGroupDowntime(change: ResourceChange, users: readonly DatabaseUse[]): DowntimeWarning[] {
  if (change.type !== 'aws_db_parameter_group' || change.change.actions.join() !== 'update') return [];
  const before = new Map(parameters(change.change.before).map((parameter) => [parameter.name, parameter]));
  const waiting = parameters(change.change.after).filter((parameter) => {
    const old = before.get(parameter.name);
    const isNew = !old || old.value !== parameter.value;
    return isNew && (parameter.applyMethod === 'pending-reboot' || STATIC_MYSQL_PARAMETERS.has(parameter.name));
  });
  if (waiting.length === 0) return [];
  const instances = users.length > 0 ? users.map((user) => user.identifier).join(', ') : 'each instance that uses the group';
  const refused = waiting.filter((parameter) => parameter.applyMethod === 'immediate').map((parameter) => parameter.name);
  return [
    {
      address: change.address,
      change: `static parameters ${waiting.map((parameter) => `${parameter.name} = ${String(parameter.value)}`).join(', ')} of ${text(change.change.after, 'name') ?? 'the group'}`,
      effect:
        `they take effect only when ${instances} reboots (a reboot without failover, so a Multi-AZ instance is offline too); Terraform does not reboot, the instance waits in pending-reboot` +
        (refused.length > 0 ? `; AWS refuses apply_method "immediate" for a static parameter (${refused.join(', ')}): set "pending-reboot" or the apply fails` : ''),
      duration: 'the reboot: typically one to a few minutes per instance',
      when: 'at the next reboot of each instance',
    },
  ];
}
