import { createHash } from 'node:crypto';
import { posix } from 'node:path';
import { build } from 'esbuild';
import { createDeterministicZip } from './deterministic-zip';

/** The processor's Lambda entry point, relative to the repository root. */
export const PROCESSOR_ENTRY_POINT = 'libs/stream-processor/src/lambda-handler.ts';

export interface ProcessorBundleBuild {
  readonly zip: Buffer;
  readonly sha256Base64: string;
  readonly entryPoint: string;
  readonly scriptBytes: number;
}

/**
 * Bundles the processor (and its dependencies, the AWS SDK included, so the code does not change with
 * the runtime's SDK) into one minified index.js and zips it deterministically. Reads the sources through
 * esbuild; writes nothing.
 */
export async function buildProcessorBundle(workspaceRoot: string, entryPoint = PROCESSOR_ENTRY_POINT): Promise<ProcessorBundleBuild> {
  const result = await build({
    absWorkingDir: workspaceRoot,
    entryPoints: [entryPoint],
    outfile: 'index.js',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    minify: true,
    legalComments: 'none',
    sourcemap: false,
    charset: 'utf8',
    tsconfig: 'tsconfig.base.json',
    write: false,
    logLevel: 'silent',
  });
  const script = result.outputFiles.find((file) => posix.basename(file.path.replace(/\\/g, '/')) === 'index.js');
  if (!script) throw new Error(`esbuild produced no index.js for ${entryPoint}`);
  const zip = createDeterministicZip([{ name: 'index.js', data: script.contents }]);
  return { zip, sha256Base64: createHash('sha256').update(zip).digest('base64'), entryPoint, scriptBytes: script.contents.byteLength };
}
