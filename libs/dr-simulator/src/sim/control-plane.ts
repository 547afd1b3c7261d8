import type { SimClock } from '../clock';
import { awsErrors } from './errors';
import type { SimDelays } from './delays';
import { instanceDataFromRequest, SimInstance, toDbInstance } from './instance';
import { SimServices } from './services';
import type { SimInstanceData, SimPhases, SimState } from './state';

export type SimService = 'rds' | 'ssm' | 'cloudwatch' | 'elasticache' | 'kinesis' | 'lambda' | 'dynamodb';

/** A notable AWS-side transition, for assertions and the bench's lower bound. */
export interface SimEvent {
  readonly at: number;
  readonly kind: string;
  readonly region: string;
  readonly id: string;
}

/**
 * The state machine behind the simulated APIs: instances whose status changes over (injected)
 * time, parameter groups, SSM parameters and ReplicaLag, with RDS's refusals (promoting a
 * backing-up replica, renaming a busy instance, ForceFailover on single-AZ, ...).
 */
export class SimControlPlane {
  readonly events: SimEvent[] = [];
  readonly regionsDown: Set<string>;
  readonly accountId: string;
  /** ElastiCache, Kinesis, Lambda, DynamoDB and CloudWatch alarms; tests change them through it. */
  readonly services: SimServices;
  private readonly instances = new Map<string, SimInstance>();
  private readonly parameters = new Map<string, Map<string, string>>();
  private readonly ssm = new Map<string, string>();
  private readonly timeline: { at: number; seq: number; apply: (at: number) => void }[] = [];
  private seq = 0;

  constructor(
    protected readonly clock: SimClock,
    readonly delays: SimDelays,
    state: SimState,
  ) {
    this.accountId = state.accountId;
    state.instances.forEach((data) => this.put(new SimInstance(structuredClone(data), this.accountId)));
    Object.entries(state.parameters).forEach(([key, values]) => this.parameters.set(key, new Map(Object.entries(values))));
    Object.entries(state.ssm).forEach(([key, value]) => this.ssm.set(key, value));
    this.regionsDown = new Set(state.regionsDown);
    this.services = new SimServices(state.accountId, state.services, clock);
  }

  /** Runs a change at a simulated time (states that change over time). */
  at(ms: number, apply: (sim: this) => void): void {
    this.schedule(ms - this.clock.now(), () => apply(this));
  }

  instance(region: string, id: string): (SimInstanceData & { status: string; arn: string; phases: SimPhases }) | undefined {
    this.settle();
    const found = this.instances.get(`${region}/${id}`);
    return found ? { ...found.data, status: found.status, arn: found.arn, phases: found.phases } : undefined;
  }

  setInstance(region: string, id: string, change: Partial<SimInstanceData>): void {
    const found = this.instances.get(`${region}/${id}`);
    if (!found) throw new Error(`no simulated instance ${region}/${id}`);
    Object.assign(found.data, change);
  }

  /** The instance is taking its automated backup for `ms` from now (RDS then refuses to promote it). */
  backUp(region: string, id: string, ms: number): void {
    const found = this.instances.get(`${region}/${id}`);
    if (!found) throw new Error(`no simulated instance ${region}/${id}`);
    found.phases.backingUp = true;
    this.schedule(ms, () => {
      found.phases.backingUp = false;
    });
  }

  addInstance(data: SimInstanceData): void {
    this.put(new SimInstance(structuredClone(data), this.accountId));
  }

  remove(region: string, id: string): void {
    this.instances.delete(`${region}/${id}`);
  }

  /** The whole account as data, to start another simulation (e.g. in a child process) from here. */
  exportState(): SimState {
    this.settle();
    return {
      accountId: this.accountId,
      instances: [...this.instances.values()].map((entry) => structuredClone(entry.data)),
      parameters: Object.fromEntries([...this.parameters.entries()].map(([key, values]) => [key, Object.fromEntries(values)])),
      ssm: Object.fromEntries(this.ssm),
      regionsDown: [...this.regionsDown],
      services: structuredClone(this.services.state),
    };
  }

