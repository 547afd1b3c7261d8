import { readFileSync } from 'node:fs';

/** The `options:` of the `command` input of a workflow_dispatch trigger (its choice list). */
export function workflowCommandChoices(workflowFile: string): string[] {
  const lines = readFileSync(workflowFile, 'utf8').split('\n');
  const start = lines.findIndex((line) => /^ {6}command:\s*$/.test(line));
  if (start < 0) throw new Error(`${workflowFile} has no workflow_dispatch input named command`);
  const end = lines.findIndex((line, i) => i > start && /^ {0,6}\S/.test(line));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .map((line) => /^ {10}- (.+?)\s*$/.exec(line)?.[1])
    .filter((choice): choice is string => choice !== undefined)
    .map((choice) => choice.replace(/^(['"])(.*)\1$/, '$2'));
}

/** The commands the wrapper script's `case "$COMMAND" in` knows (without the catch-all). */
export function scriptCaseCommands(scriptFile: string): string[] {
  const text = readFileSync(scriptFile, 'utf8');
  const block = /\ncase "\$COMMAND" in\n([\s\S]*?)\nesac\n/.exec(text)?.[1];
  if (block === undefined) throw new Error(`${scriptFile} has no case "$COMMAND" in ... esac`);
  return block
    .split('\n')
    .map((line) => /^ {2}([^ )][^)]*)\)/.exec(line)?.[1])
    .filter((patterns): patterns is string => patterns !== undefined)
    .flatMap((patterns) => patterns.split('|').map((pattern) => pattern.trim().replace(/^'(.*)'$/, '$1')))
    .filter((pattern) => pattern !== '*');
}

/** The COMMAND values the script's header documents ("#   COMMAND   status | failover | ..."). */
export function scriptDocumentedCommands(scriptFile: string): string[] {
  const line = readFileSync(scriptFile, 'utf8')
    .split('\n')
    .find((entry) => /^#\s+COMMAND\s/.test(entry));
  if (!line) throw new Error(`${scriptFile} does not document COMMAND`);
  return line.replace(/^#\s+COMMAND\s+/, '').split('|').map((command) => command.trim());
}
