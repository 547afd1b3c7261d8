import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseProcessorBundleManifest, PROCESSOR_BUNDLE_DIR, PROCESSOR_BUNDLE_MANIFEST } from './contracts/bundle-manifest';
import type { ProcessorBundle } from './construct/pipeline-props';

/**
 * For apps (not constructs): reads the manifest `nx run stream-processor:bundle` wrote and returns the
 * bundle with an absolute zip path, ready for DeviceEventPipeline.
 */
export function readProcessorBundle(workspaceRoot: string): ProcessorBundle {
  const file = join(workspaceRoot, PROCESSOR_BUNDLE_DIR, PROCESSOR_BUNDLE_MANIFEST);
  if (!existsSync(file)) throw new Error(`${file} does not exist. Build the stream processor first: npx nx run stream-processor:bundle`);
  const manifest = parseProcessorBundleManifest(JSON.parse(readFileSync(file, 'utf8')), file);
  const zipPath = resolve(workspaceRoot, manifest.zipPath);
  if (!existsSync(zipPath)) throw new Error(`${zipPath} does not exist. Rebuild it: npx nx run stream-processor:bundle --skip-nx-cache`);
  return { zipPath, sha256Base64: manifest.sha256Base64 };
}
