import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '..', '..', '..');

function runBench(): Promise<{ code: number | null; stdout: string }> {
  return new Promise((done, fail) => {
    const child = spawn('npm', ['run', '--silent', 'bench:runbook'], { cwd: REPO_ROOT, env: { ...process.env, NODE_OPTIONS: '' } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout }));
  });
}

/** Runs `npm run bench:runbook` and holds its targets, so a slower failover or harder polling fails a test. */
describe('npm run bench:runbook', () => {
  it('ends with a JSON line: RTO within 5 % of the critical path, at most 6 describes a minute per instance while waiting', async () => {
    const { code, stdout } = await runBench();
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    const figures = JSON.parse(lines[lines.length - 1]) as { status: string; promoteCalls: number; rtoRatio: number; rtoSeconds: number; rtoLowerBoundSeconds: number; maxDescribeCallsPerMinutePerInstanceWhileWaiting: number; waitingMinutes: number };
    expect(figures.status).toBe('warnings');
    expect(figures.promoteCalls).toBe(1);
    expect(figures.rtoRatio).toBeLessThanOrEqual(1.05);
    expect(figures.rtoSeconds).toBeGreaterThanOrEqual(figures.rtoLowerBoundSeconds);
    expect(figures.maxDescribeCallsPerMinutePerInstanceWhileWaiting).toBeLessThanOrEqual(6);
    expect(figures.waitingMinutes).toBeGreaterThan(30);
  });
});
