-- Migration jobs: one row per bucket-to-bucket copy job, one row per source object with its own
-- state (so a killed worker resumes exactly), and the job's log lines (the live log and SSE ids).
-- Connections and users are referenced without foreign keys: a job's history outlives them.
CREATE TYPE "MigrationState" AS ENUM ('queued', 'running', 'paused', 'cancelled', 'completed', 'failed');
CREATE TYPE "MigrationItemState" AS ENUM ('pending', 'copying', 'copied', 'skipped', 'failed');

CREATE TABLE "migration_jobs" (
    "id" UUID NOT NULL,
    "state" "MigrationState" NOT NULL DEFAULT 'queued',
    "source_connection_id" UUID NOT NULL,
    "source_bucket" TEXT NOT NULL,
    "source_prefix" TEXT NOT NULL,
    "dest_connection_id" UUID NOT NULL,
    "dest_bucket" TEXT NOT NULL,
    "dest_prefix" TEXT NOT NULL,
    "options" JSONB NOT NULL,
    "dry_run" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" UUID,
    "created_by_email" TEXT,
    "rerun_of_id" UUID,
    "listing_done" BOOLEAN NOT NULL DEFAULT false,
    "listing_after" TEXT,
    "runner_id" TEXT,
    "heartbeat_at" TIMESTAMPTZ(3),
    "throttled_until" TIMESTAMPTZ(3),
    "copy_mode" TEXT,
    "error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "migration_jobs_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "migration_jobs_created_at_idx" ON "migration_jobs"("created_at");
CREATE INDEX "migration_jobs_state_heartbeat_at_idx" ON "migration_jobs"("state", "heartbeat_at");

CREATE TABLE "migration_items" (
    "id" BIGSERIAL NOT NULL,
    "job_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "etag" TEXT,
    "last_modified" TIMESTAMPTZ(3),
    "state" "MigrationItemState" NOT NULL DEFAULT 'pending',
    "reason" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "upload_id" TEXT,
    "recheck" BOOLEAN NOT NULL DEFAULT false,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "migration_items_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "migration_items_job_id_key_key" ON "migration_items"("job_id", "key");
CREATE INDEX "migration_items_job_id_state_id_idx" ON "migration_items"("job_id", "state", "id");
ALTER TABLE "migration_items" ADD CONSTRAINT "migration_items_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "migration_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "migration_logs" (
    "seq" BIGSERIAL NOT NULL,
    "job_id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "level" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    CONSTRAINT "migration_logs_pkey" PRIMARY KEY ("seq")
);
CREATE INDEX "migration_logs_job_id_seq_idx" ON "migration_logs"("job_id", "seq");
ALTER TABLE "migration_logs" ADD CONSTRAINT "migration_logs_job_id_fkey" FOREIGN KEY ("job_id") REFERENCES "migration_jobs"("id") ON DELETE CASCADE ON UPDATE CASCADE;
