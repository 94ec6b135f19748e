import { http } from "msw";
import type { Emulator } from "./emulator";

/**
 * For test files that already run an msw server with onUnhandledRequest: "error": these handlers answer
 * every https://<shop>/admin/... request (Admin GraphQL, token exchange) from the emulator, in-process.
 */
export function emulatorHandlers(emulator: Emulator) {
  return [http.all("https://:shop/admin/*", ({ request }) => emulator.handle(request))];
}
