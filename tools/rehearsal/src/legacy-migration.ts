import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { stateLocation, type Topology } from '@xyz/topology';
import type { EmulatorClients } from './emulator-clients';
import { RehearsalFailure } from './stack-operations';

/** Where the layout before the regional stores kept every stack's state: one bucket in us-east-1. */
export const SINGLE_BUCKET_REGION = 'us-east-1';

function singleBucketName(topology: Topology): string {
  return `${topology.project}-${topology.environmentShort}-terraform-state-${topology.accountId}`;
}

/** What a move must keep: every resource and output, as Terraform recorded them. */
interface StateContent {
  readonly lineage: string;
  readonly serial: number;
  readonly resources: unknown[];
  readonly outputs: Record<string, unknown>;
}

async function readState(s3: S3Client, bucket: string, key: string): Promise<{ text: string; content: StateContent }> {
  const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const text = (await answer.Body?.transformToString()) ?? '';
  return { text, content: JSON.parse(text) as StateContent };
}

/**
 * Puts a stack's state back where the single-bucket layout kept it (and only there), as a
 * deployment made before the regional stores has it. Returns what the README's move must bring back.
 */
export async function stageSingleBucketState(topology: Topology, clients: EmulatorClients, stack: string): Promise<{ content: StateContent; bucket: string; key: string }> {
  const location = stateLocation(topology, stack);
  const legacyBucket = singleBucketName(topology);
  const legacy = clients.s3(SINGLE_BUCKET_REGION);
  const regional = clients.s3(location.region);
  const current = await readState(regional, location.bucket, location.key);
  await legacy.send(new CreateBucketCommand({ Bucket: legacyBucket }));
  // The old backend had encrypt = true and no kms_key_id: SSE-S3.
  await legacy.send(new PutObjectCommand({ Bucket: legacyBucket, Key: location.key, Body: current.text, ServerSideEncryption: 'AES256' }));
  await regional.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: location.key }));
  return { content: current.content, bucket: legacyBucket, key: location.key };
}

/**
 * The state the move wrote to the stack's regional bucket must hold exactly the staged resources
 * and outputs. (Terraform writes a state copied between backends under a new lineage, serial 1.)
 */
export async function checkMovedState(topology: Topology, clients: EmulatorClients, stack: string, staged: StateContent): Promise<string> {
  const location = stateLocation(topology, stack);
  const where = `s3://${location.bucket}/${location.key}`;
  const moved = await readState(clients.s3(location.region), location.bucket, location.key).catch((error: unknown) => {
    throw new RehearsalFailure(`after migrate-state --from-bucket, ${where} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  });
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(moved.content.resources, staged.resources) || !same(moved.content.outputs, staged.outputs)) {
    throw new RehearsalFailure(
      `after migrate-state --from-bucket, ${where} does not hold the moved state: ${moved.content.resources.length} resource(s) and ${Object.keys(moved.content.outputs).length} output(s), where the old bucket had ${staged.resources.length} and ${Object.keys(staged.outputs).length}, or they differ`,
    );
  }
  return `${where}: the same ${staged.resources.length} resources and ${Object.keys(staged.outputs).length} outputs (lineage ${staged.lineage.slice(0, 8)}… serial ${staged.serial} -> ${moved.content.lineage.slice(0, 8)}… serial ${moved.content.serial})`;
}
