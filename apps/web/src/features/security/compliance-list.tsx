// Compliance posture: each check passes, warns or fails, with what was found, what to do and the
// accounts, tokens, connections or buckets concerned.
import CheckCircleOutline from '@mui/icons-material/CheckCircleOutlined';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import WarningAmber from '@mui/icons-material/WarningAmber';
import {
  Alert,
  Chip,
  LinearProgress,
  List,
  ListItem,
  ListItemIcon,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import { type ComplianceCheck } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { useApiQuery } from '../common/use-api-query';
import { formatDateTime } from '../i18n/intl-format';

const ICON: Record<ComplianceCheck['status'], React.ReactNode> = {
  pass: <CheckCircleOutline color="success" aria-label="Pass" />,
  warn: <WarningAmber color="warning" aria-label="Warning" />,
  fail: <ErrorOutline color="error" aria-label="Fail" />,
};

export function ComplianceList() {
  const { data, error, loading } = useApiQuery(() => api.complianceReport(), []);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data) return loading ? <LinearProgress aria-label="Checking compliance" /> : null;
  return (
    <Stack spacing={1}>
      <Typography variant="body2" color="text.secondary">
        {data.passed} passed, {data.failed} failed · checked {formatDateTime(data.checkedAt)}
      </Typography>
      <List dense aria-label="Compliance checks">
        {data.checks.map((check) => (
          <ListItem key={check.id} alignItems="flex-start" data-testid={`compliance-${check.id}`}>
            <ListItemIcon sx={{ mt: 0.5 }}>{ICON[check.status]}</ListItemIcon>
            <ListItemText
              primary={check.title}
              secondary={
                <>
                  {check.detail}
                  {check.status !== 'pass' && (
                    <>
                      <br />
                      <strong>What to do:</strong> {check.remedy}
                    </>
                  )}
                  {check.items.length > 0 && (
                    <span style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 4 }}>
                      {check.items.slice(0, 20).map((item) => (
                        <Chip key={item} size="small" variant="outlined" label={item} />
                      ))}
                      {check.items.length > 20 && <span>+{check.items.length - 20} more</span>}
                    </span>
                  )}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </Stack>
  );
}
