-- CreateTable
CREATE TABLE "FxRates" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "source" TEXT NOT NULL,
    "effectiveDate" TEXT NOT NULL,
    "rates" JSONB NOT NULL,
    "fetchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "FxOverride" (
    "shop" TEXT NOT NULL,
    "fromCurrency" TEXT NOT NULL,
    "toCurrency" TEXT NOT NULL,
    "rate" REAL NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "fromCurrency", "toCurrency")
);

-- CreateIndex
CREATE UNIQUE INDEX "FxRates_source_effectiveDate_key" ON "FxRates"("source", "effectiveDate");

