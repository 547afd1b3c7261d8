import { spawnSync } from 'node:child_process';

export function terraformOnPath(): boolean {
  return spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * `describe` for suites that run the real terraform. Without terraform the suite is skipped and
 * says why, except in CI (CI=true), where a missing terraform is a failure.
 */
export function describeWithTerraform(name: string, body: () => void): void {
  if (terraformOnPath()) {
    describe(name, body);
  } else if (process.env['CI'] === 'true') {
    describe(name, () => {
      it('has terraform on PATH', () => {
        throw new Error('terraform is not on PATH; CI must install terraform 1.11 to run the offline plan tests');
      });
    });
  } else {
    describe.skip(`${name} (skipped: terraform is not on PATH)`, body);
  }
}
