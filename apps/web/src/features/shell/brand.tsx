// The product mark and name, used in the app bar and on the login page.
import CloudUploadOutlined from '@mui/icons-material/CloudUploadOutlined';
import { Box, Typography } from '@mui/material';

export function Brand({ size = 'normal' }: { size?: 'normal' | 'large' }) {
  const large = size === 'large';
  return (
    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.25 }}>
      <Box
        sx={{
          display: 'grid',
          placeItems: 'center',
          width: large ? 44 : 32,
          height: large ? 44 : 32,
          borderRadius: 2,
          bgcolor: 'primary.main',
          color: 'primary.contrastText',
        }}
      >
        <CloudUploadOutlined fontSize={large ? 'medium' : 'small'} />
      </Box>
      <Typography
        variant={large ? 'h5' : 'h6'}
        component="span"
        noWrap
        // Phones: a smaller name leaves room for the menu, colour mode and account buttons.
        sx={{
          fontWeight: 700,
          letterSpacing: -0.3,
          fontSize: large ? undefined : { xs: 17, sm: 20 },
        }}
      >
        S3 Access Manager
      </Typography>
    </Box>
  );
}
