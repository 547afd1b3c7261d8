import { spawnSync } from 'node:child_process';

/**
 * Whether tests that need the terraform binary can run. On a developer machine without it they
 * are skipped with a reason; in CI (CI=true) a missing terraform fails the suite instead.
 */
export function terraformAvailable(): boolean {
  const found = spawnSync('terraform', ['version'], { encoding: 'utf8' }).status === 0;
  if (!found && process.env.CI === 'true') {
    throw new Error('terraform is not on PATH, and CI=true: offline validation and planning must run in CI.');
  }
  if (!found) console.warn('SKIPPED: terraform is not on PATH, so real validate/plan tests cannot run here.');
  return found;
}
