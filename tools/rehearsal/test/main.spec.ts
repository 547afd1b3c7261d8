import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const rehearse = (env: NodeJS.ProcessEnv, args: string[] = []) =>
  spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['--tsconfig', 'tsconfig.base.json', 'tools/rehearsal/src/main.ts', ...args], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });

describe('npm run rehearse', () => {
  const withoutMoto = { ...process.env };
  delete withoutMoto.MOTO_URL;

  it('exits 2 with the instructions to start moto when MOTO_URL is not set, before touching anything', () => {
    const run = rehearse(withoutMoto);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: MOTO_URL is not set\.\nThe rehearsal runs against a moto server .*\n.*moto_server -p 5055.*\n\s+MOTO_URL=http:\/\/127\.0\.0\.1:5055 npm run rehearse\n$/);
    expect(run.stdout).toBe('');
  });

  it('refuses an address that is not on loopback', () => {
    const run = rehearse({ ...withoutMoto, MOTO_URL: 'https://s3.amazonaws.com' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/never a real endpoint/);
  });

  it('explains itself with --help', () => {
    const run = rehearse(withoutMoto, ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/take us-east-1 away/);
    expect(run.stdout).toMatch(/MOTO_URL=http:\/\/127\.0\.0\.1:5055 npm run rehearse/);
  });
});
