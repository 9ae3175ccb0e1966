import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * A misbehaving HTTP server for fetcher tests, on 127.0.0.1 and a free port. Every handler is bounded
 * in time (`MAX_HANDLER_MS`) and bytes (`MAX_STREAM_BYTES`), and `close()` ends open sockets at once.
 *
 * Routes:
 * - `/ok`: 200 `ok`.
 * - `/slow-headers?ms=N`: answers after N ms.
 * - `/hold?ms=N`: 200 after N ms, to keep requests open for concurrency counts.
 * - `/stall-body?trickleMs=N`: headers and a first chunk, then one byte every N ms (never, when 0).
 * - `/reset-before-headers`: resets the connection without answering.
 * - `/reset-mid-body`: announces 10 000 bytes, sends 1 000, resets the connection.
 * - `/short-body`: announces 1 000 bytes, sends 400 and closes the connection cleanly.
 * - `/endless`: chunked body of `STREAM_CHUNK_BYTES` chunks until the client goes away.
 * - `/huge`: announces 50 MB in Content-Length and streams like `/endless`.
 * - `/loop/a` ↔ `/loop/b`: a redirect loop.
 * - `/chain/N`: N redirects (relative and absolute Locations alternate), then 200 `end of chain`.
 * - `/redirect?to=URL&status=302`: one redirect to URL.
 * - `/status/CODE?retryAfter=V`: that status, with Retry-After when given.
 * - `/gzip-bomb`: `BOMB_BYTES` of zeros, gzip-compressed to a few dozen kilobytes.
 * - `/corrupt-gzip`: a gzip header followed by bytes that are not deflate data.
 * - anything registered with `serve()`.
 */
export interface FaultServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Every request, in arrival order. */
  requests: RequestRecord[];
  /** Requests open right now, and the most ever open at once. */
  readonly openRequests: number;
  readonly peakOpenRequests: number;
  /** Registers a fixed answer for a path (query ignored). */
  serve(path: string, answer: FixedAnswer): void;
  /** Forgets the request log and the peak count. */
  resetCounters(): void;
  close(): Promise<void>;
}

export interface RequestRecord {
  method: string;
  /** Path and query as requested. */
  url: string;
  headers: IncomingHttpHeaders;
  /** Body bytes handed to the socket for this request. */
  bytesSent: number;
  /** Why the response ended: it was complete, the client went away, or a server-side bound stopped it. */
  endedBy: 'complete' | 'client' | 'bound' | null;
}

export interface FixedAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** No handler lives longer than this, whatever the test forgot. */
export const MAX_HANDLER_MS = 5_000;
/** No streaming handler sends more than this. */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;
export const STREAM_CHUNK_BYTES = 16 * 1024;
export const BOMB_BYTES = 32 * 1024 * 1024;

let bomb: Buffer | null = null;
function gzipBomb(): Buffer {
  bomb ??= gzipSync(Buffer.alloc(BOMB_BYTES));
  return bomb;
}

export async function startFaultServer(): Promise<FaultServer> {
  const fixed = new Map<string, FixedAnswer>();
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let requests: RequestRecord[] = [];
  let open = 0;
  let peak = 0;

  const later = (ms: number, task: () => void): NodeJS.Timeout => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, ms);
    timers.add(timer);
    return timer;
  };

  const server = createServer((req, res) => {
    const record: RequestRecord = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, bytesSent: 0, endedBy: null };
    requests.push(record);
    open++;
    peak = Math.max(peak, open);
    let closed = false;
    // The bound on every handler: whatever it is doing, the socket goes after MAX_HANDLER_MS.
    const bound = later(MAX_HANDLER_MS, () => {
      record.endedBy = 'bound';
      req.socket.destroy();
    });
    res.on('close', () => {
      closed = true;
      open--;
      clearTimeout(bound);
      timers.delete(bound);
      record.endedBy ??= res.writableFinished ? 'complete' : 'client';
    });
    const send = (chunk: Buffer | string): boolean => {
      record.bytesSent += Buffer.byteLength(chunk);
      return res.write(chunk);
    };
    const isClosed = (): boolean => closed;
    handle(req, res, { send, later, isClosed, record, fixed, port: () => (server.address() as AddressInfo).port });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    get requests() {
      return requests;
    },
    get openRequests() {
      return open;
    },
    get peakOpenRequests() {
      return peak;
    },
    serve(path, answer) {
      fixed.set(path, answer);
    },
    resetCounters() {
      requests = [];
      peak = open;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  } as FaultServer;
}

