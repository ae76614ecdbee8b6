// Shown for any path the app does not know.
import { Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Box sx={{ textAlign: 'center', py: 10 }}>
      <Typography variant="h3" component="h1" gutterBottom>
        404
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        {t('shell.notFound.body')}
      </Typography>
      <Button component={Link} to="/" variant="contained">
        {t('common.backToDashboard')}
      </Button>
    </Box>
  );
}
