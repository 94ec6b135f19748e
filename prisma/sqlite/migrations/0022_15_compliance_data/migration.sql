-- AlterTable
ALTER TABLE "VariantMapping" ADD COLUMN "customsDescription" TEXT;
ALTER TABLE "VariantMapping" ADD COLUMN "gpsrManufacturer" TEXT;
ALTER TABLE "VariantMapping" ADD COLUMN "gpsrResponsiblePerson" TEXT;
ALTER TABLE "VariantMapping" ADD COLUMN "gpsrSafetyInfo" TEXT;

