import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The Nx workspace this code runs in (the folder with nx.json), from source or from a bundle. */
export function workspaceRoot(start = __dirname): string {
  for (let dir = start; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
  }
  throw new Error(`no nx.json above ${start}`);
}
