import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { only, primaryRegion, synthMonitoring } from './fixture';

describe('alert topic', () => {
  const { synth, resources } = synthMonitoring('primary');
  const [topicId] = only(resources, 'aws_sns_topic');
  const [, policyResource] = only(resources, 'aws_sns_topic_policy');
  const policy = JSON.parse(policyResource['policy'] as string) as { Statement: Array<Record<string, unknown>> };

  it('is named from the topology and encrypted with the region key', () => {
    expect(synth).toHaveResourceWithProperties(SnsTopic, { name: primaryRegion.names.alertTopic, kms_master_key_id: '${aws_kms_key.key.arn}' });
  });

  it('lets only CloudWatch alarms of the owning account publish', () => {
    expect(policyResource['arn']).toBe(`\${aws_sns_topic.${topicId}.arn}`);
    expect(policy.Statement).toContainEqual({
      Sid: 'CloudWatchAlarmsOfThisAccountPublish',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: `\${aws_sns_topic.${topicId}.arn}`,
      Condition: { StringEquals: { 'aws:SourceAccount': `\${aws_sns_topic.${topicId}.owner}` } },
    });
    const allows = policy.Statement.filter((s) => s['Effect'] === 'Allow');
    expect(allows).toHaveLength(1);
  });

  it('refuses publication without TLS', () => {
    expect(policy.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Principal: '*', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('subscribes nobody unless an address is given', () => {
    expect(resources['aws_sns_topic_subscription']).toBeUndefined();
    const { synth: withEmail } = synthMonitoring('primary', { alertEmail: 'oncall@example.com' });
    expect(withEmail).toHaveResourceWithProperties(SnsTopicSubscription, { protocol: 'email', endpoint: 'oncall@example.com' });
  });

  it('refuses an address that is not an e-mail address', () => {
    expect(() => synthMonitoring('primary', { alertEmail: 'on-call team' })).toThrow('alertEmail "on-call team" is not an e-mail address');
  });
});
