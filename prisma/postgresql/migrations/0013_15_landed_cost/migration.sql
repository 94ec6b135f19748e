-- DropIndex
DROP INDEX "ShippingRateCard_shop_code_key";

-- AlterTable
ALTER TABLE "ShippingSettings" ADD COLUMN     "auGstRegistered" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "dutyOverrides" JSONB,
ADD COLUMN     "iossRegistered" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "ukVatRegistered" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "ShippingRateCard" ADD COLUMN     "effectiveFrom" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE UNIQUE INDEX "ShippingRateCard_shop_code_effectiveFrom_key" ON "ShippingRateCard"("shop", "code", "effectiveFrom");

