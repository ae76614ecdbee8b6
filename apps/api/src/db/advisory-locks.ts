// Every PostgreSQL advisory lock id the API takes, in one place so two features never share one
// by accident (a shared id silently serialises unrelated work, or deadlocks when one holds it
// while waiting on the other). Any constant works; it only has to be the same on every instance.
// db/migrate.ts keeps its own 72_023_311 (jest's global setup loads it without local imports).
export const ADVISORY_LOCKS = {
  auditAppend: 72_023_312,
  adminGuard: 72_023_313,
  localStorageOwner: 72_023_314,
  bootstrapStorage: 72_023_325,
} as const;