  /** Everything an end state is made of, in a stable order, for comparing two runs. */
  snapshot(): { instances: { region: string; id: string; status: string; source?: string; multiAZ: boolean; backupRetention: number }[]; ssm: Record<string, string>; parameters: Record<string, Record<string, string>> } {
    this.settle();
    const instances = [...this.instances.values()]
      .map((entry) => ({ region: entry.data.region, id: entry.data.id, status: entry.status, source: entry.data.sourceArn, multiAZ: entry.data.multiAZ, backupRetention: entry.data.backupRetention }))
      .sort((a, b) => `${a.region}/${a.id}`.localeCompare(`${b.region}/${b.id}`));
    const parameters = Object.fromEntries([...this.parameters.entries()].map(([key, values]) => [key, Object.fromEntries(values)]));
    return { instances, ssm: Object.fromEntries(this.ssm), parameters };
  }

  instanceIds(region: string): string[] {
    this.settle();
    return [...this.instances.values()].filter((entry) => entry.data.region === region).map((entry) => entry.data.id);
  }

  parameter(region: string, name: string): string | undefined {
    return this.ssm.get(`${region}|${name}`);
  }

  userParameters(region: string, group: string): Record<string, string> {
    return Object.fromEntries(this.parameters.get(`${region}/${group}`) ?? []);
  }

  protected dispatch(service: SimService, region: string, operation: string, input: Record<string, unknown>): unknown {
    const key = `${service}:${operation}`;
    switch (key) {
      case 'rds:DescribeDBInstances':
        return this.describe(region, input);
      case 'rds:PromoteReadReplica':
        return this.promote(region, input);
      case 'rds:ModifyDBInstance':
        return this.modify(region, input);
      case 'rds:RebootDBInstance':
        return this.reboot(region, input);
      case 'rds:CreateDBInstanceReadReplica':
        return this.createReplica(region, input);
      case 'rds:RestoreDBInstanceToPointInTime':
        return this.restore(region, input);
      case 'rds:ModifyDBParameterGroup':
        return this.setParameters(region, input, false);
      case 'rds:ResetDBParameterGroup':
        return this.setParameters(region, input, true);
      case 'rds:DescribeDBParameters':
        return this.describeParameters(region, input);
      case 'rds:DescribeDBInstanceAutomatedBackups':
        return this.automatedBackups(region, input);
      case 'ssm:GetParameter':
        return this.getParameter(region, input);
      case 'ssm:PutParameter':
        this.ssm.set(`${region}|${String(input.Name)}`, String(input.Value));
        return { Version: 1 };
      case 'cloudwatch:GetMetricData':
        return this.metricData(region, input);
      default:
        if (this.services.handles(key)) return this.services.dispatch(key, region, input);
        throw awsErrors.rds('InvalidAction', `the simulation does not implement ${key}`);
    }
  }

  // ---- time ----------------------------------------------------------------------------------

  private schedule(afterMs: number, apply: (at: number) => void): void {
    this.timeline.push({ at: this.clock.now() + Math.max(0, afterMs), seq: this.seq++, apply });
  }

  /** Applies every change whose time has come, in order. */
  protected settle(): void {
    const now = this.clock.now();
    for (;;) {
      this.timeline.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timeline[0];
      if (!next || next.at > now) return;
      this.timeline.shift();
      next.apply(next.at);
    }
  }

  private event(kind: string, target: SimInstance, at = this.clock.now()): void {
    this.events.push({ at, kind, region: target.data.region, id: target.data.id });
  }

  // ---- instances -----------------------------------------------------------------------------

  private put(instance: SimInstance): void {
    this.instances.set(`${instance.data.region}/${instance.data.id}`, instance);
  }

  private find(region: string, id: unknown): SimInstance {
    const found = this.instances.get(`${region}/${String(id)}`);
    if (!found) throw awsErrors.notFound(String(id));
    return found;
  }

  private byArn(arn: string): SimInstance | undefined {
    return [...this.instances.values()].find((entry) => entry.arn === arn);
  }

  private currentLag(replica: SimInstance): number | undefined {
    const source = replica.data.sourceArn ? this.byArn(replica.data.sourceArn) : undefined;
    if (!source || this.regionsDown.has(source.data.region) || replica.phases.creating) return undefined;
    const fencedAt = source.phases.fencedAt;
    if (fencedAt !== undefined && this.clock.now() >= fencedAt + this.delays.drainMs) return 0;
    return replica.data.lagSeconds;
  }

