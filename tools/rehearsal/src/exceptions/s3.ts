import { CopyObjectCommand } from '@aws-sdk/client-s3';
import { stateLocation } from '@xyz/topology';
import { resourcesOf } from '../stack-edits';
import type { ExceptionContext, MotoException } from './types';

const TRANSITION_SIZE_HEADER = 'x-amz-transition-default-minimum-object-size';

/** The transition size each bucket's last PutBucketLifecycleConfiguration asked for, by region/bucket. */
const transitionSizes = new Map<string, string>();

export const lifecycleTransitionSize: MotoException = {
  id: 's3-lifecycle-transition-size',
  affects: 'aws_s3_bucket_lifecycle_configuration',
  motoDoes:
    'ignores the x-amz-transition-default-minimum-object-size header of PutBucketLifecycleConfiguration and leaves it out of GetBucketLifecycleConfiguration, so the provider waits for the setting it sent (all_storage_classes_128K) until its 3-minute timeout',
  rehearsalDoes: 'the region gate remembers the header each bucket was given and adds it to that bucket\'s GetBucketLifecycleConfiguration answers, as S3 does',
  patchExchange: (request) => {
    if (request.service !== 's3' || !/(^|&)lifecycle(=|&|$)/.test(request.query)) return undefined;
    const bucket = `${request.region}/${request.path.split('/')[1] ?? ''}`;
    const sent = request.headers[TRANSITION_SIZE_HEADER];
    if (request.method === 'PUT' && typeof sent === 'string') transitionSizes.set(bucket, sent);
    const remembered = transitionSizes.get(bucket);
    if (request.method !== 'GET' || !remembered) return undefined;
    return { headers: { [TRANSITION_SIZE_HEADER]: remembered }, detail: bucket };
  },
};

export const stateReplication: MotoException = {
  id: 's3-replication',
  affects: 'aws_s3_bucket_replication_configuration (the state buckets)',
  motoDoes: 'stores the replication configuration and returns it, but never copies an object',
  rehearsalDoes: "after each apply, copies the stack's state object to every other region's state bucket with CopyObject, re-encrypted with that region's key, as S3 replication would; a copy to a region that is down waits until it is back",
  afterStateWrite: async (stackName, context) => replicateState(stackName, context),
};

async function replicateState(stackName: string, { topology, clients, gate, replicationBacklog }: ExceptionContext): Promise<string[]> {
  const done: string[] = [];
  const sources = new Set([stackName, ...replicationBacklog]);
  replicationBacklog.clear();
  for (const stack of sources) {
    const source = stateLocation(topology, stack);
    for (const store of topology.stateBackend.stores) {
      if (store.region === source.region) continue;
      if (gate.isDown(store.region) || gate.isDown(source.region)) {
        replicationBacklog.add(stack);
        done.push(`${stack} -> ${store.region}: waits (region down)`);
        continue;
      }
      await clients.s3(store.region).send(
        new CopyObjectCommand({
          Bucket: store.bucket,
          Key: source.key,
          CopySource: `${source.bucket}/${source.key}`,
          ServerSideEncryption: 'aws:kms',
          SSEKMSKeyId: store.kmsAliasArn,
        }),
      );
      done.push(`${stack} -> ${store.bucket}`);
    }
  }
  return done;
}

/** The condition operators moto evaluates in a bucket policy; it reads a statement with any other as if its condition held. */
const MOTO_CONDITION_OPERATORS = ['StringEquals'];

interface PolicyStatement {
  readonly Effect?: string;
  readonly Condition?: Record<string, unknown>;
}

export const conditionalDenies: MotoException = {
  id: 's3-bucket-policy-conditions',
  affects: 'aws_s3_bucket_policy (TLS-only and SSE-KMS-only statements of the state and log buckets)',
  motoDoes:
    'evaluates bucket policies on object requests but only the StringEquals operator: a Deny whose condition uses Bool or StringNotEquals is read as unconditional, so every HEAD/GET/PUT of state is refused (403); it also fails PutBucketLogging with HTTP 500 when the target bucket\'s policy has a string Principal "*"',
  rehearsalDoes:
    "applies the bucket policies without those Deny statements, and enforces their upload rule itself: the region gate records every PutObject to a state bucket and the run fails unless each one asks for aws:kms with that region's state key (TLS cannot be checked: moto speaks plain HTTP)",
  adjustStack: (json) => {
    const changed: string[] = [];
    for (const [name, policy] of resourcesOf(json, 'aws_s3_bucket_policy')) {
      const document = JSON.parse(String(policy.policy)) as { Statement: PolicyStatement[] };
      const kept = document.Statement.filter(
        (statement) => statement.Effect !== 'Deny' || !statement.Condition || Object.keys(statement.Condition).every((operator) => MOTO_CONDITION_OPERATORS.includes(operator)),
      );
      if (kept.length === document.Statement.length) continue;
      if (kept.length === 0) delete json.resource?.aws_s3_bucket_policy?.[name];
      else policy.policy = JSON.stringify({ ...document, Statement: kept });
      changed.push(`aws_s3_bucket_policy.${name}: ${document.Statement.length - kept.length} conditional Deny statement(s) left out`);
    }
    return changed;
  },
};

