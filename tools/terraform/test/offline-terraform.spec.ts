import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithTerraform } from '@xyz/terraform-toolkit/testing';

const ROOT = join(__dirname, '..', '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const STACKS = ['state-backend', 'primary-east', 'replica-west', 'replica-ohio'];

interface ResourceChange {
  address: string;
  type: string;
  change: { actions: string[]; after: Record<string, unknown> };
}

describeWithTerraform('real terraform with the real AWS provider, no cloud account', () => {
  const outdir = mkdtempSync(join(tmpdir(), 'cdktf-out-'));
  const env = { ...process.env, CDKTF_OUTDIR: outdir };
  const runTool = (args: string[]) =>
    spawnSync(TSX, ['--tsconfig', 'tsconfig.base.json', 'tools/terraform/src/main.ts', ...args], { cwd: ROOT, env, encoding: 'utf8' });
  const plan = (stack: string) => JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'plan.json'), 'utf8')) as { resource_changes: ResourceChange[] };

  beforeAll(() => {
    for (const stack of STACKS) {
      execFileSync(process.execPath, ['tools/synth/run-app.cjs', stack], { cwd: ROOT, env, encoding: 'utf8' });
    }
  });

  it.each(STACKS)('terraform validate passes for %s', (stack) => {
    const result = runTool(['validate', stack]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`[${stack}] terraform validate done`);
  });

  it.each(STACKS)('an offline terraform plan of %s passes the provider validation and writes plan.json', (stack) => {
    const result = runTool(['plan', stack, '--offline']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`\\[${stack}\\] plan \\(offline\\): \\d+ to create, 0 to update, 0 to replace, 0 to delete`));
    expect(existsSync(join(outdir, 'stacks', stack, 'plan.json'))).toBe(true);
  });

  it('plans the Multi-AZ, encrypted primary in us-east-1', () => {
    const db = plan('primary-east').resource_changes.find((c) => c.type === 'aws_db_instance');
    expect(db?.change.actions).toEqual(['create']);
    expect(db?.change.after).toMatchObject({ identifier: 'xyz-prod-mysql-use1', multi_az: true, storage_encrypted: true, backup_retention_period: 2 });
    expect(db?.change.after.password).toBeNull();
  });

  it("plans each replica from the primary's ARN taken from the (stand-in) remote state", () => {
    for (const stack of ['replica-west', 'replica-ohio']) {
      const db = plan(stack).resource_changes.find((c) => c.type === 'aws_db_instance');
      expect(db?.change.after.replicate_source_db).toBe('arn:aws:rds:us-east-1:111122223333:db:xyz-prod-mysql-use1');
    }
  });

  it('never writes offline overrides into the real stack directory', () => {
    for (const stack of STACKS) {
      expect(existsSync(join(outdir, 'stacks', stack, 'offline_override.tf.json'))).toBe(false);
      expect(existsSync(join(outdir, 'offline', stack, 'offline_override.tf.json'))).toBe(true);
    }
  });

  it('explains how to get a missing synthesized stack instead of failing obscurely', () => {
    const result = spawnSync(TSX, ['--tsconfig', 'tsconfig.base.json', 'tools/terraform/src/main.ts', 'validate', 'primary-east'], {
      cwd: ROOT,
      env: { ...process.env, CDKTF_OUTDIR: mkdtempSync(join(tmpdir(), 'empty-out-')) },
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/cdk\.tf\.json does not exist\. Synthesize it first: npx nx run primary-east:synth/);
  });

  it('refuses an unknown stack name with the list of stacks', () => {
    const result = runTool(['plan', 'replica-mars']);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('unknown stack "replica-mars"; stacks are state-backend, primary-east, replica-west, replica-ohio');
  });
});
