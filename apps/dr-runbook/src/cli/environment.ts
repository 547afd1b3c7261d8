import { appendFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { DEFAULT_ENVIRONMENT, ENVIRONMENT_VARIABLE, ENVIRONMENTS_DIR, loadTopology, topologyFile } from '@xyz/topology';
import { AwsClients } from '../aws/clients';
import { AwsGateway } from '../aws/gateway';
import { awsServices } from '../aws/services';
import { jsonLinesLogger, type Logger } from '../core/logger';
import type { CommandEnv } from '../runbook/command';
import type { CliIo } from './io';

export interface CommonOptions {
  readonly env?: string;
  readonly topologyDir?: string;
  readonly profile?: string;
  readonly logFile?: string;
  readonly verbose?: boolean;
  readonly json?: boolean;
}

export function shownPath(repoRoot: string, path: string): string {
  const inside = relative(repoRoot, path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

export function makeLogger(io: CliIo, options: CommonOptions): Logger {
  const sinks: ((line: string) => void)[] = [];
  if (options.logFile) {
    const file = resolve(options.logFile);
    sinks.push((line) => appendFileSync(file, `${line}\n`));
  }
  if (options.verbose) sinks.push((line) => io.stderr(`${line}\n`));
  return jsonLinesLogger(io.clock, sinks);
}

/** Loads the topology (throws TopologyError on a bad environment or file) and wires the AWS services. */
export function commandEnv(io: CliIo, options: CommonOptions, log: Logger): { env: CommandEnv; close: () => void } {
  const environment = options.env ?? io.env[ENVIRONMENT_VARIABLE] ?? DEFAULT_ENVIRONMENT;
  const dir = options.topologyDir ? resolve(options.topologyDir) : ENVIRONMENTS_DIR;
  const topology = loadTopology(environment, dir);
  const file = topologyFile(environment, dir);
  const clients = new AwsClients({ profile: options.profile });
  const gateway = new AwsGateway({ clock: io.clock, log, signal: io.signal, random: io.random });
  return {
    env: {
      topology,
      topologyFile: file,
      topologyFileShown: shownPath(io.repoRoot, file),
      aws: awsServices(gateway, clients, io.clock),
      clock: io.clock,
      signal: io.signal,
      log,
    },
    close: () => {
      gateway.close();
      clients.destroy();
    },
  };
}
