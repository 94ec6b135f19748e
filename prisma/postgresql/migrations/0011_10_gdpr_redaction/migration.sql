-- DropIndex
DROP INDEX "ComplianceRequest_shop_idx";

-- AlterTable
ALTER TABLE "ShopOrder" DROP COLUMN "email";

-- AlterTable
ALTER TABLE "ComplianceRequest" ADD COLUMN     "answeredAt" TIMESTAMP(3),
ADD COLUMN     "erasedAt" TIMESTAMP(3),
ADD COLUMN     "erasedBy" TEXT,
ADD COLUMN     "orderGids" JSONB,
ADD COLUMN     "webhookId" TEXT;

-- CreateTable
CREATE TABLE "RedactionMarker" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "gid" TEXT NOT NULL,
    "redactedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RedactionMarker_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RedactionMarker_shop_gid_key" ON "RedactionMarker"("shop", "gid");

-- CreateIndex
CREATE UNIQUE INDEX "ComplianceRequest_webhookId_key" ON "ComplianceRequest"("webhookId");

-- CreateIndex
CREATE INDEX "ComplianceRequest_shop_topic_createdAt_idx" ON "ComplianceRequest"("shop", "topic", "createdAt");

