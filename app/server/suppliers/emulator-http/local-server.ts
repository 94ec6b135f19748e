import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Socket } from "node:net";

/**
 * Listening and closing for the suppliers' local stand-ins (sandbox service, CJ and JD emulators), which tests and the
 * demo start and stop many times: `listen` resolves with the bound port (0 picks a free one); `close` drops open
 * keep-alive sockets first, so it never waits on an idle client.
 */
export function localServer(server: Server) {
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  return {
    listen(port = 0, host = "127.0.0.1"): Promise<{ port: number; url: string }> {
      return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve({ port: address.port, url: `http://${host}:${address.port}` });
        });
      });
    },
    close(): Promise<void> {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