interface HandlerTools {
  send(chunk: Buffer | string): boolean;
  later(ms: number, task: () => void): unknown;
  isClosed(): boolean;
  record: RequestRecord;
  fixed: Map<string, FixedAnswer>;
  port(): number;
}

function handle(req: IncomingMessage, res: ServerResponse, tools: HandlerTools): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const path = url.pathname;
  const param = (name: string, fallback: number): number => {
    const value = Number(url.searchParams.get(name));
    return url.searchParams.has(name) && Number.isFinite(value) ? value : fallback;
  };
  const boundedMs = (ms: number): number => Math.min(Math.max(ms, 0), MAX_HANDLER_MS);

  const answer = tools.fixed.get(path);
  if (answer) {
    res.writeHead(answer.status ?? 200, answer.headers ?? {});
    if (answer.body !== undefined) tools.send(answer.body);
    res.end();
    return;
  }

  if (path === '/ok') {
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    tools.send('ok');
    res.end();
  } else if (path === '/slow-headers' || path === '/hold') {
    tools.later(boundedMs(param('ms', 1000)), () => {
      if (tools.isClosed()) return;
      res.writeHead(200, { 'content-type': 'text/plain' });
      tools.send('late');
      res.end();
    });
  } else if (path === '/stall-body') {
    res.writeHead(200, { 'content-type': 'text/plain' });
    tools.send('the beginning of a body that never ends');
    const trickleMs = param('trickleMs', 0);
    const drip = (): void => {
      if (tools.isClosed()) return;
      tools.send('.');
      tools.later(trickleMs, drip);
    };
    if (trickleMs > 0) tools.later(trickleMs, drip);
  } else if (path === '/reset-before-headers') {
    req.socket.resetAndDestroy();
  } else if (path === '/reset-mid-body') {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '10000' });
    tools.send(Buffer.alloc(1000, 0x61));
    // Let the first bytes leave before the reset, so the client sees a body cut short.
    tools.later(20, () => req.socket.resetAndDestroy());
  } else if (path === '/short-body') {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' });
    tools.send(Buffer.alloc(400, 0x62));
    tools.later(20, () => req.socket.end());
  } else if (path === '/endless' || path === '/huge') {
    const headers: Record<string, string> = { 'content-type': 'application/octet-stream' };
    if (path === '/huge') headers['content-length'] = String(50 * 1024 * 1024);
    res.writeHead(200, headers);
    const chunk = Buffer.alloc(STREAM_CHUNK_BYTES, 0x7a);
    const pump = (): void => {
      while (!tools.isClosed()) {
        if (tools.record.bytesSent + chunk.length > MAX_STREAM_BYTES) {
          tools.record.endedBy = 'bound';
          req.socket.destroy();
          return;
        }
        if (!tools.send(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
    };
    pump();
  } else if (path === '/loop/a' || path === '/loop/b') {
    res.writeHead(302, { location: path === '/loop/a' ? '/loop/b' : `http://127.0.0.1:${tools.port()}/loop/a` });
    res.end();
  } else if (path.startsWith('/chain/')) {
    const left = Number(path.slice('/chain/'.length));
    if (!Number.isInteger(left) || left <= 0) {
      res.writeHead(200, { 'content-type': 'text/plain' });
      tools.send('end of chain');
      res.end();
      return;
    }
    // Alternate a relative Location and an absolute one.
    res.writeHead(301, { location: left % 2 === 0 ? `${left - 1}` : `http://127.0.0.1:${tools.port()}/chain/${left - 1}` });
    res.end();
  } else if (path === '/redirect') {
    res.writeHead(param('status', 302), { location: url.searchParams.get('to') ?? '/ok' });
    res.end();
  } else if (path.startsWith('/status/')) {
    const headers: Record<string, string> = { 'content-type': 'text/plain' };
    const retryAfter = url.searchParams.get('retryAfter');
    if (retryAfter !== null) headers['retry-after'] = retryAfter;
    res.writeHead(Number(path.slice('/status/'.length)), headers);
    tools.send('status page');
    res.end();
  } else if (path === '/gzip-bomb') {
    res.writeHead(200, { 'content-type': 'application/xml', 'content-encoding': 'gzip' });
    tools.send(gzipBomb());
    res.end();
  } else if (path === '/corrupt-gzip') {
    res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    tools.send(Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03]), Buffer.from('this is not deflate data at all, only text')]));
    res.end();
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' });
    tools.send('no such route');
    res.end();
  }
}
