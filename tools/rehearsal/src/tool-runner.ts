import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

export interface ToolRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

export interface ToolOptions {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  /** Every line the tool prints is appended here. */
  readonly logFile: string;
  /** Echo the tool's stderr (progress) indented on the console; stdout is always captured. */
  readonly echo?: boolean;
  /** Echo stdout too. @default false */
  readonly echoStdout?: boolean;
}

/** Runs one of the project's own tools as a user would, capturing its output and timing it. */
export function runTool(command: string, args: readonly string[], options: ToolOptions): Promise<ToolRun> {
  const started = Date.now();
  appendFileSync(options.logFile, `\n$ ${command} ${args.join(' ')}\n`);
  const child = spawn(command, [...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const echo = (chunk: Buffer, toConsole: boolean) => {
    appendFileSync(options.logFile, chunk);
    if (!toConsole) return;
    for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) process.stdout.write(`    ${line}\n`);
  };
  child.stdout.on('data', (chunk: Buffer) => {
    out.push(chunk);
    echo(chunk, Boolean(options.echoStdout));
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err.push(chunk);
    echo(chunk, options.echo !== false);
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        seconds: (Date.now() - started) / 1000,
      }),
    );
  });
}
