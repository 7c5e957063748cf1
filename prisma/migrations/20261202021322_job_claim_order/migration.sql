-- CreateIndex
CREATE INDEX "Job_status_priority_runAt_id_idx" ON "Job"("status", "priority" DESC, "runAt", "id");

