import { spawnSync } from "node:child_process";
import { ROOT } from "./providers";

/** Runs the Prisma CLI (Node 24 from node_modules/.bin) and returns stdout, throwing on failure. */
export function prisma(args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync("npx", ["prisma", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    // prisma falls back to downloading a native engine when DATABASE_URL is unset; it never is here.
    env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL ?? "file:./.data/silkroute.db", ...env },
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}
