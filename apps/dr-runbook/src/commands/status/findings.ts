import type { Topology } from '@xyz/topology';
import { parseDbInstanceArn } from '../../aws/arn';
import type { Finding, RegionStatus } from './model';
import { serviceFindings } from './service-findings';

const HEALTHY_STATUSES = ['available', 'backing-up'];
const BUSY_STATUSES = ['modifying', 'rebooting', 'creating', 'renaming', 'upgrading', 'configuring-enhanced-monitoring', 'configuring-log-exports', 'maintenance', 'resetting-master-credentials', 'starting', 'storage-optimization'];

function sourceName(arn: string): string {
  const parsed = parseDbInstanceArn(arn);
  return parsed ? `${parsed.id} (${parsed.region})` : arn;
}

/** Compares what AWS reports with what the topology says, region by region. */
export function findingsFor(topology: Topology, regions: readonly RegionStatus[]): Finding[] {
  const findings: Finding[] = [];
  const error = (region: string, message: string) => findings.push({ severity: 'error', region, message });
  const warning = (region: string, message: string) => findings.push({ severity: 'warning', region, message });
  const cannotCheck = (region: string, message: string) => findings.push({ severity: 'cannot-check', region, message });
  const policy = topology.database.backupRetentionDays;
  const primaryStatus = regions.find((entry) => entry.expectedRole === 'primary');
  const writerAddress = primaryStatus?.instance?.role === 'primary' ? primaryStatus.instance.endpoint : undefined;

  regions.forEach((entry) => {
    const { region, instance } = entry;
    if (!entry.reachable) {
      cannotCheck(region, `cannot check: ${entry.error ?? 'unknown error'}`);
    } else if (!instance) {
      error(region, `${entry.expectedInstance} does not exist`);
    } else {
      if (entry.expectedRole === 'primary' && instance.role !== 'primary') error(region, `the topology says ${instance.id} is the primary, but AWS shows a replica of ${sourceName(instance.source ?? '?')}`);
      if (entry.expectedRole === 'replica' && instance.role === 'primary') error(region, `the topology says ${instance.id} is a replica, but AWS shows a standalone instance (promoted?). Update the topology or run failback.`);
      if (entry.expectedRole === 'replica' && instance.source && instance.source !== entry.expectedSource) error(region, `${instance.id} replicates from ${sourceName(instance.source)}, the topology expects ${sourceName(entry.expectedSource ?? '?')}`);
      if (!HEALTHY_STATUSES.includes(instance.status)) {
        if (BUSY_STATUSES.includes(instance.status)) warning(region, `${instance.id} is ${instance.status}`);
        else error(region, `${instance.id} is ${instance.status}`);
      }
      if (instance.role === 'primary') {
        if (!instance.multiAZ) (instance.pendingMultiAZ ? warning : error)(region, `${instance.id} is single-AZ${instance.pendingMultiAZ ? ' (Multi-AZ conversion pending)' : ''}; the design runs the primary Multi-AZ`);
        if (instance.backupRetentionDays === 0) error(region, `${instance.id} has automated backups off: no point-in-time restore, and replicas cannot be created`);
        else if (instance.backupRetentionDays !== policy) warning(region, `${instance.id} keeps backups ${instance.backupRetentionDays} d; the policy is ${policy} d`);
      }
      if (instance.role === 'replica') {
        if (entry.lagError) cannotCheck(region, `cannot check the ReplicaLag of ${instance.id}: ${entry.lagError}`);
        else if (entry.lagSeconds === null) warning(region, `no ReplicaLag datapoint for ${instance.id} in the last 10 minutes`);
        else if (entry.lagSeconds > topology.alarms.rdsReplicaLagSeconds) error(region, `ReplicaLag of ${instance.id} is ${entry.lagSeconds} s (alarm threshold ${topology.alarms.rdsReplicaLagSeconds} s)`);
      }
    }
    if (entry.writerEndpointError) {
      // A region whose RDS cannot be read is already one "cannot check": not one more per API.
      if (entry.reachable) cannotCheck(region, `cannot check ${entry.writerEndpointParameter}: ${entry.writerEndpointError}`);
    } else if (entry.writerEndpoint === null) error(region, `${entry.writerEndpointParameter} does not exist: applications here cannot find the writer`);
    else if (writerAddress && entry.writerEndpoint !== writerAddress) error(region, `${entry.writerEndpointParameter} is ${entry.writerEndpoint}, not the primary's ${writerAddress}`);
    entry.leftovers.forEach((leftover) => warning(region, `${leftover} is left over from an earlier run (kept aside); delete it when no longer needed`));
    serviceFindings(topology, entry, (severity, message) => findings.push({ severity, region, message }));
  });

  const standalone = regions.filter((entry) => entry.instance?.role === 'primary');
  if (standalone.length > 1) {
    error('*', `${standalone.length} standalone (writable) instances: ${standalone.map((entry) => `${entry.instance?.id} (${entry.region})`).join(', ')}. Only one may take writes; check the writer endpoint and fence the others.`);
  }
  return findings;
}
