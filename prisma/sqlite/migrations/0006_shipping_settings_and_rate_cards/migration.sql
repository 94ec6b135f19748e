-- CreateTable
CREATE TABLE "ShippingSettings" (
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

-- CreateTable
CREATE TABLE "ShippingRateCard" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "csv" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "ShippingRateCard_shop_idx" ON "ShippingRateCard"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "ShippingRateCard_shop_code_key" ON "ShippingRateCard"("shop", "code");

