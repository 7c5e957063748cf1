-- AlterTable
ALTER TABLE "Invite" ADD COLUMN     "stationId" INTEGER;

-- AddForeignKey
ALTER TABLE "Invite" ADD CONSTRAINT "Invite_stationId_fkey" FOREIGN KEY ("stationId") REFERENCES "LiaisonStation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

