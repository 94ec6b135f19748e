/**
 * The rows a shop's rate callback reads when the shop is not in memory: its install check (authenticate.server.ts)
 * and what its rate context is built from (shop-rate-context.server.ts). Through Prisma these were seven queries per
 * new shop at ~0.5–1 ms of CPU each; in the many-shops bench a fresh process's first second spent half its CPU in
 * Prisma for them, and its first answers waited up to ~1 s (ADR 0720, "Twelfth round"). On the read driver
 * (database/read-driver.server.ts) they are two statements: the install row, and one row joining the shop's
 * settings, sourcing rules, billing and install dates, with whether it has cards of its own.
 * `prismaCheckoutReads` is the same reads through Prisma: the reference the driver's are tested against, on SQLite
 * and PostgreSQL (checkout-reads.server.test.ts).
 */
import db from "../../../db.server";
import type { PlanRows } from "../../billing/plan-state.server";
import { epochDate, pgEpochMs, pgRows, readDriver, sqliteDate, type ReadDriver } from "../../database/read-driver.server";
import { pricingRulesIncludeDuties, QUOTE_SETTINGS_COLUMNS, type QuoteSettings } from "../settings.server";

/** The shop's row as the install check reads it: null when the shop never installed Silkroute. */
export interface InstallRow { uninstalledAt: Date | null; carrierRequestsSignedAt: Date | null }

export interface RateContextRows {
  /** Null when the shop has no settings row: it quotes with DEFAULT_QUOTE_SETTINGS (no row is created here). */
  settings: QuoteSettings | null;
  dutiesInProductPrices: boolean;
  /** Whether any rate card row exists: if so its cards are read (rate-cards.server.ts), else the samples apply. */
  ownCards: boolean;
  plan: PlanRows;
}

export interface CheckoutReads {
  installRow(shop: string): Promise<InstallRow | null>;
  rateContextRows(shop: string): Promise<RateContextRows>;
}

const SETTINGS_SELECT = Object.fromEntries(QUOTE_SETTINGS_COLUMNS.map((c) => [c, true])) as { [K in (typeof QUOTE_SETTINGS_COLUMNS)[number]]: true };

export const prismaCheckoutReads: CheckoutReads = {
  installRow: (shop) => db.shop.findUnique({ where: { domain: shop }, select: { uninstalledAt: true, carrierRequestsSignedAt: true } }),
  async rateContextRows(shop) {
    const [settings, sourcing, card, billing, shopRow] = await Promise.all([
      db.shippingSettings.findUnique({ where: { shop }, select: SETTINGS_SELECT }),
      db.sourcingSettings.findUnique({ where: { shop }, select: { pricingRules: true } }),
      db.shippingRateCard.findFirst({ where: { shop }, select: { id: true } }),
      db.shopBilling.findUnique({ where: { shop }, select: { plan: true, status: true, syncedAt: true } }),
      db.shop.findUnique({ where: { domain: shop }, select: { installedAt: true, uninstalledAt: true } }),
    ]);
    return { settings, dutiesInProductPrices: pricingRulesIncludeDuties(sourcing?.pricingRules), ownCards: card !== null, plan: { billing, shop: shopRow } };
  },
};

// The settings columns' types, for decoding the driver's values: SQLite holds booleans as 0/1 and JSON as text.
const BOOLEAN_COLUMNS = new Set<string>(["ddpIncludesTaxes", "iossRegistered", "ukVatRegistered", "auGstRegistered"]);
const JSON_COLUMNS = new Set<string>(["services", "dutyOverrides"]);

/** One row per shop, whatever exists: every join is on a primary key, so the statement reads at most one row of each. */
function contextSql(provider: ReadDriver["provider"]): string {
  const date = (column: string) => (provider === "postgresql" ? pgEpochMs(column) : column);
  const settings = QUOTE_SETTINGS_COLUMNS.map((c) => `s."${c}" AS "${c}"`).join(", ");
  return `SELECT s."shop" IS NOT NULL AS "hasSettings", ${settings}, so."pricingRules" AS "pricingRules",
  EXISTS (SELECT 1 FROM "ShippingRateCard" c WHERE c."shop" = k."shop") AS "ownCards",
  b."plan" AS "billingPlan", b."status" AS "billingStatus", ${date(`b."syncedAt"`)} AS "billingSyncedAt",
  ${date(`sh."installedAt"`)} AS "installedAt", ${date(`sh."uninstalledAt"`)} AS "uninstalledAt"
FROM (SELECT ${provider === "postgresql" ? "$1::text" : "?"} AS "shop") k
LEFT JOIN "ShippingSettings" s ON s."shop" = k."shop"
LEFT JOIN "SourcingSettings" so ON so."shop" = k."shop"
LEFT JOIN "ShopBilling" b ON b."shop" = k."shop"
LEFT JOIN "Shop" sh ON sh."domain" = k."shop"`;
}

