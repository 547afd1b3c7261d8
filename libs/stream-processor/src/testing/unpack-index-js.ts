import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProcessorBundleBuild } from '../bundle/build-processor-bundle';

const ENTRY = 'index.js';
const LOCAL_HEADER_BYTES = 30;

/** Unpacks the bundle's index.js (the zip's only entry, stored) into a fresh directory; returns its path. */
export function unpackIndexJs(bundle: ProcessorBundleBuild): string {
  const directory = mkdtempSync(join(tmpdir(), 'processor-run-'));
  const dataStart = LOCAL_HEADER_BYTES + ENTRY.length;
  writeFileSync(join(directory, ENTRY), bundle.zip.subarray(dataStart, dataStart + bundle.scriptBytes));
  return join(directory, ENTRY);
}
