-- CreateTable
CREATE TABLE "FulfillmentOrderHold" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "fulfillmentOrderGid" TEXT NOT NULL,
    "reason" TEXT,
    "reasonNotes" TEXT,
    "heldAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FulfillmentOrderHold_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FulfillmentOrderHold_shop_fulfillmentOrderGid_key" ON "FulfillmentOrderHold"("shop", "fulfillmentOrderGid");

