import type { JobDeps, JobRegistration, JobScheduleSpec } from "../jobs/handlers";
import { refreshEcbRates } from "./fx-rates.server";

export const REFRESH_ECB_RATES = "fx.refresh-ecb-rates";

export function fxJobHandlers(_deps: JobDeps): Record<string, JobRegistration> {
  return { [REFRESH_ECB_RATES]: { handler: async () => refreshEcbRates(), options: { concurrency: 1 } } };
}

// The ECB publishes around 16:00 CET on working days.
export const fxJobSchedules: JobScheduleSpec[] = [
  { name: "fx.refresh-ecb-rates.daily", cron: "30 15 * * 1-5", queue: REFRESH_ECB_RATES, payload: {} },
];
