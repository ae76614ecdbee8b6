// Every command, registered in the order `s3am --help` lists them.
import { type Command } from 'commander';
import { registerAudit } from './audit.js';
import { registerBackup } from './backup.js';
import { registerCleanup } from './cleanup.js';
import { registerConnections } from './connections.js';
import { registerDownload } from './download.js';
import { registerGrants } from './grants.js';
import { registerHealth } from './health.js';
import { registerListFiles } from './list-files.js';
import { registerLogin } from './login.js';
import { registerMigrate } from './migrate.js';
import { registerLs } from './ls.js';
import { registerRm } from './rm.js';
import { registerSecurity } from './security.js';
import { registerStats } from './stats.js';
import { registerUpload } from './upload.js';
import { registerUrl } from './url.js';
import { registerUsers } from './users.js';

export function registerCommands(program: Command): void {
  registerLogin(program);
  registerLs(program);
  registerUpload(program);
  registerDownload(program);
  registerRm(program);
  registerUrl(program);
  registerHealth(program);
  registerStats(program);
  registerListFiles(program);
  registerCleanup(program);
  registerAudit(program);
  registerBackup(program);
  registerSecurity(program);
  registerMigrate(program);
  registerUsers(program);
  registerGrants(program);
  registerConnections(program);
}
