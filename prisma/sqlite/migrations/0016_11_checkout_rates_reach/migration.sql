-- CreateTable
CREATE TABLE "CheckoutRatesReach" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "wanted" BOOLEAN NOT NULL DEFAULT false,
    "mode" TEXT NOT NULL DEFAULT 'app-profile',
    "merchantZoneGids" TEXT,
    "profileGid" TEXT,
    "syncedKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'off',
    "message" TEXT,
    "leaseUntil" DATETIME,
    "syncedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

