// Imported first by process entry points (worker, production server): a misconfigured production process stops
// here, naming what is missing, before it opens a database or registers a callback URL (app/server/config.ts).
import { loadConfig } from "./config";

loadConfig();
