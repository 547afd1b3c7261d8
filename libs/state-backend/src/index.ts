export { AccessLogBucket, type AccessLogBucketProps } from './access-log-bucket';
export { ACCESS_LOG_PREFIX, RegionalStateBucket, type RegionalStateStoreProps } from './regional-state-store';
export { BOOTSTRAP_STATE_PATH, StateBackendStack, type StateBackendStackProps, stateStoreOutputs } from './state-backend-stack';
export { accessLogBucketPolicy, stateBucketPolicy } from './state-bucket-policy';
export { StateReplication, type StateReplicationProps } from './state-replication';
export { synthesizeStateBackend, type SynthesizeStateBackendOptions } from './synthesize';
