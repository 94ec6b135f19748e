/** A real node:http server for a test file: listening on a free loopback port, and closed with its connections. */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Resolves with the server's origin (`http://127.0.0.1:<port>`) once it listens. */
export async function listenOnFreePort(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Drops kept-alive connections too, so closing never waits for a client's idle socket. */
export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}
