-- Security monitor: the detectors' event stream, alerts, IP blocks and allow-lists, notification
-- deliveries, log-reader checkpoints and notices for users.
CREATE TYPE "SecuritySeverity" AS ENUM ('LOW', 'MEDIUM', 'HIGH');
CREATE TYPE "SecurityAlertStatus" AS ENUM ('open', 'acknowledged', 'resolved');

CREATE TABLE "security_events" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "ip" TEXT,
    "user_id" UUID,
    "principal" TEXT,
    "user_agent" TEXT,
    "route" TEXT,
    "status" INTEGER,
    "bytes" BIGINT,
    "request_id" TEXT,
    "audit_seq" BIGINT,
    "line" TEXT,
    CONSTRAINT "security_events_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "security_events_kind_ip_at_idx" ON "security_events"("kind", "ip", "at");
CREATE INDEX "security_events_kind_user_id_at_idx" ON "security_events"("kind", "user_id", "at");
CREATE INDEX "security_events_at_idx" ON "security_events"("at");

CREATE TABLE "security_alerts" (
    "id" UUID NOT NULL,
    "rule" TEXT NOT NULL,
    "severity" "SecuritySeverity" NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "evidence" JSONB NOT NULL DEFAULT '[]',
    "count" INTEGER NOT NULL DEFAULT 1,
    "first_seen" TIMESTAMPTZ(3) NOT NULL,
    "last_seen" TIMESTAMPTZ(3) NOT NULL,
    "status" "SecurityAlertStatus" NOT NULL DEFAULT 'open',
    "acknowledged_by" TEXT,
    "acknowledged_at" TIMESTAMPTZ(3),
    "resolved_by" TEXT,
    "resolved_at" TIMESTAMPTZ(3),
    CONSTRAINT "security_alerts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "security_alerts_status_last_seen_idx" ON "security_alerts"("status", "last_seen");
CREATE INDEX "security_alerts_rule_subject_last_seen_idx" ON "security_alerts"("rule", "subject", "last_seen");

CREATE TABLE "ip_blocks" (
    "id" UUID NOT NULL,
    "cidr" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "alert_id" UUID,
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3),
    CONSTRAINT "ip_blocks_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ip_blocks_expires_at_idx" ON "ip_blocks"("expires_at");

CREATE TABLE "ip_allow_entries" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "cidr" TEXT NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ip_allow_entries_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "ip_allow_entries_user_id_idx" ON "ip_allow_entries"("user_id");

CREATE TABLE "security_notifications" (
    "id" UUID NOT NULL,
    "alert_id" UUID NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    CONSTRAINT "security_notifications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "security_notifications_status_next_attempt_at_idx" ON "security_notifications"("status", "next_attempt_at");
CREATE INDEX "security_notifications_alert_id_idx" ON "security_notifications"("alert_id");
ALTER TABLE "security_notifications" ADD CONSTRAINT "security_notifications_alert_id_fkey" FOREIGN KEY ("alert_id") REFERENCES "security_alerts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "security_log_checkpoints" (
    "source" TEXT NOT NULL,
    "last_key" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "security_log_checkpoints_pkey" PRIMARY KEY ("source")
);

CREATE TABLE "user_notices" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    CONSTRAINT "user_notices_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "user_notices_user_id_read_at_idx" ON "user_notices"("user_id", "read_at");
