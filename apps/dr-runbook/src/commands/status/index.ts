import type { CommandEnv } from '../../runbook/command';
import { collectStatus } from './collect';
import { findingsFor } from './findings';
import type { StatusReport } from './model';

export type { Finding, RegionStatus, StatusReport } from './model';
export { renderStatus } from './render';

export async function statusReport(env: CommandEnv): Promise<StatusReport> {
  const regions = await collectStatus(env.aws, env.topology);
  const findings = findingsFor(env.topology, regions);
  return {
    environment: env.topology.environment,
    topologyFile: env.topologyFileShown,
    primaryRegion: env.topology.primaryRegion,
    generatedAt: new Date(env.clock.now()).toISOString(),
    healthy: findings.every((finding) => finding.severity !== 'error'),
    regions,
    findings,
  };
}
