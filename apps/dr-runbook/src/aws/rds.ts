import {
  type CreateDBInstanceReadReplicaCommandInput,
  CreateDBInstanceReadReplicaCommand,
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  DescribeDBParametersCommand,
  type ModifyDBInstanceCommandInput,
  ModifyDBInstanceCommand,
  type ModifyDBParameterGroupCommandInput,
  ModifyDBParameterGroupCommand,
  type PromoteReadReplicaCommandInput,
  PromoteReadReplicaCommand,
  type RebootDBInstanceCommandInput,
  RebootDBInstanceCommand,
  type ResetDBParameterGroupCommandInput,
  ResetDBParameterGroupCommand,
  type RestoreDBInstanceToPointInTimeCommandInput,
  RestoreDBInstanceToPointInTimeCommand,
} from '@aws-sdk/client-rds';
import type { AwsClients } from './clients';
import { AwsCallError, type AwsGateway, type CallOptions } from './gateway';
import { type InstanceView, toInstanceView } from './instance-view';

export interface RestoreWindow {
  readonly earliest?: string;
  readonly latest?: string;
}

/** The RDS control-plane calls the runbook makes, each through the gateway (logs, retries). */
export class RdsApi {
  constructor(
    private readonly gateway: AwsGateway,
    private readonly clients: AwsClients,
  ) {}

  /** The instance, or undefined when RDS says it does not exist. */
  async describe(region: string, id: string, options?: CallOptions): Promise<InstanceView | undefined> {
    try {
      const out = await this.gateway.call('rds', region, 'DescribeDBInstances', (abortSignal) => this.clients.rds(region).send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }), { abortSignal }), options);
      const db = out.DBInstances?.[0];
      return db ? toInstanceView(db, region) : undefined;
    } catch (error) {
      if (error instanceof AwsCallError && error.kind === 'not-found') return undefined;
      throw error;
    }
  }

  /** Every instance in the region (all pages). */
  async list(region: string, options?: CallOptions): Promise<InstanceView[]> {
    const views: InstanceView[] = [];
    let marker: string | undefined;
    do {
      const out = await this.gateway.call('rds', region, 'DescribeDBInstances', (abortSignal) => this.clients.rds(region).send(new DescribeDBInstancesCommand({ Marker: marker }), { abortSignal }), options);
      (out.DBInstances ?? []).forEach((db) => views.push(toInstanceView(db, region)));
      marker = out.Marker;
    } while (marker);
    return views;
  }

  async promote(region: string, input: PromoteReadReplicaCommandInput, options?: CallOptions): Promise<void> {
    await this.gateway.call('rds', region, 'PromoteReadReplica', (abortSignal) => this.clients.rds(region).send(new PromoteReadReplicaCommand(input), { abortSignal }), options);
  }

  async modify(region: string, input: ModifyDBInstanceCommandInput, options?: CallOptions): Promise<void> {
    await this.gateway.call('rds', region, 'ModifyDBInstance', (abortSignal) => this.clients.rds(region).send(new ModifyDBInstanceCommand(input), { abortSignal }), options);
  }

  async reboot(region: string, input: RebootDBInstanceCommandInput, options?: CallOptions): Promise<void> {
    await this.gateway.call('rds', region, 'RebootDBInstance', (abortSignal) => this.clients.rds(region).send(new RebootDBInstanceCommand(input), { abortSignal }), options);
  }

  async createReadReplica(region: string, input: CreateDBInstanceReadReplicaCommandInput, options?: CallOptions): Promise<void> {
    await this.gateway.call('rds', region, 'CreateDBInstanceReadReplica', (abortSignal) => this.clients.rds(region).send(new CreateDBInstanceReadReplicaCommand(input), { abortSignal }), options);
  }

  async restoreToPointInTime(region: string, input: RestoreDBInstanceToPointInTimeCommandInput, options?: CallOptions): Promise<void> {
    await this.gateway.call('rds', region, 'RestoreDBInstanceToPointInTime', (abortSignal) => this.clients.rds(region).send(new RestoreDBInstanceToPointInTimeCommand(input), { abortSignal }), options);
  }

  async modifyParameterGroup(region: string, input: ModifyDBParameterGroupCommandInput, options?: CallOptions): Promise<void> {
    await this.gateway.call('rds', region, 'ModifyDBParameterGroup', (abortSignal) => this.clients.rds(region).send(new ModifyDBParameterGroupCommand(input), { abortSignal }), options);
  }

  async resetParameterGroup(region: string, input: ResetDBParameterGroupCommandInput, options?: CallOptions): Promise<void> {
    await this.gateway.call('rds', region, 'ResetDBParameterGroup', (abortSignal) => this.clients.rds(region).send(new ResetDBParameterGroupCommand(input), { abortSignal }), options);
  }

  /** The value a user set for one parameter in a parameter group, or undefined if it has its default. */
  async userParameter(region: string, group: string, name: string, options?: CallOptions): Promise<string | undefined> {
    let marker: string | undefined;
    do {
      const out = await this.gateway.call('rds', region, 'DescribeDBParameters', (abortSignal) => this.clients.rds(region).send(new DescribeDBParametersCommand({ DBParameterGroupName: group, Source: 'user', Marker: marker }), { abortSignal }), options);
      const found = (out.Parameters ?? []).find((parameter) => parameter.ParameterName === name);
      if (found) return found.ParameterValue;
      marker = out.Marker;
    } while (marker);
    return undefined;
  }

  async restoreWindow(region: string, id: string, options?: CallOptions): Promise<RestoreWindow | undefined> {
    try {
      const out = await this.gateway.call('rds', region, 'DescribeDBInstanceAutomatedBackups', (abortSignal) => this.clients.rds(region).send(new DescribeDBInstanceAutomatedBackupsCommand({ DBInstanceIdentifier: id }), { abortSignal }), options);
      const backup = (out.DBInstanceAutomatedBackups ?? []).find((entry) => entry.Status === 'active') ?? out.DBInstanceAutomatedBackups?.[0];
      if (!backup?.RestoreWindow) return undefined;
      return { earliest: backup.RestoreWindow.EarliestTime?.toISOString(), latest: backup.RestoreWindow.LatestTime?.toISOString() };
    } catch (error) {
      if (error instanceof AwsCallError && error.kind === 'not-found') return undefined;
      throw error;
    }
  }
}
