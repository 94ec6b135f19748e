// Dev entry: `npx tsx app/server/suppliers/jd/emulator/start.ts --port 4020` (credentials are printed).
import { parseArgs } from "node:util";
import { startJdVopEmulator } from "./jd-vop-emulator";

const { values } = parseArgs({ options: { port: { type: "string", default: process.env.JD_VOP_PORT ?? "4020" } } });
const { url, credentials, close } = await startJdVopEmulator(Number(values.port));
console.log(`JD VOP emulator (bizapi) at ${url}; clientId=${credentials.clientId} username=${credentials.username} (see EMULATED_JD_ACCOUNT)`);
const stop = () => void close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
