import type { Topology } from '@xyz/topology';
import type { ObservedUpload } from './region-gate';

/**
 * What the state buckets' policies require of every upload, checked on the uploads the region gate
 * saw: SSE-KMS, naming that region's state key. Returns one line per offending upload.
 */
export function stateUploadViolations(topology: Topology, uploads: readonly ObservedUpload[]): string[] {
  const stores = new Map(topology.stateBackend.stores.map((store) => [store.bucket, store]));
  return uploads.flatMap((upload) => {
    const store = stores.get(upload.bucket);
    if (!store) return [];
    if (upload.sse !== 'aws:kms') return [`s3://${upload.bucket}/${upload.key}: uploaded with encryption ${upload.sse ?? '(none)'}, not aws:kms`];
    if (upload.kmsKeyId !== store.kmsAliasArn) return [`s3://${upload.bucket}/${upload.key}: uploaded with key ${upload.kmsKeyId ?? '(bucket default)'}, not ${store.kmsAliasArn}`];
    return [];
  });
}
