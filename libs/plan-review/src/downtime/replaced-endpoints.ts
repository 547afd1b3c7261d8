import { changeKind } from '@xyz/terraform-schema';
import type { ResourceChange } from '@xyz/terraform-schema';
import type { DowntimeWarning } from './warning';

/**
 * Resources clients reach by name (an endpoint, a URL, an ARN): replaced delete-before-create
 * (Terraform's default), the name points to nothing until the new resource is ready, and a new name
 * must reach every client. What that costs, per type.
 */
const WHAT_CLIENTS_LOSE: Readonly<Record<string, { readonly effect: string; readonly duration: string }>> = {
  aws_db_instance: { effect: 'the endpoint answers nothing from the deletion until the new instance is available, and the new instance starts from a snapshot or empty', duration: 'creating an RDS instance takes ten minutes or more, plus the restore' },
  aws_elasticache_replication_group: { effect: 'the cache endpoint is gone until the new replication group is available, and it starts cold', duration: 'creating a replication group takes ten minutes or more' },
  aws_kinesis_stream: { effect: 'producers and consumers fail until the new stream is ACTIVE; consumers start over on new shards', duration: 'about a minute, often more' },
  aws_dynamodb_table: { effect: 'reads and writes fail until the new table is ACTIVE, and it starts empty', duration: 'seconds to minutes' },
  // AWS: after deleting a queue, a queue of the same name can be created only after 60 seconds.
  aws_sqs_queue: { effect: 'senders and receivers of the queue URL fail until the new queue exists (and, under the same name, AWS creates it only 60 s after the deletion)', duration: 'at least a minute' },
  aws_sns_topic: { effect: 'publishers fail until the new topic exists, and e-mail subscriptions must be confirmed again', duration: 'until the subscriptions are confirmed' },
  // AWS: a deleted secret keeps its name for the recovery window (7-30 days) unless deleted without recovery.
  aws_secretsmanager_secret: { effect: 'readers fail, and creating the new secret under the same name fails while the old one waits out its recovery window', duration: 'up to the recovery window (7–30 days) unless the old secret is force-deleted' },
};

export function replacementDowntime(change: ResourceChange): DowntimeWarning[] {
  const lost = WHAT_CLIENTS_LOSE[change.type];
  if (!lost || changeKind(change) !== 'replace' || change.change.actions[0] !== 'delete') return [];
  return [{ address: change.address, change: 'replaced: deleted before its replacement exists', ...lost, when: 'during this apply' }];
}
