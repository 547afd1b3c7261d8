import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { systemClock } from './core/clock';
import { runCli } from './cli/program';
import type { CliIo } from './cli/io';

function prompt(question: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const reader = createInterface({ input: process.stdin, output: process.stderr });
    let answered = false;
    reader.question(question, (answer) => {
      answered = true;
      reader.close();
      resolve(answer);
    });
    reader.on('close', () => {
      if (!answered) resolve(undefined);
    });
  });
}

// The SDK warns on every run that its 2027 releases will need Node 22; the versions pinned here
// support Node 20, and at 3 a.m. that notice only hides the runbook's own output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

// Everything that can be interrupted listens to this one signal. AWS calls do not attach to it
// directly (the gateway hands each call its own signal, see core/abort-fanout.ts), so it carries
// one listener for all calls plus one per wait in progress: at most one wait per region at a time.
const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  process.stderr.write('\nInterrupting: the current step stops and the journal is kept (Ctrl-C again to quit at once).\n');
  controller.abort();
});

const io: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  prompt,
  clock: systemClock,
  env: process.env,
  signal: controller.signal,
  repoRoot: join(__dirname, '..', '..', '..'),
};

runCli(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
