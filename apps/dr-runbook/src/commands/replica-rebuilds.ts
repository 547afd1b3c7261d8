import type { RegionTopology } from '@xyz/topology';
import { parseDbInstanceArn } from '../aws/arn';
import { placementFrom, type ReplicaSpec, staleIdentifier, standaloneRefusal } from '../runbook/actions/replica';
import type { CheckResult } from '../runbook/command';
import type { Probe } from './shared';

/** A region whose instance is to replicate from the new primary, as probed while planning. */
export interface RebuildCandidate {
  readonly region: RegionTopology;
  readonly probe: Probe;
}

export interface ReplicaRebuildRequest {
  /** The new primary every rebuilt replica replicates from. */
  readonly source: { readonly region: string; readonly id: string; readonly arn: string };
  readonly candidates: readonly RebuildCandidate[];
  /**
   * The region of the primary this run moves away from, fenced before the promotion: its
   * standalone instance is moved aside. A standalone instance anywhere else may take writes and
   * is refused.
   */
  readonly formerPrimaryRegion?: string;
  readonly runStartedAt: number;
  /** The step that rebuilds them (what the checks guard). */
  readonly stepId: string;
}

export interface ReplicaRebuildPlan {
  readonly specs: readonly ReplicaSpec[];
  readonly checks: readonly CheckResult[];
  readonly notes: readonly string[];
}

function sourceName(arn: string): string {
  const parsed = parseDbInstanceArn(arn);
  return parsed ? `${parsed.id} (${parsed.region})` : arn;
}

/**
 * Decides, region by region, what becomes of the instance under the topology's identifier once
 * `source` is the primary. Failover (the surviving replicas) and failback (the former primary and
 * the other replicas) both plan their rebuild here.
 */
export function planReplicaRebuilds(request: ReplicaRebuildRequest): ReplicaRebuildPlan {
  const { source, stepId } = request;
  const specs: ReplicaSpec[] = [];
  const checks: CheckResult[] = [];
  const notes: string[] = [];
  const check = (ok: boolean, text: string) => checks.push({ ok, text, guards: [stepId] });
  request.candidates.forEach(({ region, probe }) => {
    const id = region.names.dbInstanceIdentifier;
    const replacesStandalone = region.region === request.formerPrimaryRegion;
    const spec: ReplicaSpec = {
      region: region.region,
      id,
      staleId: staleIdentifier(id, request.runStartedAt),
      sourceRegion: source.region,
      sourceId: source.id,
      sourceArn: source.arn,
      ...(replacesStandalone ? { replacesStandalone } : {}),
    };
    if (!probe.reachable) {
      notes.push(`${region.region} could not be read (${probe.error}): its replica is rebuilt if it answers by then (unless it holds a standalone instance), else the run ends with a warning and --resume retries it`);
      specs.push(spec);
      return;
    }
    const view = probe.view;
    if (!view) {
      notes.push(`${id} does not exist in ${region.region}: no replica is rebuilt there (its stack creates one)`);
      return;
    }
    if (view.sourceArn === source.arn) {
      specs.push({ ...spec, placement: placementFrom(view) });
      check(true, `${id} (${region.region}) already replicates from ${source.id}: it is kept`);
    } else if (!view.sourceArn && !replacesStandalone) {
      check(false, standaloneRefusal(spec));
    } else {
      specs.push({ ...spec, placement: placementFrom(view) });
      const now = view.sourceArn ? `replicates from ${sourceName(view.sourceArn)}` : 'is the former primary';
      check(true, `${id} (${region.region}) ${now}: it is rebuilt from ${source.id}; the current one is kept as ${spec.staleId}`);
    }
  });
  return { specs, checks, notes };
}
