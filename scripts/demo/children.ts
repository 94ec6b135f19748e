import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface Child {
  name: string;
  process: ChildProcess;
  alive(): boolean;
  stop(): Promise<void>;
}

/**
 * Runs an npm script in its own process group, streaming its output line by line to `log`, so stopping it
 * also stops what npm started (tsx, node) and nothing else.
 */
export function runNpmScript(name: string, script: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Child {
  const child = spawn("npm", ["run", "--silent", script], { cwd: ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => child.once("exit", (code, signal) => {
    exited = true;
    log(`[${name}] exited (${signal ?? code})`);
    resolve();
  }));
  for (const stream of [child.stdout, child.stderr]) {
    let buffered = "";
    stream?.setEncoding("utf8");
    stream?.on("data", (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) if (line.trim()) log(`[${name}] ${line}`);
    });
  }
  return {
    name,
    process: child,
    alive: () => !exited,
    async stop() {
      if (exited || child.pid === undefined) return;
      const signal = (sig: NodeJS.Signals) => { try { process.kill(-child.pid!, sig); } catch { /* already gone */ } };
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 8_000);
      await exit;
      clearTimeout(timer);
    },
  };
}
