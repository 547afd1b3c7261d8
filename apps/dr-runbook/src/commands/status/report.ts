import type { CommandEnv } from '../../runbook/command';
import { collectStatus } from './collect';
import { findingsFor } from './findings';
import type { StatusReport } from './model';

/** Reads every region and compares it with the topology. Read-only. */
export async function statusReport(env: CommandEnv): Promise<StatusReport> {
  const regions = await collectStatus(env.aws, env.topology);
  const findings = findingsFor(env.topology, regions);
  const cannotCheck = [...new Set(findings.filter((finding) => finding.severity === 'cannot-check').map((finding) => finding.region))];
  const health = findings.some((finding) => finding.severity === 'error') ? 'unhealthy' : cannotCheck.length > 0 ? 'cannot-check' : 'healthy';
  return {
    environment: env.topology.environment,
    topologyFile: env.topologyFileShown,
    primaryRegion: env.topology.primaryRegion,
    generatedAt: new Date(env.clock.now()).toISOString(),
    health,
    healthy: health === 'healthy',
    cannotCheck,
    regions,
    findings,
  };
}