  private toDbInstance(instance: SimInstance): Record<string, unknown> {
    const replicas = [...this.instances.values()].filter((entry) => entry.data.sourceArn === instance.arn);
    return toDbInstance(instance, replicas, this.clock.now());
  }

  private describe(region: string, input: Record<string, unknown>): unknown {
    if (input.DBInstanceIdentifier) return { DBInstances: [this.toDbInstance(this.find(region, input.DBInstanceIdentifier))] };
    const all = [...this.instances.values()].filter((entry) => entry.data.region === region).map((entry) => this.toDbInstance(entry));
    return { DBInstances: all };
  }

  private promote(region: string, input: Record<string, unknown>): unknown {
    const target = this.find(region, input.DBInstanceIdentifier);
    if (!target.data.sourceArn) throw awsErrors.invalidState(`DB instance ${target.data.id} is not a read replica.`);
    if (target.phases.promoting) throw awsErrors.invalidState(`DB instance ${target.data.id} is already being promoted.`);
    if (target.status !== 'available') throw awsErrors.invalidState(`DB instance ${target.data.id} is not in available state (it is ${target.status}).`);
    const retention = typeof input.BackupRetentionPeriod === 'number' ? input.BackupRetentionPeriod : 1;
    const d = this.delays;
    target.phases.promoting = 'requested';
    this.event('promote-requested', target);
    this.schedule(d.promoteVisibleMs, () => {
      target.phases.promoting = 'modifying';
    });
    this.schedule(d.promoteVisibleMs + d.promoteModifyingMs, () => {
      target.phases.promoting = 'rebooting';
    });
    const writableAfter = d.promoteVisibleMs + d.promoteModifyingMs + d.promoteRebootMs;
    this.schedule(writableAfter, (at) => {
      target.phases.promoting = undefined;
      target.phases.backingUp = true;
      target.phases.writableAt = at;
      target.data.sourceArn = undefined;
      target.data.backupRetention = retention;
      this.event('promoted-writable', target, at);
    });
    this.schedule(writableAfter + d.promoteBackupMs, (at) => {
      target.phases.backingUp = false;
      this.event('promoted-available', target, at);
    });
    return { DBInstance: this.toDbInstance(target) };
  }

  private modify(region: string, input: Record<string, unknown>): unknown {
    const target = this.find(region, input.DBInstanceIdentifier);
    const status = target.status;
    if (typeof input.NewDBInstanceIdentifier === 'string') return this.rename(target, input.NewDBInstanceIdentifier);
    if (['creating', 'rebooting', 'renaming', 'deleting'].includes(status) || target.phases.promoting) {
      throw awsErrors.invalidState(`DB instance ${target.data.id} is not in a state that allows modification (${status}).`);
    }
    if (typeof input.BackupRetentionPeriod === 'number') target.data.backupRetention = input.BackupRetentionPeriod;
    if (input.MultiAZ === true && !target.data.multiAZ && !target.phases.multiAz) {
      const d = this.delays;
      target.phases.multiAz = 'requested';
      this.event('multi-az-requested', target);
      this.schedule(d.multiAzVisibleMs, () => {
        target.phases.multiAz = 'modifying';
      });
      this.schedule(d.multiAzVisibleMs + d.multiAzMs, (at) => {
        target.phases.multiAz = undefined;
        target.data.multiAZ = true;
        target.data.secondaryAvailabilityZone = `${target.data.region}b`;
        this.event('multi-az-done', target, at);
      });
    }
    return { DBInstance: this.toDbInstance(target) };
  }

  private rename(target: SimInstance, newId: string): unknown {
    if (target.status !== 'available') throw awsErrors.invalidState(`DB instance ${target.data.id} must be available to be renamed (it is ${target.status}).`);
    if (this.instances.has(`${target.data.region}/${newId}`)) throw awsErrors.alreadyExists(newId);
    const d = this.delays;
    target.phases.renaming = 'requested';
    this.schedule(d.renameVisibleMs, () => {
      target.phases.renaming = 'renaming';
    });
    this.schedule(d.renameVisibleMs + d.renameMs, (at) => {
      const oldArn = target.arn;
      this.instances.delete(`${target.data.region}/${target.data.id}`);
      target.data.id = newId;
      target.data.endpointAddress = `${newId}.${target.data.endpointAddress.split('.').slice(1).join('.')}`;
      target.phases.renaming = undefined;
      this.put(target);
      [...this.instances.values()].filter((entry) => entry.data.sourceArn === oldArn).forEach((entry) => (entry.data.sourceArn = target.arn));
      this.event('renamed', target, at);
    });
    return { DBInstance: this.toDbInstance(target) };
  }

