-- CreateTable
CREATE TABLE "FxRates" (
    "id" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "effectiveDate" TEXT NOT NULL,
    "rates" JSONB NOT NULL,
    "fetchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FxRates_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FxOverride" (
    "shop" TEXT NOT NULL,
    "fromCurrency" TEXT NOT NULL,
    "toCurrency" TEXT NOT NULL,
    "rate" DOUBLE PRECISION NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FxOverride_pkey" PRIMARY KEY ("shop","fromCurrency","toCurrency")
);

-- CreateIndex
CREATE UNIQUE INDEX "FxRates_source_effectiveDate_key" ON "FxRates"("source", "effectiveDate");

