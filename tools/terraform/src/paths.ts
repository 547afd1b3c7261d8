import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const OUTDIR = process.env.CDKTF_OUTDIR ? resolve(process.env.CDKTF_OUTDIR) : join(REPO_ROOT, 'cdktf.out');

export function stackDir(stack: string): string {
  return join(OUTDIR, 'stacks', stack);
}

/** A separate working directory, so offline overrides can never leak into a real plan or apply. */
export function offlineDir(stack: string): string {
  return join(OUTDIR, 'offline', stack);
}