  private reboot(region: string, input: Record<string, unknown>): unknown {
    const target = this.find(region, input.DBInstanceIdentifier);
    if (target.status !== 'available') throw awsErrors.invalidState(`DB instance ${target.data.id} is not available (it is ${target.status}).`);
    if (input.ForceFailover === true && !target.data.multiAZ) throw awsErrors.rds('InvalidParameterCombination', 'ForceFailover requires a Multi-AZ DB instance.');
    const d = this.delays;
    target.phases.failingOver = 'requested';
    this.event('reboot-requested', target);
    this.schedule(d.failoverVisibleMs, () => {
      target.phases.failingOver = 'rebooting';
    });
    this.schedule(d.failoverMs, (at) => {
      target.phases.failingOver = undefined;
      if (input.ForceFailover === true) {
        const primaryZone = target.data.availabilityZone;
        target.data.availabilityZone = target.data.secondaryAvailabilityZone ?? primaryZone;
        target.data.secondaryAvailabilityZone = primaryZone;
      }
      this.event('reboot-done', target, at);
    });
    return { DBInstance: this.toDbInstance(target) };
  }

  private newInstance(region: string, input: Record<string, unknown>, base: Partial<SimInstanceData>): SimInstance {
    return new SimInstance(instanceDataFromRequest(region, this.accountId, input, base), this.accountId);
  }

  private createReplica(region: string, input: Record<string, unknown>): unknown {
    const id = String(input.DBInstanceIdentifier);
    if (this.instances.has(`${region}/${id}`)) throw awsErrors.alreadyExists(id);
    const sourceName = String(input.SourceDBInstanceIdentifier);
    const source = sourceName.startsWith('arn:') ? this.byArn(sourceName) : this.instances.get(`${region}/${sourceName}`);
    const sourceRegion = sourceName.startsWith('arn:') ? sourceName.split(':')[3] : region;
    if (sourceRegion !== region) {
      if (input.SourceRegion !== sourceRegion) throw awsErrors.rds('InvalidParameterCombination', 'A cross-region read replica needs SourceRegion (the SDK presigns the request with it).');
      if (typeof input.KmsKeyId !== 'string') throw awsErrors.rds('InvalidParameterCombination', 'An encrypted cross-region read replica needs a KmsKeyId in the destination region.');
    } else if (!sourceName.startsWith('arn:') && !source) {
      throw awsErrors.notFound(sourceName);
    }
    if (!source) throw awsErrors.notFound(sourceName);
    if (source.data.backupRetention <= 0) throw awsErrors.invalidState(`Automated backups are not enabled for ${source.data.id}.`);
    if (!['available', 'backing-up'].includes(source.status)) throw awsErrors.invalidState(`Source ${source.data.id} is ${source.status}, not available.`);
    const created = this.newInstance(region, input, { sourceArn: source.arn, lagSeconds: this.delays.newReplicaLagSeconds });
    created.phases.creating = true;
    this.put(created);
    this.event('replica-create-requested', created);
    this.schedule(this.delays.replicaCreateMs, (at) => {
      created.phases.creating = false;
      this.event('replica-available', created, at);
    });
    this.schedule(this.delays.replicaCreateMs + this.delays.replicaCatchUpMs, () => {
      created.data.lagSeconds = 0;
    });
    return { DBInstance: this.toDbInstance(created) };
  }

