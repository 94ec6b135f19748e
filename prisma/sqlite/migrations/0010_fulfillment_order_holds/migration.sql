-- CreateTable
CREATE TABLE "FulfillmentOrderHold" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "fulfillmentOrderGid" TEXT NOT NULL,
    "reason" TEXT,
    "reasonNotes" TEXT,
    "heldAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "FulfillmentOrderHold_shop_fulfillmentOrderGid_key" ON "FulfillmentOrderHold"("shop", "fulfillmentOrderGid");

