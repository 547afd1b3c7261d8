import { KmsAlias } from '@cdktf/provider-aws/lib/kms-alias';
import { KmsKey } from '@cdktf/provider-aws/lib/kms-key';
import type { TerraformProvider } from 'cdktf';
import { Construct } from 'constructs';
import { regionalKeyPolicy } from './key-policy';

export interface RegionalKeyProps {
  /** The AWS account that owns the key. */
  readonly accountId: string;
  /** The region the key lives in (KMS keys are regional). */
  readonly region: string;
  /** The alias, for example alias/xyz-prod-data-use1. */
  readonly alias: string;
  /**
   * Days KMS waits before deleting a scheduled key.
   * @default 30 (the maximum: losing this key loses every backup encrypted with it)
   */
  readonly deletionWindowDays?: number;
  /**
   * Whether CloudWatch Logs and alarms may use the key; a key that only encrypts S3 objects needs neither.
   * @default true
   */
  readonly allowCloudWatch?: boolean;
  /** @default {} */
  readonly tags?: Record<string, string>;
  /**
   * The provider of the key's region, for stacks that span regions.
   * @default the stack's default AWS provider
   */
  readonly provider?: TerraformProvider;
}

/** The customer-managed key that encrypts every data service of one region, rotated yearly. */
export class RegionalKey extends Construct {
  readonly key: KmsKey;
  readonly alias: KmsAlias;

  constructor(scope: Construct, id: string, props: RegionalKeyProps) {
    super(scope, id);
    this.key = new KmsKey(this, 'key', {
      description: `Data encryption for ${props.alias.replace(/^alias\//, '')}`,
      enableKeyRotation: true,
      deletionWindowInDays: props.deletionWindowDays ?? 30,
      policy: regionalKeyPolicy({ accountId: props.accountId, region: props.region, allowCloudWatch: props.allowCloudWatch }),
      tags: props.tags,
      provider: props.provider,
    });
    this.alias = new KmsAlias(this, 'alias', { name: props.alias, targetKeyId: this.key.keyId, provider: props.provider });
  }
}
