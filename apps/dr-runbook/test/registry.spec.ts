import { join } from 'node:path';
import { loadTopology } from '@xyz/topology';
import type { z } from 'zod';
import { requestFlags } from '../src/commands/declaration';
import { COMMAND_GROUPS, COMMANDS, commandUsages } from '../src/commands/registry';
import { runCli } from '../src/cli/program';
import { whichCommandWhen } from '../src/cli/help';
import { REPO_ROOT } from './e2e/run-cli-process';
import { runbookClock } from './support/clock';
import { scriptCaseCommands, scriptDocumentedCommands, workflowCommandChoices } from './support/workflow-commands';

const WORKFLOW = join(REPO_ROOT, '.github', 'workflows', 'dr.yml');
const SCRIPT = join(REPO_ROOT, '.github', 'workflows', 'scripts', 'run-dr-runbook.sh');
const sorted = (values: readonly string[]) => [...values].sort();

async function helpOf(args: string[]): Promise<string> {
  let out = '';
  const code = await runCli([...args, '--help'], { stdout: (text) => (out += text), stderr: (text) => (out += text), prompt: async () => undefined, clock: runbookClock(), env: {}, repoRoot: REPO_ROOT });
  expect(code).toBe(0);
  return out;
}

describe('the command registry is the one list of commands', () => {
  it('names each command once', () => {
    expect(new Set(commandUsages()).size).toBe(COMMANDS.length);
    expect(commandUsages()).toContain('status');
  });

  it("the DR workflow offers exactly the registry's commands", () => {
    expect(sorted(workflowCommandChoices(WORKFLOW))).toEqual(sorted(commandUsages()));
  });

  it("the workflow's wrapper script handles and documents exactly the registry's commands", () => {
    expect(sorted(scriptCaseCommands(SCRIPT))).toEqual(sorted(commandUsages()));
    expect(sorted(scriptDocumentedCommands(SCRIPT))).toEqual(sorted(commandUsages()));
  });

  it('the command line has every command of the registry, with its summary, options and details', async () => {
    const top = await helpOf([]);
    for (const command of COMMANDS) {
      const words = command.usage.split(' ');
      expect(top).toContain(`  ${words[0]}`);
      const own = await helpOf(words);
      expect(own).toContain(`Usage: dr-runbook ${command.usage} [options]`);
      command.options.forEach((option) => expect(own).toContain(option.flags));
      if (command.details) expect(own).toContain(command.details.split('\n')[0]);
    }
    Object.keys(COMMAND_GROUPS).forEach((group) => expect(commandUsages().some((usage) => usage.startsWith(`${group} `))).toBe(true));
  });

  it("the program's guide has a paragraph per command, in the registry's order", async () => {
    const top = await helpOf([]);
    const guide = whichCommandWhen(COMMANDS);
    expect(top).toContain(guide);
    const positions = COMMANDS.map((command) => guide.indexOf(`\n  ${command.guide.synopsis}`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('every option that sets a request field names a field of the request schema, and every field has an option', () => {
    const ctx = { topology: loadTopology('production'), now: Date.parse('2025-03-01T03:00:00Z'), targetPromoted: false };
    COMMANDS.forEach((command) => {
      if (command.kind !== 'changing') return;
      const schema = command.requestSchema(ctx) as unknown as z.ZodObject;
      expect(sorted(Object.keys(requestFlags(command.options)))).toEqual(sorted(Object.keys(schema.shape)));
    });
  });
});
