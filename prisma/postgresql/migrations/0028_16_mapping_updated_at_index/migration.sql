-- CreateIndex
CREATE INDEX "VariantMapping_shop_updatedAt_idx" ON "VariantMapping"("shop", "updatedAt");

