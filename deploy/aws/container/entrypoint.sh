#!/bin/sh
# Entrypoint of the API and worker containers on ECS (deploy/aws). ECS injects the pieces —
# Secrets Manager values and the database/Redis endpoints — as separate variables; the API reads
# whole URLs and a key list. This composes DATABASE_URL, MASTER_KEYS and REDIS_URL, drops the
# pieces, and then runs the given command as PID 1 (exec), so SIGTERM reaches Node directly.
#   sh /app/deploy/aws/container/entrypoint.sh node --import tsx src/server.ts
set -eu

: "${DB_HOST:?}" "${DB_PORT:?}" "${DB_NAME:?}" "${DB_USERNAME:?}" "${DB_PASSWORD:?}"
: "${MASTER_KEY_ID:?}" "${MASTER_KEY:?}"

# The generated password holds only URL-safe characters (deploy/aws/src/app-secrets.ts).
# sslmode=no-verify: TLS is on (RDS enforces it) but the RDS CA is not in Node's trust store;
# to verify it too, add the RDS CA bundle to the image and set DB_SSLMODE=verify-full&sslrootcert=<file>.
export DATABASE_URL="postgresql://${DB_USERNAME}:${DB_PASSWORD}@${DB_HOST}:${DB_PORT}/${DB_NAME}?sslmode=${DB_SSLMODE:-no-verify}"
# Keys from an earlier rotation may follow the current one (MASTER_KEYS_PREVIOUS="k0:…").
export MASTER_KEYS="${MASTER_KEY_ID}:${MASTER_KEY}${MASTER_KEYS_PREVIOUS:+,${MASTER_KEYS_PREVIOUS}}"
if [ -n "${REDIS_HOST:-}" ]; then
  # rediss: ElastiCache encrypts in transit; its certificate chains to a public CA.
  export REDIS_URL="rediss://:${REDIS_AUTH_TOKEN:?}@${REDIS_HOST}:${REDIS_PORT:-6379}"
fi
unset DB_PASSWORD MASTER_KEY MASTER_KEYS_PREVIOUS REDIS_AUTH_TOKEN

exec "$@"
