// Deletes keys through the files API in calls of up to 1,000, collecting what failed.
import { type ApiClient } from '@s3am/client';
import { type Location } from './locations.js';

export interface DeletionReport {
  deleted: string[];
  errors: { key: string; message: string }[];
}

const MAX_KEYS_PER_CALL = 1000;

export async function deleteKeys(
  client: ApiClient,
  location: Location,
  keys: string[],
): Promise<DeletionReport> {
  const report: DeletionReport = { deleted: [], errors: [] };
  for (let start = 0; start < keys.length; start += MAX_KEYS_PER_CALL) {
    const result = await client.deleteFiles({
      body: {
        connectionId: location.connectionId,
        bucket: location.bucket,
        keys: keys.slice(start, start + MAX_KEYS_PER_CALL),
      },
    });
    report.deleted.push(...result.deleted);
    report.errors.push(...result.errors);
  }
  return report;
}
