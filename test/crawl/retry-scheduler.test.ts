import { describe, expect, it } from 'vitest';
import { RequestScheduler, withRetries, isPrivateAddress, decodeBody } from '../../src/crawl/index.js';
import { PermanentFetchError, RetryableFetchError } from '../../src/errors.js';

describe('withRetries', () => {
  it('retries retryable failures with growing delays, then succeeds', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        if (calls < 3) throw new RetryableFetchError('TIMEOUT', 'u', 'slow');
        return 'ok';
      },
      { retries: 3, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms), random: () => 1 },
    );
    expect(result).toBe('ok');
    expect(waits).toEqual([100, 200]);
  });

  it('honours Retry-After', async () => {
    const waits: number[] = [];
    let calls = 0;
    await withRetries(
      async () => {
        if (calls++ === 0) throw new RetryableFetchError('HTTP_503', 'u', 'busy', 503, 7);
        return 1;
      },
      { retries: 1, baseDelayMs: 100, sleep: async (ms) => void waits.push(ms) },
    );
    expect(waits).toEqual([7000]);
  });

  it('does not retry permanent failures', async () => {
    let calls = 0;
    const failing = withRetries(
      async () => {
        calls++;
        throw new PermanentFetchError('HTTP_404', 'u', 'gone', 404);
      },
      { retries: 5, baseDelayMs: 1, sleep: async () => {} },
    );
    await expect(failing).rejects.toBeInstanceOf(PermanentFetchError);
    expect(calls).toBe(1);
  });
});

describe('RequestScheduler', () => {
  it('never runs more than the per-host cap at once on one host, while other hosts proceed', async () => {
    const scheduler = new RequestScheduler({ concurrency: 4, perHostConcurrency: 2 });
    const running = new Map<string, number>();
    const peak = new Map<string, number>();
    const gates: (() => void)[] = [];
    const task = (host: string) => () => {
      running.set(host, (running.get(host) ?? 0) + 1);
      peak.set(host, Math.max(peak.get(host) ?? 0, running.get(host)!));
      return new Promise<void>((resolve) => gates.push(() => {
        running.set(host, running.get(host)! - 1);
        resolve();
      }));
    };
    const all = [
      ...Array.from({ length: 6 }, () => scheduler.run('https://a.example/x', task('a'))),
      ...Array.from({ length: 3 }, () => scheduler.run('https://b.example/x', task('b'))),
    ];
    while (all.length > 0 && (gates.length > 0 || [...running.values()].some((n) => n > 0))) {
      await new Promise((r) => setImmediate(r));
      const gate = gates.shift();
      if (!gate) break;
      gate();
    }
    await Promise.all(all);
    expect(peak.get('a')).toBe(2);
    expect(peak.get('b')).toBe(2);
  });
});

describe('isPrivateAddress', () => {
  it.each([
    ['127.0.0.1', true], ['10.1.2.3', true], ['172.16.0.1', true], ['172.32.0.1', false], ['192.168.1.1', true],
    ['169.254.169.254', true], ['100.64.0.1', true], ['0.0.0.0', true], ['8.8.8.8', false], ['::1', true],
    ['fe80::1', true], ['fd00::1', true], ['::ffff:127.0.0.1', true], ['2001:db8::1', false],
  ])('%s → %s', (address, expected) => {
    expect(isPrivateAddress(address)).toBe(expected);
  });
});

describe('decodeBody', () => {
  const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in windows-1251
  it.each([
    ['a charset in the Content-Type header', cp1251, 'text/html; charset=windows-1251', 'Привет'],
    ['a <meta charset>', Buffer.concat([Buffer.from('<meta charset="windows-1251">'), cp1251]), 'text/html', '<meta charset="windows-1251">Привет'],
    ['a UTF-8 BOM', Buffer.from([0xef, 0xbb, 0xbf, ...Buffer.from('Таджик')]), '', 'Таджик'],
    ['a UTF-16LE BOM', Buffer.from([0xff, 0xfe, ...Buffer.from('ok', 'utf16le')]), '', 'ok'],
    ['an unknown label (falls back to UTF-8)', Buffer.from('plain'), 'text/html; charset=nonsense', 'plain'],
  ])('decodes with %s', (_name, body, type, expected) => {
    expect(decodeBody(body, type).text).toBe(expected);
  });
});
