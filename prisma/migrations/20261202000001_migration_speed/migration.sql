-- The copy speed the running worker measured (bytes/s over its last seconds), so every viewer on
-- every API instance shows the same number.
ALTER TABLE "migration_jobs" ADD COLUMN "speed_bytes_per_second" DOUBLE PRECISION NOT NULL DEFAULT 0;
