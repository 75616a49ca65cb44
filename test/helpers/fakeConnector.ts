import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string;
  readonly body: Record<string, unknown>;
  /** False when the fake answered with an injected failure. */
  readonly ok: boolean;
}

/**
 * A loopback stand-in for the Bot Connector service: records what the bot sends
 * (replies, updates, new conversations) and answers as Teams would.
 * `failNext` queues status codes for the next calls, to test retries and 403s.
 */
export class FakeConnector {
  readonly calls: ConnectorCall[] = [];
  private readonly queuedFailures: { status: number; headers?: Record<string, string> }[] = [];
  private readonly targetedFailures: { match: (call: { method: string; path: string }) => boolean; status: number; headers?: Record<string, string>; left: number }[] = [];
  private waiters: (() => void)[] = [];
  private readonly holds: { match: (call: { method: string; path: string }) => boolean; arrived: () => void; released: Promise<void> }[] = [];
  private counter = 0;
  /** What GET …/pagedmembers answers: the team roster Teams would return. */
  members: { id: string; name: string; aadObjectId: string }[] = [];

  private constructor(private readonly server: http.Server, readonly url: string) {}

  static async start(): Promise<FakeConnector> {
    const holder: { connector?: FakeConnector } = {};
    const server = http.createServer((req, res) => holder.connector!.onRequest(req, res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    holder.connector = new FakeConnector(server, `http://127.0.0.1:${port}/`);
    return holder.connector;
  }

  failNext(status: number, headers?: Record<string, string>): void {
    this.queuedFailures.push({ status, headers });
  }

  /** Fails the next `times` calls that `match` (by method and path), leaving other calls alone. */
  failWhen(match: (call: { method: string; path: string }) => boolean, status: number, options: { headers?: Record<string, string>; times?: number } = {}): void {
    this.targetedFailures.push({ match, status, headers: options.headers, left: options.times ?? 1 });
  }

  /**
   * Holds the answer to the next call that `match`es until `release()` (a slow Teams), so a test can
   * act while the bot waits for it. `arrived` resolves when that call has come in.
   */
  holdNext(match: (call: { method: string; path: string }) => boolean): { arrived: Promise<void>; release: () => void } {
    let arrived!: () => void;
    let release!: () => void;
    const arrivedP = new Promise<void>((r) => (arrived = r));
    this.holds.push({ match, arrived, released: new Promise<void>((r) => (release = r)) });
    return { arrived: arrivedP, release };
  }

  /** Messages the bot got through (2xx), excluding failed attempts. */
  delivered(conversationId?: string): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.ok && c.method === 'POST' && c.path.includes('/activities') && (!conversationId || c.conversationId === conversationId))
      .map((c) => c.body);
  }

  /** Messages the bot sent (replies and proactive sends), in order. */
  messages(conversationId?: string): Record<string, unknown>[] {
    return this.calls
      .filter((c) => c.method === 'POST' && c.path.includes('/activities') && (!conversationId || c.conversationId === conversationId))
      .map((c) => c.body);
  }

  texts(conversationId?: string): string[] {
    return this.messages(conversationId).map((m) => (typeof m.text === 'string' ? m.text : ''));
  }

  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('FakeConnector.waitFor timed out');
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }

  reset(): void {
    this.calls.length = 0;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((r) => this.server.close(() => r()));
  }

  private onRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = this.holds.findIndex((h) => h.match({ method: req.method ?? '', path: decodeURIComponent(req.url ?? '') }));
      const hold = at >= 0 ? this.holds.splice(at, 1)[0] : undefined;
      if (hold) {
        hold.arrived();
        void hold.released.then(() => this.answer(req, res, chunks));
      } else this.answer(req, res, chunks);
    });
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse, chunks: Buffer[]): void {
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const path = decodeURIComponent(req.url ?? '');
    const match = /\/v3\/conversations\/([^/]+)/.exec(path);
    const targeted = this.targetedFailures.find((f) => f.left > 0 && f.match({ method: req.method ?? '', path }));
    if (targeted) targeted.left -= 1;
    const failure = targeted ?? this.queuedFailures.shift();
    this.calls.push({ method: req.method ?? '', path, conversationId: match?.[1] ?? '', body, ok: !failure });
    res.setHeader('content-type', 'application/json');
    if (failure) {
      for (const [k, v] of Object.entries(failure.headers ?? {})) res.setHeader(k, v);
      res.statusCode = failure.status;
      res.end(JSON.stringify({ error: { code: 'Fake', message: `fake ${failure.status}` } }));
    } else if (req.method === 'GET' && path.includes('/pagedmembers')) {
      res.end(JSON.stringify({ members: this.members }));
    } else if (req.method === 'POST' && path.endsWith('/v3/conversations')) {
      res.end(JSON.stringify({ id: `a:new-${++this.counter}`, activityId: `act-${this.counter}` }));
    } else {
      res.end(JSON.stringify({ id: `act-${++this.counter}` }));
    }
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }
}
