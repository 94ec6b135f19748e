-- CreateTable
CREATE TABLE "CheckoutRatesReach" (
    "shop" TEXT NOT NULL,
    "wanted" BOOLEAN NOT NULL DEFAULT false,
    "mode" TEXT NOT NULL DEFAULT 'app-profile',
    "merchantZoneGids" TEXT,
    "profileGid" TEXT,
    "syncedKey" TEXT,
    "status" TEXT NOT NULL DEFAULT 'off',
    "message" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckoutRatesReach_pkey" PRIMARY KEY ("shop")
);

