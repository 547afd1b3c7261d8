export { addAwsProvider, readStackState, useRemoteState } from './state';
export { loadSynthInput, type SynthBoundaryOptions, SynthInputError, synthesizeWithin } from './synth-boundary';
