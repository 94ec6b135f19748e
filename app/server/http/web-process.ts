/**
 * What every web process entry does around its server (`npm start`'s production-server.ts and `npm run start:rates`'s
 * rates-server.ts): the heap-limit warning and optional memory log at start, then listening on PORT/HOST until
 * SIGTERM or SIGINT, when it stops taking connections and lets the ones in flight finish.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import v8 from "node:v8";
import type { AppConfig } from "../config";

const mb = (bytes: number) => Math.round(bytes / 1_048_576);

export function watchMemory(config: Pick<AppConfig, "SILKROUTE_HEAP_MB" | "SILKROUTE_MEMORY_LOG_SECONDS">, startCommand: string): void {
  // The heap limit can only be set when node starts (the start scripts do); say so when it was not. The limit V8
  // reports adds the young generation (3 × 16 MB with the start scripts' --max-semi-space-size=16) to the old space.
  const heapLimitMb = mb(v8.getHeapStatistics().heap_size_limit);
  if (heapLimitMb > config.SILKROUTE_HEAP_MB + 256) {
    console.warn(`[server] V8 heap limit is ${heapLimitMb} MB, not SILKROUTE_HEAP_MB=${config.SILKROUTE_HEAP_MB}: start with ${startCommand} or pass --max-old-space-size`);
  }
  if (config.SILKROUTE_MEMORY_LOG_SECONDS > 0) {
    setInterval(() => {
      const m = process.memoryUsage();
      console.log(`[memory] rss ${mb(m.rss)} MB, heap used ${mb(m.heapUsed)} of ${mb(m.heapTotal)} MB, array buffers ${mb(m.arrayBuffers)} MB, other external ${mb(m.external - m.arrayBuffers)} MB`);
    }, config.SILKROUTE_MEMORY_LOG_SECONDS * 1000).unref();
  }
}

/** Runs the build's warm-up (if any) before the process listens, and logs how long it took; a failure is logged and
 *  the process starts anyway (its first checkouts then pay those costs instead). */
export async function warmUp(run: (() => Promise<unknown>) | null): Promise<void> {
  if (!run) return;
  const started = performance.now();
  try {
    await run();
    console.log(`[server] warmed up in ${Math.round(performance.now() - started)} ms`);
  } catch (error) {
    console.error(`[server] warm-up failed: ${error instanceof Error ? error.name : "unknown error"}`);
  }
}

/** Listens on PORT (default 3000; 0: any free port, for tests and benchmarks) and HOST, and logs the address. */
export function listenUntilStopped(server: Server, role: string): void {
  const port = process.env.PORT ? Number(process.env.PORT) : 3000;
  const host = process.env.HOST;
  const onListen = () => console.log(`[server] http://${host ?? "localhost"}:${(server.address() as AddressInfo).port} (${process.env.NODE_ENV}, ${role})`);
  if (host) server.listen(port, host, onListen);
  else server.listen(port, onListen);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      server.close((error) => error && console.error(error));
      server.closeIdleConnections();
    });
  }
}
