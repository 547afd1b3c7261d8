import { PutMetricDataCommand } from '@aws-sdk/client-cloudwatch';
import type { ExceptionContext, MotoException } from './types';

/** RDS publishes ReplicaLag once a minute; a few times a minute keeps a fresh datapoint in every one-minute bucket. */
const PUBLISH_EVERY_MS = 15_000;

/** One ReplicaLag datapoint of 0 s, now, for each database of the topology in every region that is up. */
async function publishReplicaLag({ topology, clients, gate }: ExceptionContext): Promise<number> {
  let published = 0;
  for (const region of topology.regions) {
    if (gate.isDown(region.region)) continue;
    await clients.cloudWatch(region.region).send(
      new PutMetricDataCommand({
        Namespace: 'AWS/RDS',
        MetricData: [{ MetricName: 'ReplicaLag', Dimensions: [{ Name: 'DBInstanceIdentifier', Value: region.names.dbInstanceIdentifier }], Timestamp: new Date(), Value: 0, Unit: 'Seconds' }],
      }),
    );
    published += 1;
  }
  return published;
}

export const rdsReplicaLagMetric: MotoException = {
  id: 'rds-replica-lag-metric',
  affects: "CloudWatch AWS/RDS ReplicaLag (read by the runbook's status, its failover pre-check and failback's catch-up and post-fence waits)",
  motoDoes: 'runs no databases, so no service publishes metrics: GetMetricData of ReplicaLag has no datapoint, and a wait for a replica to catch up never ends',
  rehearsalDoes:
    'while the runbook runs, publishes a ReplicaLag datapoint of 0 s every 15 s for the database of every region that is up (an idle replica that has caught up; primaries have none in RDS, and the runbook reads the metric only for replicas)',
  duringRunbook: (context) => {
    let rounds = 0;
    let failure: string | undefined;
    const publish = () =>
      publishReplicaLag(context).then(
        () => void (rounds += 1),
        (error: unknown) => void (failure = (error as Error).message),
      );
    void publish();
    const timer = setInterval(() => void publish(), PUBLISH_EVERY_MS);
    return () => {
      clearInterval(timer);
      if (failure) throw new Error(`publishing ReplicaLag failed: ${failure}`);
      return [`${rounds} round(s) of ReplicaLag 0 s`];
    };
  },
};
