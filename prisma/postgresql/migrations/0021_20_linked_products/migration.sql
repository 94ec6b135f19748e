-- AlterTable
ALTER TABLE "FulfillmentSettings" ADD COLUMN     "linkedMoveWhen" TEXT NOT NULL DEFAULT 'out_of_stock';

-- AlterTable
ALTER TABLE "VariantMapping" ADD COLUMN     "fulfilVia" TEXT,
ADD COLUMN     "linkedWarehouse" TEXT,
ADD COLUMN     "merchantAvailable" INTEGER,
ADD COLUMN     "merchantLocationGid" TEXT;

