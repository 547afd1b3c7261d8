/** The parts of `dr-runbook status --json` the rehearsal reads. */
interface Observed<T> {
  readonly name: string;
  readonly observed?: T | null;
  readonly error?: string;
}

interface RegionReport {
  readonly region: string;
  readonly reachable: boolean;
  readonly instance?: { readonly id: string; readonly role: string; readonly status: string };
  readonly services?: {
    readonly cache?: Observed<{ readonly status: string; readonly memberClusters?: number }>;
    readonly pipeline?: {
      readonly stream?: Observed<{ readonly status: string; readonly openShards?: number }>;
      readonly eventSourceMapping?: Observed<{ readonly state: string }>;
      readonly table?: Observed<{ readonly status: string }>;
    };
    readonly alarms?: { readonly firing?: readonly { readonly name: string }[]; readonly error?: string };
  };
}

export interface StatusReport {
  readonly health?: string;
  readonly regions?: readonly RegionReport[];
}

const seen = <T>(read: Observed<T> | undefined, describe: (value: T) => string): string => {
  if (!read) return 'not checked';
  if (read.error) return 'cannot check';
  return read.observed ? describe(read.observed) : 'missing';
};

/** One line per region: what status checked and what it saw. */
export function describeCoverage(report: StatusReport): string[] {
  return (report.regions ?? []).map((region) => {
    if (!region.reachable) return `${region.region}: cannot check`;
    const services = region.services;
    const parts = [
      `db ${region.instance ? `${region.instance.role} ${region.instance.status}` : 'missing'}`,
      `redis ${seen(services?.cache, (cache) => `${cache.status}${cache.memberClusters ? ` (${cache.memberClusters} nodes)` : ''}`)}`,
    ];
    const pipeline = services?.pipeline;
    if (pipeline) {
      parts.push(`kinesis ${seen(pipeline.stream, (stream) => `${stream.status}${stream.openShards ? ` (${stream.openShards} shards)` : ''}`)}`);
      parts.push(`event source mapping ${seen(pipeline.eventSourceMapping, (mapping) => mapping.state)}`);
      parts.push(`dynamodb ${seen(pipeline.table, (table) => table.status)}`);
    }
    const alarms = services?.alarms;
    parts.push(alarms?.error ? 'alarms cannot check' : `${alarms?.firing?.length ?? '?'} alarm(s) in ALARM`);
    return `${region.region}: ${parts.join(', ')}`;
  });
}

/**
 * What a status report of the whole platform must have looked at: every platform region (a
 * region it does not list is missing), every reachable region's database, cache and alarms, and
 * the device pipeline (stream, mapping, table) in its home region.
 */
export function missingCoverage(report: StatusReport, platformRegions: readonly string[], pipelineRegion: string): string[] {
  const reported = report.regions ?? [];
  const missing = platformRegions.filter((name) => !reported.some((region) => region.region === name)).map((name) => `${name}: not reported`);
  for (const region of reported) {
    if (!region.reachable) continue;
    if (!region.instance) missing.push(`${region.region}: database`);
    if (!region.services?.cache) missing.push(`${region.region}: Redis replication group`);
    if (!region.services?.alarms) missing.push(`${region.region}: alarms`);
    if (region.region === pipelineRegion) {
      const pipeline = region.services?.pipeline;
      if (!pipeline?.stream) missing.push(`${region.region}: Kinesis stream`);
      if (!pipeline?.eventSourceMapping) missing.push(`${region.region}: event source mapping`);
      if (!pipeline?.table) missing.push(`${region.region}: DynamoDB table`);
    }
  }
  return missing;
}
