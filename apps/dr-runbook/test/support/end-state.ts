import { Harness } from './harness';

/** Runs each command to completion on a fresh simulation and returns the end state (the reference). */
export async function referenceEndState(commands: readonly (readonly string[])[], options?: ConstructorParameters<typeof Harness>[0]) {
  const reference = new Harness(options);
  try {
    for (const args of commands) {
      const result = await reference.run(args);
      if (result.code !== 0) throw new Error(`the reference run of ${args.join(' ')} failed (${result.code}):\n${result.stdout}${result.stderr}`);
    }
    return reference.sim.snapshot();
  } finally {
    reference.cleanup();
  }
}
