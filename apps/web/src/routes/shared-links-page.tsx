// Shared links (everyone signed in): my share links and my upload requests with the files guests
// sent. Links are created from the Files page.
import { Divider, Stack, Typography } from '@mui/material';
import { MySharesSection } from '../features/shares/my-shares-section';
import { MyRequestsSection } from '../features/upload-requests/my-requests-section';
import { useTranslation } from 'react-i18next';

export function SharedLinksPage() {
  const { t } = useTranslation();
  return (
    <Stack spacing={3}>
      <Typography variant="h5" component="h1">
        {t('sharedLinks.title')}
      </Typography>
      <Stack spacing={4} divider={<Divider />}>
        <MyRequestsSection />
        <MySharesSection />
      </Stack>
    </Stack>
  );
}
