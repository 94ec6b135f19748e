import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { databaseUrl } from "../db.server";
import { loadConfig, silkrouteMode, type Env } from "./config";

const KEYS = "k1:" + Buffer.alloc(32, 9).toString("base64");
const PRODUCTION = {
  SHOPIFY_API_KEY: "real-client-id", SHOPIFY_API_SECRET: "real-client-secret", SHOPIFY_APP_URL: "https://silkroute.example.com",
  SILKROUTE_ENCRYPTION_KEYS: KEYS, DATABASE_URL: "postgresql://app@db.internal:5432/silkroute",
};

const problemsOf = (env: Env) => {
  try {
    loadConfig(env);
    return "";
  } catch (error) {
    return (error as Error).message;
  }
};

describe("configuration", () => {
  it("starts in production with real credentials, a public https URL, encryption keys and DATABASE_URL", () => {
    expect(loadConfig(PRODUCTION)).toMatchObject({ SILKROUTE_MODE: "production", SHOPIFY_APP_URL: "https://silkroute.example.com" });
  });

  it("treats an unset SILKROUTE_MODE as production whatever NODE_ENV says, so nothing falls back to demo values", () => {
    for (const NODE_ENV of [undefined, "development", "test", "production"]) {
      const message = problemsOf({ NODE_ENV });
      for (const name of ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "SHOPIFY_APP_URL", "SILKROUTE_ENCRYPTION_KEYS", "DATABASE_URL"]) expect(message).toContain(name);
    }
  });

  it("refuses each missing or demo production setting by name, never printing a value", () => {
    const cases: [Record<string, string | undefined>, RegExp][] = [
      [{ DATABASE_URL: undefined }, /DATABASE_URL: required/],
      [{ SILKROUTE_ENCRYPTION_KEYS: undefined }, /SILKROUTE_ENCRYPTION_KEYS: required/],
      [{ SILKROUTE_ENCRYPTION_KEYS: "k1:short" }, /SILKROUTE_ENCRYPTION_KEYS: .*32 bytes/],
      [{ SHOPIFY_API_SECRET: "silkroute-demo-api-secret" }, /SHOPIFY_API_SECRET: the demo value/],
      [{ SHOPIFY_APP_URL: "http://127.0.0.1:3000" }, /SHOPIFY_APP_URL: must be https/],
      [{ SHOPIFY_APP_URL: "https://localhost:3000" }, /SHOPIFY_APP_URL: .*loopback/],
      [{ SHOPIFY_API_KEY: undefined }, /SHOPIFY_API_KEY/],
    ];
    for (const [change, expected] of cases) {
      const message = problemsOf({ ...PRODUCTION, ...change });
      expect(message).toMatch(expected);
      expect(message).not.toContain("real-client-secret");
    }
  });

  it("stops at start on a retention period that is not a whole number of days from 1 to 3650, in any mode", () => {
    for (const bad of ["0", "-3", "7.5", "thirty", "4000"]) {
      expect(problemsOf({ ...PRODUCTION, SILKROUTE_RETENTION_DAYS: bad })).toMatch(/SILKROUTE_RETENTION_DAYS: .*whole number of days/);
      expect(problemsOf({ SILKROUTE_MODE: "demo", SILKROUTE_RETENTION_DAYS: bad })).toMatch(/SILKROUTE_RETENTION_DAYS/);
    }
    expect(problemsOf({ ...PRODUCTION, SILKROUTE_RETENTION_DAYS: "90" })).toBe("");
  });

  it("uses the offline demo defaults only when SILKROUTE_MODE says demo or test", () => {
    expect(loadConfig({ SILKROUTE_MODE: "demo" })).toMatchObject({ SHOPIFY_API_KEY: "silkroute-demo-api-key", SHOPIFY_APP_URL: "http://127.0.0.1:3000" });
    expect(loadConfig({ SILKROUTE_MODE: "test", SHOPIFY_API_SECRET: "s" })).toMatchObject({ SHOPIFY_API_SECRET: "s" });
    expect(() => silkrouteMode({ SILKROUTE_MODE: "staging" })).toThrow(/SILKROUTE_MODE/);
  });

  it("never lets a production process fall back to the local SQLite file", () => {
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("SILKROUTE_MODE", "");
    try {
      expect(() => databaseUrl()).toThrow(/DATABASE_URL is required/);
      vi.stubEnv("SILKROUTE_MODE", "demo");
      expect(databaseUrl()).toMatch(/^file:/);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("stops `npm run worker` at start when production settings are missing, naming them", () => {
    const root = path.resolve(__dirname, "../..");
    const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: "production" } as NodeJS.ProcessEnv;
    const result = spawnSync(process.execPath, ["--import", "tsx", "app/worker.server.ts"], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/Silkroute configuration is invalid .*SHOPIFY_APP_URL.*DATABASE_URL/s);
  });
});

describe("the web process's memory limits", () => {
  it("npm start and npm run start:rates pass node the same default heap limit the config documents, and a young generation of 16 MB", async () => {
    const { readFileSync } = await import("node:fs");
    const { DEFAULT_HEAP_MB } = await import("./config");
    const scripts = (JSON.parse(readFileSync(path.join(process.cwd(), "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    for (const start of [scripts.start!, scripts["start:rates"]!]) {
      expect(start).toContain(`--max-old-space-size=\${SILKROUTE_HEAP_MB:-${DEFAULT_HEAP_MB}}`);
      expect(start).toContain("--max-semi-space-size=16");
    }
  });

  it("refuses a heap limit too small to run the app", () => {
    expect(problemsOf({ ...PRODUCTION, SILKROUTE_HEAP_MB: "64" })).toMatch(/SILKROUTE_HEAP_MB/);
    expect(problemsOf({ ...PRODUCTION, SILKROUTE_HEAP_MB: "512" })).toBe("");
  });
});
