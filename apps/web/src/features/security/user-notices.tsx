// Notices about the signed-in person's own account (a sign-in from a new country, a password or
// 2FA change), from GET /api/me/notices, shown above every page until dismissed. A failure to
// load them stays quiet: they are a courtesy, and the email about the same event was sent.
import { Alert, AlertTitle, Button, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type UserNoticeView } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';

export function UserNotices({ userId }: { userId: string | undefined }) {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<UserNoticeView[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setNotices([]);
    if (!userId) return;
    let current = true;
    api.myNotices().then(
      (list) => {
        if (current) setNotices(list.items);
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [userId]);

  const dismiss = async (ids: string[]) => {
    setError(null);
    try {
      await api.dismissMyNotices({ body: { ids } });
      setNotices((current) => current.filter((notice) => !ids.includes(notice.id)));
    } catch (caught) {
      setError(problemMessage(caught));
    }
  };

  if (notices.length === 0) return null;
  return (
    <Stack spacing={1} sx={{ mb: 2 }} role="region" aria-label={t('security.notices.label')}>
      {notices.map((notice) => (
        <Alert
          key={notice.id}
          severity="warning"
          action={
            <Button color="inherit" size="small" onClick={() => void dismiss([notice.id])}>
              {t('security.notices.dismiss')}
            </Button>
          }
        >
          <AlertTitle>{t(`security.notices.${notice.kind}`)}</AlertTitle>
          {notice.message}
        </Alert>
      ))}
      {error && <Alert severity="error">{error}</Alert>}
    </Stack>
  );
}