type Raw = Record<string, unknown>;

function decodeContext(raw: Raw, provider: ReadDriver["provider"]): RateContextRows {
  const sqlite = provider === "sqlite";
  const bool = (value: unknown) => (sqlite ? value === 1 : value === true);
  const json = (value: unknown) => (sqlite && typeof value === "string" ? JSON.parse(value) : (value ?? null));
  const date = sqlite ? sqliteDate : epochDate;
  let settings: QuoteSettings | null = null;
  if (bool(raw.hasSettings)) {
    const row: Raw = {};
    for (const column of QUOTE_SETTINGS_COLUMNS) {
      const value = raw[column];
      row[column] = BOOLEAN_COLUMNS.has(column) ? bool(value) : JSON_COLUMNS.has(column) ? json(value) : value;
    }
    settings = row as unknown as QuoteSettings;
  }
  const syncedAt = date(raw.billingSyncedAt);
  const installedAt = date(raw.installedAt);
  return {
    settings,
    dutiesInProductPrices: pricingRulesIncludeDuties(json(raw.pricingRules)),
    ownCards: bool(raw.ownCards),
    plan: {
      billing: raw.billingPlan == null || syncedAt === null ? null : { plan: String(raw.billingPlan), status: (raw.billingStatus as string | null) ?? null, syncedAt },
      shop: installedAt === null ? null : { installedAt, uninstalledAt: date(raw.uninstalledAt) },
    },
  };
}

const INSTALL_SQL = (provider: ReadDriver["provider"]) => provider === "postgresql"
  ? `SELECT ${pgEpochMs(`"uninstalledAt"`)} AS "uninstalledAt", ${pgEpochMs(`"carrierRequestsSignedAt"`)} AS "carrierRequestsSignedAt" FROM "Shop" WHERE "domain" = $1`
  : `SELECT "uninstalledAt", "carrierRequestsSignedAt" FROM "Shop" WHERE "domain" = ?`;

/** The reads on the read driver of the database at `url` (statements prepared on first use). */
export function driverCheckoutReads(url?: string): CheckoutReads {
  let reads: { install: (shop: string) => Promise<Raw | undefined>; context: (shop: string) => Promise<Raw> } | undefined;
  let provider: ReadDriver["provider"] = "sqlite";
  const open = () => {
    if (reads) return reads;
    const driver = readDriver(url);
    provider = driver.provider;
    if (driver.provider === "postgresql") {
      const [install, context] = [INSTALL_SQL("postgresql"), contextSql("postgresql")];
      reads = {
        install: async (shop) => (await pgRows(driver.pool, "checkout-install", install, [shop]))[0] as Raw | undefined,
        context: async (shop) => (await pgRows(driver.pool, "checkout-context", context, [shop]))[0] as Raw,
      };
    } else {
      const [install, context] = [driver.connection.prepare(INSTALL_SQL("sqlite")), driver.connection.prepare(contextSql("sqlite"))];
      reads = { install: async (shop) => install.get(shop) as Raw | undefined, context: async (shop) => context.get(shop) as Raw };
    }
    return reads;
  };
  return {
    async installRow(shop) {
      const raw = await open().install(shop);
      if (!raw) return null;
      const date = provider === "sqlite" ? sqliteDate : epochDate;
      return { uninstalledAt: date(raw.uninstalledAt), carrierRequestsSignedAt: date(raw.carrierRequestsSignedAt) };
    },
    rateContextRows: async (shop) => decodeContext(await open().context(shop), provider),
  };
}

let reads: CheckoutReads | undefined;
/** The process's checkout reads: on the read driver. */
export const checkoutReads = (): CheckoutReads => (reads ??= driverCheckoutReads());
