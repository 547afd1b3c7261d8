import { CreateBucketCommand, DeleteObjectCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { stateLocation, type Topology } from '@xyz/topology';
import type { EmulatorClients } from './emulator-clients';
import { RehearsalFailure } from './stack-operations';

/** Where the layout before the regional stores kept every stack's state: one bucket in us-east-1. */
export const SINGLE_BUCKET_REGION = 'us-east-1';

export function singleBucketName(topology: Topology): string {
  return `${topology.project}-${topology.environmentShort}-terraform-state-${topology.accountId}`;
}

interface StateIdentity {
  readonly lineage: string;
  readonly serial: number;
}

async function readState(s3: S3Client, bucket: string, key: string): Promise<{ text: string; identity: StateIdentity }> {
  const answer = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  const text = (await answer.Body?.transformToString()) ?? '';
  const { lineage, serial } = JSON.parse(text) as StateIdentity;
  return { text, identity: { lineage, serial } };
}

/**
 * Puts a stack's state back where the single-bucket layout kept it (and only there), as a
 * deployment made before the regional stores has it. Returns what the README's move must bring back.
 */
export async function stageSingleBucketState(topology: Topology, clients: EmulatorClients, stack: string): Promise<StateIdentity & { bucket: string; key: string }> {
  const location = stateLocation(topology, stack);
  const legacyBucket = singleBucketName(topology);
  const legacy = clients.s3(SINGLE_BUCKET_REGION);
  const regional = clients.s3(location.region);
  const current = await readState(regional, location.bucket, location.key);
  await legacy.send(new CreateBucketCommand({ Bucket: legacyBucket }));
  // The old backend had encrypt = true and no kms_key_id: SSE-S3.
  await legacy.send(new PutObjectCommand({ Bucket: legacyBucket, Key: location.key, Body: current.text, ServerSideEncryption: 'AES256' }));
  await regional.send(new DeleteObjectCommand({ Bucket: location.bucket, Key: location.key }));
  return { ...current.identity, bucket: legacyBucket, key: location.key };
}

/** The state the move wrote to the stack's regional bucket must be the staged one. */
export async function checkMovedState(topology: Topology, clients: EmulatorClients, stack: string, staged: StateIdentity): Promise<string> {
  const location = stateLocation(topology, stack);
  const moved = await readState(clients.s3(location.region), location.bucket, location.key).catch((error: unknown) => {
    throw new RehearsalFailure(`after migrate-state --from-bucket, s3://${location.bucket}/${location.key} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  });
  if (moved.identity.lineage !== staged.lineage || moved.identity.serial < staged.serial) {
    throw new RehearsalFailure(
      `after migrate-state --from-bucket, s3://${location.bucket}/${location.key} holds lineage ${moved.identity.lineage} serial ${moved.identity.serial}, not the moved state (lineage ${staged.lineage}, serial ${staged.serial})`,
    );
  }
  return `s3://${location.bucket}/${location.key} (lineage ${staged.lineage.slice(0, 8)}…, serial ${moved.identity.serial})`;
}
