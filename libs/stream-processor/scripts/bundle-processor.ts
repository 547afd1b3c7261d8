// Builds the stream processor's deployment package: `nx run stream-processor:bundle` (cached; outputs in
// dist/stream-processor). Apps read the manifest it writes and pass it to DeviceEventPipeline.
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { PROCESSOR_BUNDLE_DIR, PROCESSOR_BUNDLE_MANIFEST, PROCESSOR_BUNDLE_ZIP, type ProcessorBundleManifest } from '@xyz/stream/contracts';
import { buildProcessorBundle, PROCESSOR_ENTRY_POINT } from '../src/bundle/build-processor-bundle';

/** The directory holding nx.json, found from this file wherever it runs from (source, or a bundle under dist/). */
function findWorkspaceRoot(start: string): string {
  for (let dir = start; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
  }
  throw new Error(`no nx.json above ${start}`);
}

const WORKSPACE_ROOT = findWorkspaceRoot(__dirname);
const EXIT_BUILD_FAILED = 1;
const EXIT_USAGE = 2;

function writeAtomically(file: string, contents: string | Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, file);
}

function nonEmpty(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('must not be empty');
  return value;
}

async function main(argv: string[]): Promise<void> {
  const program = new Command('bundle-processor')
    .description(
      'Bundle the device event processor Lambda with esbuild into a deterministic zip: the same sources always give the same bytes, ' +
        'so the same SHA-256 and no Terraform plan diff.',
    )
    .option('--out-dir <dir>', 'directory for the zip and its manifest, relative to the repository root', nonEmpty, PROCESSOR_BUNDLE_DIR)
    .addHelpText(
      'after',
      `\nWrites <out-dir>/${PROCESSOR_BUNDLE_ZIP} and <out-dir>/${PROCESSOR_BUNDLE_MANIFEST} ({ zipPath, sha256Base64, zipBytes, entryPoint }).\n` +
        'Usually run through Nx, which caches it: npx nx run stream-processor:bundle\n' +
        `Exit codes: 0 written, ${EXIT_BUILD_FAILED} the build or the write failed, ${EXIT_USAGE} bad arguments.`,
    )
    .exitOverride()
    .parse(argv);
  const { outDir } = program.opts<{ outDir: string }>();

  const started = Date.now();
  process.stdout.write(`Bundling ${PROCESSOR_ENTRY_POINT} ...\n`);
  const bundle = await buildProcessorBundle(WORKSPACE_ROOT);

  const directory = isAbsolute(outDir) ? outDir : join(WORKSPACE_ROOT, outDir);
  mkdirSync(directory, { recursive: true });
  const zipFile = join(directory, PROCESSOR_BUNDLE_ZIP);
  const fromRoot = relative(WORKSPACE_ROOT, zipFile);
  const manifest: ProcessorBundleManifest = {
    zipPath: fromRoot.startsWith('..') ? zipFile : fromRoot.split('\\').join('/'),
    sha256Base64: bundle.sha256Base64,
    zipBytes: bundle.zip.byteLength,
    entryPoint: bundle.entryPoint,
  };
  writeAtomically(zipFile, bundle.zip);
  writeAtomically(join(directory, PROCESSOR_BUNDLE_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);

  const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
  process.stdout.write(
    `Wrote ${manifest.zipPath} (${kib(bundle.zip.byteLength)}; index.js ${kib(bundle.scriptBytes)}) in ${Date.now() - started} ms\n` +
      `sha256 (base64): ${bundle.sha256Base64}\n`,
  );
}

main(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // Commander has printed the usage error or the help already.
    process.exitCode = error.exitCode === 0 ? 0 : EXIT_USAGE;
    return;
  }
  process.stderr.write(`bundle-processor: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = EXIT_BUILD_FAILED;
});
