import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 between the app and PostgreSQL that a test can break the way networks and
 * servers break: cut every connection (server restart, network reset), stall (a silent partition:
 * nothing arrives, nothing is refused), refuse new connections, or let one chosen message through and
 * then drop the connection before its answer comes back (a lost answer).
 */
export class TcpProxy {
  private server!: Server;
  private readonly pairs = new Set<{ client: Socket; upstream: Socket }>();
  private mode: 'open' | 'stalled' = 'open';
  private dropAfter: ((chunk: Buffer) => boolean) | null = null;
  private losing: object | null = null;
  private dropped: () => void = () => undefined;
  port = 0;

  private constructor(private readonly target: { host: string; port: number }) {}

  static async start(targetUrl: string): Promise<TcpProxy> {
    const u = new URL(targetUrl);
    const p = new TcpProxy({ host: u.hostname, port: Number(u.port || 5432) });
    await p.listen(0);
    return p;
  }

  /** The same URL, through the proxy. */
  via(url: string): string {
    const u = new URL(url);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  private listen(port: number): Promise<void> {
    this.server = createServer((client) => this.accept(client));
    return new Promise((resolve) => this.server.listen(port, '127.0.0.1', () => {
      this.port = (this.server.address() as { port: number }).port;
      resolve();
    }));
  }

  private accept(client: Socket): void {
    const upstream = connect(this.target.port, this.target.host);
    const pair = { client, upstream };
    this.pairs.add(pair);
    const end = () => {
      this.pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.on('data', (chunk: Buffer) => {
      if (this.mode === 'stalled') return;
      if (this.dropAfter?.(chunk)) {
        // Let the server read the message, then drop the line before its answer returns.
        this.dropAfter = null;
        this.losing = pair;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (this.mode === 'stalled' || client.destroyed) return;
      if (this.losing === pair) {
        this.losing = null;
        client.destroy();
        this.dropped();
        return;
      }
      client.write(chunk);
    });
  }

  /** Ends every open connection at once. */
  cut(): void {
    for (const { client, upstream } of [...this.pairs]) {
      client.destroy();
      upstream.destroy();
    }
  }

  /** Nothing gets through either way, and nothing says so. */
  stall(): void {
    this.mode = 'stalled';
  }

  /** Back to normal; connections that hung through a stall are dropped (as keepalive would). */
  restore(): void {
    if (this.mode === 'stalled') this.cut();
    this.mode = 'open';
  }

  /** The next client message for which `match` is true reaches the server; its answer never arrives. */
  loseAnswerTo(match: (message: string) => boolean): Promise<void> {
    return new Promise((resolve) => {
      this.dropped = resolve;
      this.dropAfter = (chunk) => match(chunk.toString('latin1'));
    });
  }

  /** Stops listening: new connections are refused. */
  async refuse(): Promise<void> {
    const closed = new Promise<void>((r) => this.server.close(() => r()));
    this.cut();
    await closed;
  }

  /** Listens again on the same port. */
  async reopen(): Promise<void> {
    await this.listen(this.port);
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((r) => (this.server.listening ? this.server.close(() => r()) : r()));
  }
}
