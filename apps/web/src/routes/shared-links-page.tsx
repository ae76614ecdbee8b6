// Shared links (everyone signed in): my share links and my upload requests with the files guests
// sent. Links are created from the Files page.
import { Divider, Stack, Typography } from '@mui/material';
import { MySharesSection } from '../features/shares/my-shares-section';
import { MyRequestsSection } from '../features/upload-requests/my-requests-section';

export function SharedLinksPage() {
  return (
    <Stack spacing={3}>
      <Typography variant="h5" component="h1">
        Shared links
      </Typography>
      <Stack spacing={4} divider={<Divider />}>
        <MyRequestsSection />
        <MySharesSection />
      </Stack>
    </Stack>
  );
}
