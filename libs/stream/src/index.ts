// @xyz/stream: the device event pipeline construct, for the stacks, and its contracts (also on
// their own as @xyz/stream/contracts). The processor is @xyz/stream-processor; the local emulators
// are @xyz/stream-local (tests and benches only).
export { DeviceEventPipeline } from './construct/device-event-pipeline';
export {
  type DeviceEventPipelineProps,
  type ProcessorArchitecture,
  type ProcessorBundle,
  type ProcessorRuntime,
  resolvePipelineProps,
  type ResolvedPipelineProps,
} from './construct/pipeline-props';
export { processorPolicy, type PolicyDocument, type PolicyStatement, type ProcessorPolicyTargets } from './construct/processor-policy';
export { readProcessorBundle } from './read-processor-bundle';
export * from './contracts';
