export type { SimClock } from './clock';
export { FakeClock, type FakeClockOptions, ProcessClock } from './fake-clock';
export { installSimulation, type InstalledSimulation } from './install-simulation';
export { QUICK_DELAYS, REALISTIC_DELAYS, type SimDelays } from './sim/delays';
export { awsErrors } from './sim/errors';
export { endpointOf, platformScenario, type ScenarioOptions } from './sim/scenario';
export { type CrashMode, MUTATING_OPERATIONS, type SimCall, type SimEvent, type SimService, SimulatedAws } from './sim/simulated-aws';
export type { SimInstanceData, SimState } from './sim/state';
export { AwsWireServer, type WireRequest } from './wire/aws-wire-server';
