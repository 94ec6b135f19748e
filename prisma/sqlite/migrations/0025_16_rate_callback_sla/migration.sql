-- CreateTable
CREATE TABLE "RateCallbackHour" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "hour" DATETIME NOT NULL,
    "rates" INTEGER NOT NULL DEFAULT 0,
    "empty" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "latency" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "RateCallbackHour_hour_idx" ON "RateCallbackHour"("hour");

-- CreateIndex
CREATE UNIQUE INDEX "RateCallbackHour_shop_hour_key" ON "RateCallbackHour"("shop", "hour");

