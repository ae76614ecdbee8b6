-- Groups of users and bucket/prefix grants for users or groups.
CREATE TABLE "groups" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "groups_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "groups_name_key" ON "groups"("name");

CREATE TABLE "group_members" (
    "group_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    CONSTRAINT "group_members_pkey" PRIMARY KEY ("group_id","user_id")
);
CREATE INDEX "group_members_user_id_idx" ON "group_members"("user_id");
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "grants" (
    "id" UUID NOT NULL,
    "user_id" UUID,
    "group_id" UUID,
    "connection_id" UUID NOT NULL,
    "bucket" TEXT NOT NULL,
    "prefix" TEXT NOT NULL DEFAULT '',
    "actions" TEXT[],
    "expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "grants_pkey" PRIMARY KEY ("id"),
    -- Exactly one grantee: a user or a group.
    CONSTRAINT "grants_one_grantee" CHECK (("user_id" IS NULL) <> ("group_id" IS NULL))
);
CREATE INDEX "grants_user_id_idx" ON "grants"("user_id");
CREATE INDEX "grants_group_id_idx" ON "grants"("group_id");
CREATE INDEX "grants_connection_id_bucket_idx" ON "grants"("connection_id", "bucket");
ALTER TABLE "grants" ADD CONSTRAINT "grants_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "grants" ADD CONSTRAINT "grants_group_id_fkey" FOREIGN KEY ("group_id") REFERENCES "groups"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "grants" ADD CONSTRAINT "grants_connection_id_fkey" FOREIGN KEY ("connection_id") REFERENCES "s3_connections"("id") ON DELETE CASCADE ON UPDATE CASCADE;
