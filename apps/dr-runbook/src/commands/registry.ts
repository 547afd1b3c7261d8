import type { ChangingCommand, ReadOnlyCommand } from '../runbook/command';
import { drillAzFailoverCommand } from './drill-az-failover';
import { failbackCommand } from './failback';
import { failoverCommand } from './failover';
import { restoreCommand } from './restore';
import { statusCommand } from './status';
import type { StatusReport } from './status';

/** Each command's request and plan types differ; the registry only uses what they share. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RegisteredCommand = ReadOnlyCommand<StatusReport> | ChangingCommand<any, any>;

/**
 * Every command of the runbook, in the order the help lists them. The command line and its guide
 * are built from this list; the DR workflow's choice list and its wrapper script are tested against it.
 */
export const COMMANDS: readonly RegisteredCommand[] = [statusCommand, failoverCommand, failbackCommand, restoreCommand, drillAzFailoverCommand];

/** Commands typed in two words ('drill az-failover') sit under a group; what each group is for. */
export const COMMAND_GROUPS: Readonly<Record<string, string>> = {
  drill: 'rehearsals; `drill az-failover` forces a Multi-AZ failover of the primary and measures it',
};

/** How each command is typed, e.g. 'status', 'drill az-failover'. */
export function commandUsages(): string[] {
  return COMMANDS.map((command) => command.usage);
}
