import { synthesizeWithin } from '@xyz/stack-base';
import { STATE_BACKEND_STACK, type Topology } from '@xyz/topology';
import { StateBackendStack } from './state-backend-stack';

export interface SynthesizeStateBackendOptions {
  readonly loadTopology: () => Topology;
  /** Where cdktf writes stacks/state-backend/cdk.tf.json. */
  readonly outdir: string;
  /** Keep the state locally for the first apply. @default false */
  readonly bootstrap?: boolean;
}

/** Builds the state-backend stack into its own App and writes it. Returns the process exit code. */
export function synthesizeStateBackend(options: SynthesizeStateBackendOptions): number {
  return synthesizeWithin({ ...options, stackName: STATE_BACKEND_STACK }, (app, topology) => {
    new StateBackendStack(app, { topology, bootstrap: options.bootstrap });
  });
}