  private restore(region: string, input: Record<string, unknown>): unknown {
    const target = String(input.TargetDBInstanceIdentifier);
    if (this.instances.has(`${region}/${target}`)) throw awsErrors.alreadyExists(target);
    const source = this.find(region, input.SourceDBInstanceIdentifier);
    if (source.data.backupRetention <= 0) throw awsErrors.rds('PointInTimeRestoreNotEnabled', `${source.data.id} has no automated backups.`);
    if (input.RestoreTime instanceof Date && input.RestoreTime.getTime() > this.clock.now() - 5 * 60_000) throw awsErrors.invalidRestore('The restore time is after the latest restorable time.');
    const restored = this.newInstance(region, { ...input, DBInstanceIdentifier: target, KmsKeyId: undefined }, { kmsKeyId: source.data.kmsKeyId, backupRetention: typeof input.BackupRetentionPeriod === 'number' ? input.BackupRetentionPeriod : 1 });
    restored.phases.creating = true;
    this.put(restored);
    this.event('restore-requested', restored);
    this.schedule(this.delays.restoreMs, (at) => {
      restored.phases.creating = false;
      this.event('restore-available', restored, at);
    });
    return { DBInstance: this.toDbInstance(restored) };
  }

  private setParameters(region: string, input: Record<string, unknown>, reset: boolean): unknown {
    const group = String(input.DBParameterGroupName);
    const key = `${region}/${group}`;
    if (!this.parameters.has(key) && !group.startsWith('default')) this.parameters.set(key, new Map());
    const values = this.parameters.get(key);
    if (!values) throw awsErrors.parameterGroupNotFound(group);
    const changes = (input.Parameters as { ParameterName: string; ParameterValue?: string }[] | undefined) ?? [];
    changes.forEach((change) => (reset ? values.delete(change.ParameterName) : values.set(change.ParameterName, String(change.ParameterValue))));
    const fence = values.get('read_only') === '1';
    const d = this.delays;
    [...this.instances.values()]
      .filter((entry) => entry.data.region === region && entry.data.parameterGroup === group)
      .forEach((entry) => {
        this.schedule(d.parameterApplyVisibleMs, () => {
          entry.phases.parameterApply = 'applying';
        });
        this.schedule(d.parameterApplyVisibleMs + d.parameterApplyMs, (at) => {
          entry.phases.parameterApply = 'in-sync';
          entry.phases.fencedAt = fence ? at : undefined;
          this.event(fence ? 'fenced' : 'unfenced', entry);
        });
      });
    return { DBParameterGroupName: group };
  }

  private describeParameters(region: string, input: Record<string, unknown>): unknown {
    const values = this.parameters.get(`${region}/${String(input.DBParameterGroupName)}`);
    if (!values) throw awsErrors.parameterGroupNotFound(String(input.DBParameterGroupName));
    return { Parameters: [...values.entries()].map(([ParameterName, ParameterValue]) => ({ ParameterName, ParameterValue, Source: 'user', ApplyType: 'dynamic' })) };
  }

  private automatedBackups(region: string, input: Record<string, unknown>): unknown {
    const source = this.find(region, input.DBInstanceIdentifier);
    if (source.data.backupRetention <= 0) return { DBInstanceAutomatedBackups: [] };
    const now = this.clock.now();
    return {
      DBInstanceAutomatedBackups: [
        { DBInstanceIdentifier: source.data.id, Status: 'active', RestoreWindow: { EarliestTime: new Date(now - source.data.backupRetention * 86_400_000), LatestTime: new Date(now - 5 * 60_000) } },
      ],
    };
  }

  private getParameter(region: string, input: Record<string, unknown>): unknown {
    const value = this.ssm.get(`${region}|${String(input.Name)}`);
    if (value === undefined) throw awsErrors.ssmNotFound(String(input.Name));
    return { Parameter: { Name: input.Name, Value: value, Type: 'String' } };
  }

  private metricData(region: string, input: Record<string, unknown>): unknown {
    const query = (input.MetricDataQueries as { Id: string; MetricStat: { Metric: { MetricName: string; Dimensions: { Value: string }[] } } }[])[0];
    const id = query.MetricStat.Metric.Dimensions[0]?.Value;
    const instance = this.instances.get(`${region}/${id}`);
    const lag = instance && query.MetricStat.Metric.MetricName === 'ReplicaLag' ? this.currentLag(instance) : undefined;
    const period = this.delays.metricPeriodMs;
    const stamp = Math.floor((this.clock.now() - this.delays.metricDelayMs) / period) * period;
    return { MetricDataResults: [{ Id: query.Id, Timestamps: lag === undefined ? [] : [new Date(stamp)], Values: lag === undefined ? [] : [lag], StatusCode: 'Complete' }] };
  }
}
