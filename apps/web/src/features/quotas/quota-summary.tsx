// What my quotas leave me at a place, shown before I upload there: one line per quota that counts
// the place ("Your quota: 1.2 GiB of 5 GiB used, 3.8 GiB left"), nothing when none does.
import { Alert, Typography } from '@mui/material';
import type { MyQuota, MyQuotaQuery } from '@s3am/contracts';
import { formatBytes } from '../common/format-bytes';
import { i18n } from '../i18n/i18n';
import { formatNumber } from '../i18n/intl-format';
import { useApiQuery } from '../common/use-api-query';
import { api } from '../../api/api-client';

type Entry = MyQuota['quotas'][number];

export function describeQuota(quota: Entry): string {
  const t = i18n.t;
  const whose =
    quota.subject === 'user' ? t('quotas.yours') : t('quotas.groupQuota', { name: quota.name });
  const parts: string[] = [];
  if (quota.maxBytes !== null)
    parts.push(
      t('quotas.bytesLeft', {
        used: formatBytes(quota.usedBytes),
        max: formatBytes(quota.maxBytes),
        left: formatBytes(Math.max(0, quota.maxBytes - quota.usedBytes)),
      }),
    );
  if (quota.maxObjects !== null)
    parts.push(
      t('quotas.filesLeft', {
        used: formatNumber(quota.usedObjects),
        max: formatNumber(quota.maxObjects),
        left: formatNumber(Math.max(0, quota.maxObjects - quota.usedObjects)),
      }),
    );
  return t('quotas.line', { whose, parts: parts.join('; ') });
}

const isFull = (quota: Entry) =>
  (quota.maxBytes !== null && quota.usedBytes >= quota.maxBytes) ||
  (quota.maxObjects !== null && quota.usedObjects >= quota.maxObjects);

export function useQuotaAt(place: MyQuotaQuery | null) {
  return useApiQuery(
    () => (place ? api.myQuota({ query: place }) : Promise.resolve(null)),
    [place?.connectionId, place?.bucket, place?.key],
  );
}

/** Small print for a menu (the Files page's Upload button). */
export function QuotaCaption({ place }: { place: MyQuotaQuery }) {
  const { data } = useQuotaAt(place);
  return (
    <>
      {data?.quotas.map((quota) => (
        <Typography
          key={quota.subjectId}
          variant="caption"
          component="p"
          color={isFull(quota) ? 'error' : 'text.secondary'}
        >
          {describeQuota(quota)}
        </Typography>
      ))}
    </>
  );
}

/** A notice for the Uploads page's destination. */
export function QuotaNotice({ place }: { place: MyQuotaQuery | null }) {
  const { data } = useQuotaAt(place);
  if (!data || data.quotas.length === 0) return null;
  return (
    <Alert severity={data.quotas.some(isFull) ? 'warning' : 'info'} sx={{ mt: 2 }}>
      {data.quotas.map((quota) => (
        <div key={quota.subjectId}>{describeQuota(quota)}</div>
      ))}
    </Alert>
  );
}
