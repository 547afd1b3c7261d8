import { applyGuardrails, type Exemption } from '@xyz/guardrails';
import { addAwsProvider, useRemoteState } from '@xyz/stack-base';
import { regionShortCode, STATE_BACKEND_STACK, type Topology } from '@xyz/topology';
import { LocalBackend, TerraformOutput, TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import { RegionalStateBucket } from './regional-state-store';
import { StateReplication } from './state-replication';

/** Relative to the stack's working directory (cdktf.out/stacks/state-backend): the repository's .terraform-state/. */
export const BOOTSTRAP_STATE_PATH = '../../../.terraform-state/state-backend.tfstate';

export interface StateBackendStackProps {
  readonly topology: Topology;
  /**
   * The very first apply: no bucket exists yet, so the state is kept locally in the repository's
   * .terraform-state/ until it is migrated into the home region's bucket (see the README).
   * @default false (the state lives in the home region's bucket, under <environment>/state-backend.tfstate)
   */
  readonly bootstrap?: boolean;
  /**
   * Days to keep superseded state versions.
   * @default 90
   */
  readonly noncurrentVersionDays?: number;
}

/** The names of the outputs that report one region's store. */
export function stateStoreOutputs(region: Parameters<typeof regionShortCode>[0]) {
  const code = regionShortCode(region);
  return { bucket: `state_bucket_${code}`, kmsKeyArn: `state_kms_key_arn_${code}` };
}

/**
 * The bootstrap stack: one Terraform state store per region of the platform, each replicated to
 * all the others. Every region stack keeps its state in its own region's store, so losing a
 * region leaves the other regions' stacks plannable. This stack's own state starts local
 * (bootstrap) and then moves into the home region's store, so CI can plan it like any other.
 */
export class StateBackendStack extends TerraformStack {
  readonly stores: RegionalStateBucket[];
  readonly replication: StateReplication;

  constructor(scope: Construct, props: StateBackendStackProps) {
    super(scope, STATE_BACKEND_STACK);
    const { topology } = props;
    const { homeRegion } = topology.stateBackend;
    const homeProvider = addAwsProvider(this, topology, homeRegion);
    if (props.bootstrap) new LocalBackend(this, { path: BOOTSTRAP_STATE_PATH });
    else useRemoteState(this, topology, STATE_BACKEND_STACK);
    const tags = { Stack: STATE_BACKEND_STACK };

    const regional = topology.stateBackend.stores.map((store) => {
      const code = regionShortCode(store.region);
      const provider = store.region === homeRegion ? homeProvider : addAwsProvider(this, topology, store.region, code);
      const buckets = new RegionalStateBucket(this, `store-${code}`, {
        store,
        accountId: topology.accountId,
        provider,
        noncurrentVersionDays: props.noncurrentVersionDays,
        tags,
      });
      const outputs = stateStoreOutputs(store.region);
      new TerraformOutput(this, outputs.bucket, { value: buckets.bucket.bucket, staticId: true });
      new TerraformOutput(this, outputs.kmsKeyArn, { value: buckets.key.key.arn, staticId: true });
      return { region: store.region, buckets, provider };
    });
    this.stores = regional.map((entry) => entry.buckets);
    this.replication = new StateReplication(this, 'replication', {
      stores: regional,
      roleName: `${topology.project}-${topology.environmentShort}-tfstate-replication`,
      iamProvider: homeProvider,
      tags,
    });

    applyGuardrails(this, { exemptions: this.stores.map((store) => this.accessLogEncryptionExemption(store)) });
  }

  private accessLogEncryptionExemption(store: RegionalStateBucket): Exemption {
    return {
      address: `aws_s3_bucket.${this.getLogicalId(store.accessLogs.bucket)}`,
      rule: 's3-sse-kms-cmk',
      reason: 'S3 delivers server access logs only to buckets encrypted with SSE-S3; a KMS default makes delivery fail',
    };
  }
}
