-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ShippingSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "markupKind" TEXT NOT NULL DEFAULT 'none',
    "markupPercent" REAL,
    "markupMinor" INTEGER,
    "handlingFeeMinor" INTEGER,
    "handlingFeePer" TEXT NOT NULL DEFAULT 'order',
    "freeShippingMinor" INTEGER,
    "freeShippingServices" TEXT,
    "rulesCurrency" TEXT NOT NULL DEFAULT 'USD',
    "services" JSONB,
    "ddpIncludesTaxes" BOOLEAN NOT NULL DEFAULT true,
    "iossRegistered" BOOLEAN NOT NULL DEFAULT true,
    "ukVatRegistered" BOOLEAN NOT NULL DEFAULT true,
    "auGstRegistered" BOOLEAN NOT NULL DEFAULT true,
    "dutyOverrides" JSONB,
    "defaultBoxLengthMm" INTEGER NOT NULL DEFAULT 150,
    "defaultBoxWidthMm" INTEGER NOT NULL DEFAULT 100,
    "defaultBoxHeightMm" INTEGER NOT NULL DEFAULT 50,
    "carrierServiceGid" TEXT,
    "carrierServiceStatus" TEXT NOT NULL DEFAULT 'unregistered',
    "carrierServiceMessage" TEXT,
    "carrierServiceCheckedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ShippingSettings" ("carrierServiceCheckedAt", "carrierServiceGid", "carrierServiceMessage", "carrierServiceStatus", "createdAt", "ddpIncludesTaxes", "defaultBoxHeightMm", "defaultBoxLengthMm", "defaultBoxWidthMm", "freeShippingMinor", "freeShippingServices", "handlingFeeMinor", "handlingFeePer", "markupKind", "markupMinor", "markupPercent", "rulesCurrency", "services", "shop", "updatedAt", "version") SELECT "carrierServiceCheckedAt", "carrierServiceGid", "carrierServiceMessage", "carrierServiceStatus", "createdAt", "ddpIncludesTaxes", "defaultBoxHeightMm", "defaultBoxLengthMm", "defaultBoxWidthMm", "freeShippingMinor", "freeShippingServices", "handlingFeeMinor", "handlingFeePer", "markupKind", "markupMinor", "markupPercent", "rulesCurrency", "services", "shop", "updatedAt", "version" FROM "ShippingSettings";
DROP TABLE "ShippingSettings";
ALTER TABLE "new_ShippingSettings" RENAME TO "ShippingSettings";
CREATE TABLE "new_ShippingRateCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "effectiveFrom" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "csv" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ShippingRateCard" ("active", "code", "csv", "id", "name", "shop", "updatedAt", "uploadedAt", "version") SELECT "active", "code", "csv", "id", "name", "shop", "updatedAt", "uploadedAt", "version" FROM "ShippingRateCard";
DROP TABLE "ShippingRateCard";
ALTER TABLE "new_ShippingRateCard" RENAME TO "ShippingRateCard";
CREATE INDEX "ShippingRateCard_shop_idx" ON "ShippingRateCard"("shop");
CREATE UNIQUE INDEX "ShippingRateCard_shop_code_effectiveFrom_key" ON "ShippingRateCard"("shop", "code", "effectiveFrom");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

