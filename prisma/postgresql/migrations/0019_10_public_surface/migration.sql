-- AlterTable
ALTER TABLE "Shop" ADD COLUMN     "carrierRequestsSignedAt" TIMESTAMP(3),
ADD COLUMN     "developmentStore" BOOLEAN NOT NULL DEFAULT false;

