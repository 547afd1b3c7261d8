/*
 * The runbook as a library, for what measures or drives it in-process (bench/runbook): the CLI
 * entry point and the shapes of what it prints. The command line (main.ts) is the entry for people.
 */
export { runCli } from './cli/program';
export type { CliIo } from './cli/io';
export { ExitCode, type ExitCodeValue } from './cli/exit-codes';
export { type Clock, systemClock } from './core/clock';
export { AbortedError } from './core/errors';
export type { RunReport } from './runbook/report';
export type { StatusReport } from './commands/status';
