import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");
const INPUTS = ["app", "remix.config.js", "package.json", "tsconfig.json"];
const SKIP = /(\.test\.tsx?$|\/__fixtures__\/|\/emulator\/admin-shell\/)/;

function newestInput(target: string): number {
  const stat = fs.statSync(target, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return SKIP.test(target) ? 0 : stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestInput(path.join(target, entry)));
  return newest;
}

/** The build is stale when any app source (tests and the emulator aside) is newer than its oldest output: the Remix
 *  build (build/index.js), or the processes bundled beside it (build/server.js for `npm start`, build/worker.js for
 *  `npm run worker`). */
export function buildIsStale(): boolean {
  const built = Math.min(...["build/index.js", "build/server.js", "build/worker.js"].map((file) => fs.statSync(path.join(ROOT, file), { throwIfNoEntry: false })?.mtimeMs ?? 0));
  return INPUTS.some((input) => newestInput(path.join(ROOT, input)) > built);
}

export function ensureBuild(log: (line: string) => void): void {
  if (!buildIsStale()) return;
  log("[demo] building the app (npm run build)");
  const result = spawnSync("npm", ["run", "--silent", "build"], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}
