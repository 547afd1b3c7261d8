export { dbInstanceArn, offlinePrimaryOutputs, PRIMARY_OUTPUTS_READ_BY_REPLICAS, REGION_OUTPUTS } from './region-outputs';
export { RegionStack, type RegionStackProps } from './region-stack';
export { runRegionStackApp } from './region-stack-app';
export { synthesizeStack, type SynthesizeOptions } from './synthesize';
export { WriterEndpointParameter, type WriterEndpointParameterProps } from './writer-endpoint';
