import { readFileSync, writeFileSync } from 'node:fs';
import { systemClock } from '../../src/core/clock';
import { installSimulation, type SimDelays, SimulatedAws, type SimState } from '@xyz/dr-simulator';

export interface ScenarioFile {
  readonly state: SimState;
  readonly delays: SimDelays;
}

/** Starts the simulation in this (CLI) process on the real clock; writes what happened on exit. */
export function installScenario(scenarioFile: string, outFile: string | undefined): void {
  const scenario = JSON.parse(readFileSync(scenarioFile, 'utf8')) as ScenarioFile;
  const sim = new SimulatedAws(systemClock, scenario.delays, scenario.state);
  installSimulation(sim);
  if (outFile) {
    process.on('exit', () => writeFileSync(outFile, JSON.stringify({ calls: sim.calls, snapshot: sim.snapshot() })));
  }
}
