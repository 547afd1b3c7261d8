import type { ReadOnlyCommand } from '../../runbook/command';
import type { StatusReport } from './model';
import { renderStatus } from './render';
import { statusReport } from './report';

export const statusCommand: ReadOnlyCommand<StatusReport> = {
  kind: 'read-only',
  usage: 'status',
  summary:
    'compare the topology with AWS: the databases (status, role, Multi-AZ, backups, latest restorable time, replica sources and lag, writer endpoint), Redis, the device event pipeline and the alarms; exit 3 when unhealthy, 7 when something could not be checked',
  guide: {
    synopsis: 'status',
    when: 'Any time, first. Topology beside AWS: roles, Multi-AZ, backups, replica lag, writer endpoint, Redis, the device event pipeline and the alarms in ALARM. Exit 3 when something is wrong, 7 when something could not be checked (and nothing else is wrong).',
  },
  details: `Read-only. Per region: the MySQL instance and the writer endpoint parameter; the Redis replication
group (available, Multi-AZ, automatic failover); the platform's CloudWatch alarms in ALARM (names
starting with the topology prefix, e.g. xyz-prod-). In the stream's home region: the Kinesis stream
(ACTIVE, open shards and retention as the topology says), the Lambda event source mapping from it
to the processor (Enabled) and the DynamoDB table (ACTIVE, stream on).

Exit 0 when everything was checked and is healthy. Exit 3 when a finding is an error (drift, lag
above the alarm threshold, a missing instance or service, a writer endpoint that points elsewhere,
an alarm in ALARM), even if something else could not be checked. Exit 7 when nothing checked is
wrong but something could not be checked (no credentials, access denied, a region or endpoint that
does not answer: "cannot check", with the reason); it says nothing about that part.`,
  options: [],
  read: statusReport,
  render: renderStatus,
  verdict: (report) => (report.health === 'healthy' ? 'ok' : report.health === 'unhealthy' ? 'problems' : 'unchecked'),
};
