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
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api-client';
import { useApiQuery } from '../common/use-api-query';
import { formatDateTime, formatNumber } from '../i18n/intl-format';

const ICON = {
  pass: CheckCircleOutline,
  warn: WarningAmber,
  fail: ErrorOutline,
} as const satisfies Record<ComplianceCheck['status'], unknown>;
const ICON_COLOR = { pass: 'success', warn: 'warning', fail: 'error' } as const;

function StatusIcon({ status }: { status: ComplianceCheck['status'] }) {
  const { t } = useTranslation();
  const Icon = ICON[status];
  return <Icon color={ICON_COLOR[status]} aria-label={t(`security.compliance.${status}`)} />;
}

export function ComplianceList() {
  const { t } = useTranslation();
  const { data, error, loading } = useApiQuery(() => api.complianceReport(), []);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!data)
    return loading ? <LinearProgress aria-label={t('security.compliance.checking')} /> : null;
  return (
    <Stack spacing={1}>
      <Typography variant="body2" color="text.secondary">
        {t('security.compliance.summary', {
          passed: formatNumber(data.passed),
          failed: formatNumber(data.failed),
          when: formatDateTime(data.checkedAt),
        })}
      </Typography>
      <List dense aria-label={t('security.compliance.checks')}>
        {data.checks.map((check) => (
          <ListItem key={check.id} alignItems="flex-start" data-testid={`compliance-${check.id}`}>
            <ListItemIcon sx={{ mt: 0.5 }}>
              <StatusIcon status={check.status} />
            </ListItemIcon>
            <ListItemText
              primary={check.title}
              secondary={
                <>
                  {check.detail}
                  {check.status !== 'pass' && (
                    <>
                      <br />
                      <strong>{t('security.compliance.whatToDo')}</strong> {check.remedy}
                    </>
                  )}
                  {check.items.length > 0 && (
                    <span style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginTop: 4 }}>
                      {check.items.slice(0, 20).map((item) => (
                        <Chip key={item} size="small" variant="outlined" label={item} />
                      ))}
                      {check.items.length > 20 && (
                        <span>
                          {t('security.compliance.more', { count: check.items.length - 20 })}
                        </span>
                      )}
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
