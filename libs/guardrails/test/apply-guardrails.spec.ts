import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { App, TerraformStack, Testing } from 'cdktf';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyGuardrails, GuardrailsConfigurationError, type GuardrailsOptions } from '../src';

/** A stack with an encrypted topic; `rotate: false` breaks exactly one rule (kms-key-rotation). */
function buildStack(app: App, options: { rotate: boolean; guardrails?: GuardrailsOptions }) {
  const stack = new TerraformStack(app, 'demo');
  new AwsProvider(stack, 'aws', { region: 'us-east-1' });
  const key = new KmsKey(stack, 'key', { description: 'demo', enableKeyRotation: options.rotate });
  const topic = new SnsTopic(stack, 'alerts', { name: 'demo-alerts', kmsMasterKeyId: key.arn });
  applyGuardrails(stack, options.guardrails);
  return { stack, key, topic, keyAddress: `aws_kms_key.${key.friendlyUniqueId}`, topicAddress: `aws_sns_topic.${topic.friendlyUniqueId}` };
}

describe('applyGuardrails', () => {
  let outdir: string;
  beforeEach(() => {
    outdir = mkdtempSync(join(tmpdir(), 'guardrails-'));
  });
  afterEach(() => rmSync(outdir, { recursive: true, force: true }));

  const stackFile = () => join(outdir, 'stacks', 'demo', 'cdk.tf.json');

  it('lets a compliant stack synthesize', () => {
    const app = new App({ outdir, skipValidation: false });
    buildStack(app, { rotate: true });
    app.synth();
    expect(existsSync(stackFile())).toBe(true);
  });

  it('fails app.synth() with one line per violation and writes nothing for the stack', () => {
    const app = new App({ outdir, skipValidation: false });
    const { keyAddress } = buildStack(app, { rotate: false });
    expect(() => app.synth()).toThrow(`[demo] demo: ${keyAddress}: kms-key-rotation enable_key_rotation is false; set it to true`);
    expect(existsSync(stackFile())).toBe(false);
  });

  it('sees escape-hatch overrides, not just construct properties', () => {
    const app = new App({ outdir, skipValidation: false });
    const { topic, topicAddress } = buildStack(app, { rotate: true });
    topic.addOverride('kms_master_key_id', 'alias/aws/sns');
    expect(() => app.synth()).toThrow(`demo: ${topicAddress}: sns-cmk kms_master_key_id is "alias/aws/sns", an AWS-managed key; reference an aws_kms_key of this stack`);
  });

  it('runs under Testing.synth with validations, as construct tests do', () => {
    const { stack } = buildStack(Testing.app(), { rotate: false });
    expect(() => Testing.synth(stack, true)).toThrow(/kms-key-rotation/);
    expect(() => Testing.synth(stack)).not.toThrow();
  });

  it('accepts an exemption for the violation, and fails on it once the violation is gone', () => {
    const probe = buildStack(Testing.app(), { rotate: false });
    const exemption = { address: probe.keyAddress, rule: 'kms-key-rotation', reason: 'demo key, rotated by the test harness' };

    const exempted = new App({ outdir, skipValidation: false });
    buildStack(exempted, { rotate: false, guardrails: { exemptions: [exemption] } });
    expect(() => exempted.synth()).not.toThrow();

    const stale = new App({ outdir, skipValidation: false });
    buildStack(stale, { rotate: true, guardrails: { exemptions: [exemption] } });
    expect(() => stale.synth()).toThrow(`demo: ${probe.keyAddress}: kms-key-rotation is exempted ("demo key, rotated by the test harness") but passes or no longer exists; remove the exemption`);
  });

  it('refuses a malformed exemption where it is written, before any synth', () => {
    const app = Testing.app();
    expect(() => buildStack(app, { rotate: true, guardrails: { exemptions: [{ address: 'aws_kms_key.key', rule: 'kms-rotation', reason: 'a long enough reason' }] } })).toThrow(
      GuardrailsConfigurationError,
    );
  });

  it('refuses to be applied twice to one stack', () => {
    const { stack } = buildStack(Testing.app(), { rotate: true });
    expect(() => applyGuardrails(stack)).toThrow('guardrails are already applied to stack demo');
  });
});
