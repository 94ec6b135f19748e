-- AlterTable
ALTER TABLE "VariantMapping" ADD COLUMN     "customsDescription" TEXT,
ADD COLUMN     "gpsrManufacturer" TEXT,
ADD COLUMN     "gpsrResponsiblePerson" TEXT,
ADD COLUMN     "gpsrSafetyInfo" TEXT;

