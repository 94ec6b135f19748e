/**
 * Latency at a fixed request rate, measured as an open model: requests arrive on their own schedule (Poisson, as
 * independent buyers' checkouts do), whether or not earlier answers have come back, and each latency runs from the
 * moment the request was due, not from when a free connection sent it. So a server that stalls is charged for every
 * request that arrived during the stall, and the client never hides it by waiting (coordinated omission).
 *
 * Why not autocannon's `overallRate`: it lets each connection send its share of a second's requests back to back at
 * the start of the second and then idle, so "1,000 req/s" arrives as a saturation burst of ~100 ms; and it corrects
 * for coordinated omission as if a request were due every millisecond on every connection (HdrHistogram's
 * recordValueWithExpectedInterval with ceil(1 / rate) = 1 ms), so one 20 ms answer is recorded as twenty answers of
 * 20, 19, … 1 ms. Both inflate p99 for any server whose answers take more than a few hundred microseconds.
 *
 * Requests are raw HTTP/1.1 bytes (keep-alive), built before the phase; answers must carry Content-Length.
 */
import net from "node:net";

export interface OpenLoadResult { readonly sent: number; readonly p50: number; readonly p99: number; readonly max: number; readonly failed: number }

interface Pending { readonly due: number; readonly request: Buffer }

/** Sends `rate` requests a second for `seconds` over at most `connections` keep-alive connections; latencies in ms. */
export async function openLoad(options: { host: string; port: number; requests: () => Buffer; rate: number; seconds: number; connections: number }): Promise<OpenLoadResult> {
  const { host, port, rate, seconds, connections } = options;
  const latencies: number[] = [];
  let failed = 0;
  const queue: Pending[] = [];
  const idle: Connection[] = [];
  const all: Connection[] = [];
  const total = Math.round(rate * seconds);
  let scheduled = 0;
  let done = 0;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  const answered = (due: number, ok: boolean) => {
    latencies.push(performance.now() - due);
    if (!ok) failed++;
    if (++done === total) finish();
  };
  const dispatch = () => {
    while (queue.length && idle.length) idle.pop()!.send(queue.shift()!);
    while (queue.length && all.length < connections) {
      const connection = new Connection(host, port, answered, (c) => { idle.push(c); dispatch(); }, (c) => { all.splice(all.indexOf(c), 1); dispatch(); });
      all.push(connection);
      connection.send(queue.shift()!);
    }
  };

  // Poisson arrivals: exponential gaps with mean 1/rate, laid out before the phase.
  const dueTimes: number[] = [];
  for (let t = 0; dueTimes.length < total; ) dueTimes.push((t += (-Math.log(1 - Math.random()) * 1000) / rate));
  const start = performance.now() + 5;
  const tick = () => {
    const now = performance.now();
    while (scheduled < total && start + dueTimes[scheduled]! <= now) queue.push({ due: start + dueTimes[scheduled++]!, request: options.requests() });
    dispatch();
    if (scheduled < total) setTimeout(tick, Math.max(0, start + dueTimes[scheduled]! - performance.now()));
  };
  setTimeout(tick, 5);
  await finished;
  for (const connection of all) connection.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]! * 10) / 10;
  return { sent: total, p50: at(0.5), p99: at(0.99), max: at(1), failed };
}

/** One keep-alive connection with at most one request in flight; reads answers by their Content-Length. */
class Connection {
  private readonly socket: net.Socket;
  private buffered: Buffer = Buffer.alloc(0);
  private inFlight: Pending | null = null;

  constructor(
    host: string, port: number,
    private readonly answered: (due: number, ok: boolean) => void,
    private readonly free: (c: Connection) => void,
    private readonly lost: (c: Connection) => void,
  ) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on("data", (chunk) => this.read(chunk));
    this.socket.on("error", () => this.fail());
    this.socket.on("end", () => this.fail());
  }

  send(pending: Pending): void {
    this.inFlight = pending;
    this.socket.write(pending.request);
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, chunk]) : chunk;
    const headEnd = this.buffered.indexOf("\r\n\r\n");
    if (headEnd < 0) return;
    const head = this.buffered.subarray(0, headEnd).toString("latin1");
    const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? NaN);
    if (!Number.isFinite(length)) return this.fail();
    if (this.buffered.length < headEnd + 4 + length) return;
    this.buffered = this.buffered.subarray(headEnd + 4 + length);
    const pending = this.inFlight!;
    this.inFlight = null;
    this.answered(pending.due, head.startsWith("HTTP/1.1 200"));
    this.free(this);
  }

  /** A broken connection counts its request as failed and leaves the pool; the next due request opens another. */
  private fail(): void {
    if (this.socket.destroyed && !this.inFlight) return; // already counted
    const pending = this.inFlight;
    this.inFlight = null;
    this.socket.destroy();
    this.lost(this);
    if (pending) this.answered(pending.due, false);
  }
}
