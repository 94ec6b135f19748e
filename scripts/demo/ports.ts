import { createServer } from "node:net";

/** A port the OS says is free on loopback right now (the e2e run takes fresh ones so runs never collide). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls a URL until it answers with any HTTP status (the process is up), or fails after `timeoutMs`. */
export async function waitForHttp(url: string, timeoutMs = 30_000, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { redirect: "manual", signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      return;
    } catch {
      if (!isAlive()) throw new Error(`the process behind ${url} exited before it answered`);
      if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}

/** Fails with a readable message when a fixed port (the demo's defaults) is taken, before anything starts. */
export function ensurePortFree(port: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", () => reject(new Error(`port ${port} for the ${what} is in use (is another demo running?)`)));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve()));
  });
}
