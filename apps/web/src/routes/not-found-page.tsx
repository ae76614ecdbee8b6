// Shown for any path the app does not know.
import { Box, Button, Typography } from '@mui/material';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Box sx={{ textAlign: 'center', py: 10 }}>
      <Typography variant="h3" component="h1" gutterBottom>
        404
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 3 }}>
        There is no page at this address.
      </Typography>
      <Button component={Link} to="/" variant="contained">
        Back to the dashboard
      </Button>
    </Box>
  );
}
