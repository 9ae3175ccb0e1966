import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The project root: vitest runs from it. */
export const ROOT = process.cwd();

function newestMtime(dir: string, ext: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path, ext));
    else if (entry.name.endsWith(ext)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isDistStale(): boolean {
  const dist = join(ROOT, 'dist');
  if (!existsSync(join(dist, 'cli', 'main.js'))) return true;
  return newestMtime(join(ROOT, 'src'), '.ts') > newestMtime(dist, '.js');
}

/**
 * Tests that run the compiled CLI in a child process, exactly as cron or a shell would, rebuild
 * dist/ first when src/ is newer.
 */
export function ensureDist(): void {
  if (isDistStale()) execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT });
}
