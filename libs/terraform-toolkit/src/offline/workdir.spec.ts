import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OFFLINE_OVERRIDE_FILE, OFFLINE_STATE_FILE } from './override';
import { prepareOfflineWorkdir, type RemoteStateStandIn } from './workdir';

const stack = {
  terraform: { backend: { s3: { bucket: 'state', key: 'production/replica-west.tfstate' } } },
  provider: { aws: [{ region: 'us-west-2' }] },
  data: { terraform_remote_state: { 'primary-state': { backend: 's3', config: { key: 'production/primary-east.tfstate' } } } },
};

function setUp(): { stackDir: string; workdir: string } {
  const root = mkdtempSync(join(tmpdir(), 'offline-workdir-'));
  const stackDir = join(root, 'stacks', 'replica-west');
  const workdir = join(root, 'offline', 'replica-west');
  mkdirSync(join(stackDir, 'assets', 'processor'), { recursive: true });
  mkdirSync(join(stackDir, '.terraform'), { recursive: true });
  writeFileSync(join(stackDir, 'cdk.tf.json'), JSON.stringify(stack));
  writeFileSync(join(stackDir, 'assets', 'processor', 'bundle.zip'), 'zip');
  writeFileSync(join(stackDir, 'plan.json'), '{}');
  mkdirSync(join(workdir, '.terraform', 'providers'), { recursive: true });
  writeFileSync(join(workdir, '.terraform.lock.hcl'), '# lock');
  writeFileSync(join(workdir, 'stale_override.tf.json'), '{}');
  return { stackDir, workdir };
}

const primary: RemoteStateStandIn = { stack: 'primary-east', outputs: { db_instance_arn: 'arn:aws:rds:us-east-1:111122223333:db:p' } };

describe('prepareOfflineWorkdir', () => {
  it('copies the stack without its plans or terraform files, and keeps the installed providers of the last run', () => {
    const { stackDir, workdir } = setUp();
    prepareOfflineWorkdir({ stackDir, workdir, synthesized: stack, remoteState: () => primary });
    expect(readFileSync(join(workdir, 'assets', 'processor', 'bundle.zip'), 'utf8')).toBe('zip');
    expect(existsSync(join(workdir, 'cdk.tf.json'))).toBe(true);
    expect(existsSync(join(workdir, 'plan.json'))).toBe(false);
    expect(existsSync(join(workdir, 'stale_override.tf.json'))).toBe(false);
    expect(existsSync(join(workdir, '.terraform', 'providers'))).toBe(true);
    expect(readFileSync(join(workdir, '.terraform.lock.hcl'), 'utf8')).toBe('# lock');
    expect(existsSync(join(stackDir, OFFLINE_OVERRIDE_FILE))).toBe(false);
  });

  it('reads each remote state from a local stand-in holding the outputs of the stack that writes it', () => {
    const { stackDir, workdir } = setUp();
    const asked: string[] = [];
    const remoteState = (key: string): RemoteStateStandIn => {
      asked.push(key);
      return primary;
    };
    prepareOfflineWorkdir({ stackDir, workdir, synthesized: stack, remoteState });
    expect(asked).toEqual(['production/primary-east.tfstate']);
    const standIn = join(workdir, 'stand-in.primary-east.tfstate');
    expect(JSON.parse(readFileSync(standIn, 'utf8'))).toMatchObject({ version: 4, outputs: { db_instance_arn: { value: primary.outputs['db_instance_arn'], type: 'string' } }, resources: [] });
    const override = JSON.parse(readFileSync(join(workdir, OFFLINE_OVERRIDE_FILE), 'utf8'));
    expect(override.terraform).toEqual({ backend: { local: { path: OFFLINE_STATE_FILE } } });
    expect(override.data).toEqual({ terraform_remote_state: { 'primary-state': { backend: 'local', config: { path: standIn } } } });
  });

  it('starts the local backend from the given state, and from nothing otherwise', () => {
    const { stackDir, workdir } = setUp();
    prepareOfflineWorkdir({ stackDir, workdir, synthesized: stack, remoteState: () => primary, priorState: '{"version":4}' });
    expect(readFileSync(join(workdir, OFFLINE_STATE_FILE), 'utf8')).toBe('{"version":4}');
    prepareOfflineWorkdir({ stackDir, workdir, synthesized: stack, remoteState: () => primary });
    expect(existsSync(join(workdir, OFFLINE_STATE_FILE))).toBe(false);
  });

  it('routes Secrets Manager to the loopback stand-in when given one', () => {
    const { stackDir, workdir } = setUp();
    prepareOfflineWorkdir({ stackDir, workdir, synthesized: stack, remoteState: () => primary, secretsEndpoint: 'http://127.0.0.1:9' });
    const override = JSON.parse(readFileSync(join(workdir, OFFLINE_OVERRIDE_FILE), 'utf8'));
    expect(override.provider.aws[0]).toMatchObject({ region: 'us-west-2', access_key: 'offline-mock', endpoints: [{ secretsmanager: 'http://127.0.0.1:9' }] });
  });

  it('refuses a stack directory with no synthesized stack, before it touches the workdir', () => {
    const { stackDir, workdir } = setUp();
    mkdirSync(workdir, { recursive: true });
    writeFileSync(join(workdir, 'cdk.tf.json'), '{"earlier": true}');
    const empty = join(stackDir, '..', 'empty');
    mkdirSync(empty);
    expect(() => prepareOfflineWorkdir({ stackDir: empty, workdir, synthesized: {}, remoteState: () => primary })).toThrow(`could not prepare ${workdir}: ${empty} has no cdk.tf.json`);
    expect(readFileSync(join(workdir, 'cdk.tf.json'), 'utf8')).toBe('{"earlier": true}');
  });
});
