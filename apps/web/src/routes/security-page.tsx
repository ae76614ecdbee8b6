// Security (admins): live alerts, blocked addresses and allow-lists, detector rules, notification
// channels, reports (charts, usage, compliance) and the upload policy. The tab is in the URL
// (?tab=), so a link or a reload opens the same one.
import { Box, Tab, Tabs, Typography } from '@mui/material';
import { useSearchParams } from 'react-router';
import { AlertsTab } from '../features/security/alerts-tab';
import { BlocksTab } from '../features/security/blocks-tab';
import { NotificationsTab } from '../features/security/notifications-tab';
import { ReportsTab } from '../features/security/reports-tab';
import { RulesTab } from '../features/security/rules-tab';
import { UploadPolicyTab } from '../features/security/upload-policy-tab';
import { useTranslation } from 'react-i18next';

const TABS = [
  { id: 'alerts', label: 'security.tabs.alerts', Panel: AlertsTab },
  { id: 'blocks', label: 'security.tabs.blocks', Panel: BlocksTab },
  { id: 'rules', label: 'security.tabs.rules', Panel: RulesTab },
  { id: 'notifications', label: 'security.tabs.notifications', Panel: NotificationsTab },
  { id: 'reports', label: 'security.tabs.reports', Panel: ReportsTab },
  { id: 'upload-policy', label: 'security.tabs.uploadPolicy', Panel: UploadPolicyTab },
] as const;

export function SecurityPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const current = TABS.find((tab) => tab.id === params.get('tab')) ?? TABS[0];
  const { Panel } = current;
  return (
    <Box>
      <Typography variant="h5" component="h1" gutterBottom>
        {t('security.title')}
      </Typography>
      <Tabs
        value={current.id}
        onChange={(_event, id: string) => setParams({ tab: id })}
        variant="scrollable"
        allowScrollButtonsMobile
        aria-label={t('security.sections')}
        sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}
      >
        {TABS.map((tab) => (
          <Tab
            key={tab.id}
            value={tab.id}
            label={t(tab.label)}
            id={`security-tab-${tab.id}`}
            aria-controls={`security-panel-${tab.id}`}
          />
        ))}
      </Tabs>
      <Box
        role="tabpanel"
        id={`security-panel-${current.id}`}
        aria-labelledby={`security-tab-${current.id}`}
      >
        <Panel />
      </Box>
    </Box>
  );
}
