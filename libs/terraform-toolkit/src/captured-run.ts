import { spawnSync } from 'node:child_process';
import { terraformEnvironment } from './cli-config';

/** cdk.tf.json is one line, which terraform quotes in every diagnostic; keep the messages readable. */
function shorten(output: string): string {
  return output
    .split('\n')
    .map((line) => (line.length > 300 ? `${line.slice(0, 300)} ...` : line))
    .join('\n');
}

/**
 * Runs terraform in `cwd`, initialised the project's way (terraformEnvironment), and returns what
 * it printed: for tests and the fixture generator, which read terraform's JSON output. Throws with
 * terraform's own messages when it fails. The runner CLI's commands use `terraform()` instead.
 */
export function terraformOutput(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  const result = spawnSync('terraform', [...args], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: terraformEnvironment(env) });
  if (result.error) throw new Error(`terraform ${args[0]}: ${result.error.message} (is terraform on PATH?)`);
  if (result.status !== 0) throw new Error(`terraform ${args.join(' ')} failed in ${cwd}:\n${shorten(result.stderr || result.stdout)}`);
  return result.stdout;
}
