// Imported first by the demo and e2e entry points: the demo's offline defaults (local SQLite, demo credentials)
// are demo-mode behaviour (app/server/config.ts); the app and worker children get SILKROUTE_MODE from the stack.
process.env.SILKROUTE_MODE ||= "demo";
