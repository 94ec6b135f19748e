-- CreateTable
CREATE TABLE "ShippingSettings" (
    "shop" TEXT NOT NULL,
    "markupKind" TEXT NOT NULL DEFAULT 'none',
    "markupPercent" DOUBLE PRECISION,
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
    "carrierServiceCheckedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShippingSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ShippingRateCard" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "csv" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShippingRateCard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ShippingRateCard_shop_idx" ON "ShippingRateCard"("shop");

-- CreateIndex
CREATE UNIQUE INDEX "ShippingRateCard_shop_code_key" ON "ShippingRateCard"("shop", "code");

