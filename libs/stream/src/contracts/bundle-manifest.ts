import { z } from 'zod';

/** Where `nx run stream-processor:bundle` writes, relative to the repository root. */
export const PROCESSOR_BUNDLE_DIR = 'dist/stream-processor';
export const PROCESSOR_BUNDLE_ZIP = 'processor.zip';
/** JSON file next to the zip describing it; apps read it and pass the result to DeviceEventPipeline. */
export const PROCESSOR_BUNDLE_MANIFEST = 'processor-bundle.json';

export const processorBundleManifestSchema = z.strictObject({
  /** The zip, relative to the repository root (the directory of cdktf.json). */
  zipPath: z.string().endsWith('.zip'),
  sha256Base64: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'a base64 SHA-256'),
  zipBytes: z.number().int().positive(),
  entryPoint: z.string(),
});

export type ProcessorBundleManifest = z.infer<typeof processorBundleManifestSchema>;

/** Validates a parsed manifest; the message says how to rebuild one. */
export function parseProcessorBundleManifest(json: unknown, source = PROCESSOR_BUNDLE_MANIFEST): ProcessorBundleManifest {
  const parsed = processorBundleManifestSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}. Rebuild it with: npx nx run stream-processor:bundle`);
}
