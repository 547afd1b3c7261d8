// The deployment package: deterministic, a valid zip, and it checks its environment on its own.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildProcessorBundle, type ProcessorBundleBuild } from '../src/bundle/build-processor-bundle';
import { unpackIndexJs } from '../src/testing';

jest.setTimeout(120_000);

const WORKSPACE_ROOT = resolve(__dirname, '..', '..', '..');
const unzipAvailable = spawnSync('unzip', ['-v'], { stdio: 'ignore' }).status === 0;

let first: ProcessorBundleBuild;
let second: ProcessorBundleBuild;
let zipFile: string;

beforeAll(async () => {
  first = await buildProcessorBundle(WORKSPACE_ROOT);
  second = await buildProcessorBundle(WORKSPACE_ROOT);
  zipFile = join(mkdtempSync(join(tmpdir(), 'processor-bundle-')), 'processor.zip');
  writeFileSync(zipFile, first.zip);
});

describe('the processor bundle', () => {
  it('is byte-identical across builds of the same sources, so its hash (and the plan) does not change', () => {
    expect(first.zip.equals(second.zip)).toBe(true);
    expect(second.sha256Base64).toBe(first.sha256Base64);
    expect(first.sha256Base64).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  // unzip is part of every CI image we use; it is only missing on bare machines.
  (unzipAvailable ? it : it.skip)('is a valid zip holding index.js alone, with fixed timestamps and a readable mode', () => {
    expect(execFileSync('unzip', ['-t', zipFile], { encoding: 'utf8' })).toMatch(/No errors detected/);
    const listing = execFileSync('zipinfo', [zipFile], { encoding: 'utf8' });
    expect(listing).toMatch(/^-rw-r--r--.* stor 80-Jan-01 00:00 index\.js$/m);
    expect(listing).toMatch(/1 file/);
  });

  it('loads nothing of the construct: no cdktf, no provider bindings', () => {
    const script = first.zip.toString('utf8');
    expect(script).not.toMatch(/cdktf|@cdktf\/provider-aws|TerraformStack/);
  });

  it('fails at start, run on its own as Lambda runs it, with a message naming the missing variable', () => {
    const run = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(unpackIndexJs(first))})`], { encoding: 'utf8', timeout: 30_000, env: { PATH: process.env['PATH'] } });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('TABLE_NAME is not set');
  });
});
