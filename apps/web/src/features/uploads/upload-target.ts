// Where new uploads go (chosen on the Uploads page), remembered for the tab across reloads.
import { ExistingKeyPolicy } from '@s3am/contracts';
import { z } from 'zod';

export const UploadTarget = z.object({
  connectionId: z.string().min(1),
  connectionName: z.string(),
  bucket: z.string().min(1),
  /** The granted prefix the location starts at. */
  prefix: z.string(),
  /** Typed by the person, inside the prefix; may be "". */
  subFolder: z.string(),
  onExisting: ExistingKeyPolicy,
});
export type UploadTarget = z.infer<typeof UploadTarget>;

const STORAGE_KEY = 's3am.upload-target';

export function loadSavedTarget(): UploadTarget | null {
  try {
    const parsed = UploadTarget.safeParse(
      JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null'),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveTarget(target: UploadTarget | null): void {
  if (target) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(target));
  else sessionStorage.removeItem(STORAGE_KEY);
}

/** "Local storage › uploads › reports/2024/" */
export function describeLocation(connectionName: string, bucket: string, folder: string): string {
  return [connectionName, bucket, folder].filter(Boolean).join(' › ');
}
