import type { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Token } from 'cdktf';
import { Construct } from 'constructs';

export interface AlertTopicProps {
  readonly name: string;
  /** Encrypts messages at rest. Its key policy must let cloudwatch.amazonaws.com use it. */
  readonly kmsKey: KmsKey;
  /** @default no subscription */
  readonly email?: string;
  readonly tags?: Record<string, string>;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The topic alarms publish to: encrypted with the region's key, writable by CloudWatch alarms of
 * the topic owner's account, and refusing publication over plain HTTP.
 */
export class AlertTopic extends Construct {
  readonly topic: SnsTopic;
  readonly policy: SnsTopicPolicy;
  readonly emailSubscription?: SnsTopicSubscription;

  constructor(scope: Construct, id: string, props: AlertTopicProps) {
    super(scope, id);
    if (props.email !== undefined && !Token.isUnresolved(props.email) && !EMAIL.test(props.email)) {
      throw new Error(`RegionalMonitoring: alertEmail "${props.email}" is not an e-mail address`);
    }
    this.topic = new SnsTopic(this, 'topic', {
      name: props.name,
      displayName: props.name,
      kmsMasterKeyId: props.kmsKey.arn,
      tags: props.tags,
    });
    this.policy = new SnsTopicPolicy(this, 'policy', {
      arn: this.topic.arn,
      policy: alertTopicPolicy(this.topic.arn, this.topic.owner),
    });
    if (props.email !== undefined) {
      this.emailSubscription = new SnsTopicSubscription(this, 'email', {
        topicArn: this.topic.arn,
        protocol: 'email',
        endpoint: props.email,
      });
    }
  }
}

/** CloudWatch alarms of the owning account may publish; nobody may publish without TLS. */
export function alertTopicPolicy(topicArn: string, ownerAccountId: string): string {
  return JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'CloudWatchAlarmsOfThisAccountPublish',
        Effect: 'Allow',
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: 'sns:Publish',
        Resource: topicArn,
        Condition: { StringEquals: { 'aws:SourceAccount': ownerAccountId } },
      },
      {
        Sid: 'DenyPublishingWithoutTls',
        Effect: 'Deny',
        Principal: '*',
        Action: 'sns:Publish',
        Resource: topicArn,
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
}
