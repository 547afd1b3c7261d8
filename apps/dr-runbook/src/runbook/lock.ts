import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../core/errors';

interface LockContent {
  readonly pid: number;
  readonly runId: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One changing run at a time per journal directory: two runbooks promoting at once is how a
 * platform ends up with two primaries. A lock left by a dead process is taken over. (A lock held by
 * this same process is stale too: the CLI runs one command per process.)
 */
export function acquireRunLock(runsDir: string, runId: string): () => void {
  mkdirSync(runsDir, { recursive: true });
  const file = join(runsDir, 'run.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, runId } satisfies LockContent));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let holder: LockContent | undefined;
      try {
        holder = JSON.parse(readFileSync(file, 'utf8')) as LockContent;
      } catch {
        holder = undefined;
      }
      if (holder && holder.pid !== process.pid && alive(holder.pid)) {
        throw new InputError(`another dr-runbook run (${holder.runId}, pid ${holder.pid}) is in progress. Wait for it to finish; if that process is gone, delete ${file}.`);
      }
      if (existsSync(file)) rmSync(file, { force: true });
    }
  }
  throw new InputError(`could not take the run lock ${file}`);
}
