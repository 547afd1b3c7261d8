export { dbInstanceArn, offlinePrimaryOutputs, PRIMARY_OUTPUTS_READ_BY_REPLICAS, REGION_OUTPUTS } from './region-outputs';
export { RegionStack, type RegionStackProps } from './region-stack';
export { addAwsProvider, readStackState, useRemoteState } from './state';
export { synthesizeStack, type SynthesizeOptions } from './synthesize';
export { BOOTSTRAP_STATE_PATH, StateBackendStack, type StateBackendStackProps } from './state-backend-stack';
export { WriterEndpointParameter, type WriterEndpointParameterProps } from './writer-endpoint';
