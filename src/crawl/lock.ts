import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { LockedError } from '../errors.js';

interface LockInfo {
  pid: number;
  host: string;
  startedAt: string;
}

export interface RunLock {
  path: string;
  release(): void;
}

/**
 * A lock file beside the database so two cron runs never overlap. Creating the file is atomic (`wx`).
 * A lock left by a killed run is stale when its process is gone (same host) or it is older than
 * `staleAfterMs` (another host sharing the folder); a stale lock is taken over with a warning.
 */
export function acquireRunLock(path: string, options: { now: Date; staleAfterMs?: number; onStale?: (info: string) => void }): RunLock {
  const staleAfterMs = options.staleAfterMs ?? 6 * 60 * 60 * 1000;
  const info: LockInfo = { pid: process.pid, host: hostname(), startedAt: options.now.toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          try {
            const current = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
            if (current.pid === info.pid && current.host === info.host) rmSync(path, { force: true });
          } catch {
            // Already gone or unreadable: nothing of ours to remove.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let holder: LockInfo | null = null;
    try {
      holder = JSON.parse(readFileSync(path, 'utf8')) as LockInfo;
    } catch {
      holder = null; // half-written by a run killed while writing it: stale
    }
    const stale = holder === null || isStale(holder, options.now, staleAfterMs);
    if (!stale) {
      throw new LockedError(`another crawl is running (pid ${holder!.pid} on ${holder!.host}, since ${holder!.startedAt}); lock file ${path}`);
    }
    options.onStale?.(holder ? `removing a stale lock of pid ${holder.pid} on ${holder.host} from ${holder.startedAt}` : 'removing an unreadable lock file');
    rmSync(path, { force: true });
  }
  throw new LockedError(`could not take the lock ${path}: another run took it at the same moment`);
}

function isStale(holder: LockInfo, now: Date, staleAfterMs: number): boolean {
  if (holder.host === hostname()) {
    try {
      process.kill(holder.pid, 0);
      return false;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ESRCH';
    }
  }
  return now.getTime() - Date.parse(holder.startedAt) > staleAfterMs;
}
