// Rules: the built-in detectors (on/off, thresholds) and admins' custom rules. Both are one
// document on the API (PUT /api/security/rules); each save sends the stored other half, so an
// unsaved edit in one part never rides along with a save of the other.
import AddOutlined from '@mui/icons-material/AddOutlined';
import {
  Alert,
  Button,
  Chip,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { type BuiltInRuleSettings, type CustomRule, type SecurityRules } from '@s3am/contracts';
import { api } from '../../api/api-client';
import { problemMessage } from '../../api/problem';
import { AsyncButton } from '../common/async-button';
import { useApiQuery } from '../common/use-api-query';
import { useFormProblem } from '../common/use-form-problem';
import { BuiltInRules } from './built-in-rules';
import { CustomRuleDialog } from './custom-rule-dialog';
import { SEVERITY_COLOR, SEVERITY_LABEL } from './security-display';
import { useTranslation } from 'react-i18next';

const BUILT_IN_FIELDS = [
  'builtIn.failedRequests.threshold',
  'builtIn.failedRequests.windowSeconds',
  'builtIn.failedRequests.blockMinutes',
  'builtIn.scannerAgents.agents',
  'builtIn.largeUpload.thresholdBytes',
  'builtIn.largeDownload.thresholdBytes',
  'builtIn.distinctIps.threshold',
  'builtIn.distinctIps.windowMinutes',
  ...['massDownload', 'massDelete'].flatMap((rule) =>
    ['objects', 'bytes', 'windowMinutes'].map((field) => `builtIn.${rule}.${field}`),
  ),
  'builtIn.dedupMinutes',
];
const CUSTOM_FIELDS = [
  'name',
  'description',
  'filter.kinds',
  'filter.minBytes',
  'filter.status',
  'threshold',
  'windowSeconds',
  'groupBy',
  'action',
  'blockMinutes',
];

export function RulesTab() {
  const { t } = useTranslation();
  const { data, error } = useApiQuery(() => api.getSecurityRules(), []);
  const [stored, setStored] = useState<SecurityRules | null>(null);
  const [builtIn, setBuiltIn] = useState<BuiltInRuleSettings | null>(null);
  const [savedBuiltIn, setSavedBuiltIn] = useState(false);
  const [editing, setEditing] = useState<{ rule: CustomRule | null; index: number } | undefined>();
  const [listError, setListError] = useState<string | null>(null);
  const builtInProblem = useFormProblem();
  const customProblem = useFormProblem();
  useEffect(() => {
    if (data) {
      setStored(data);
      setBuiltIn(data.builtIn);
    }
  }, [data]);
  if (error) return <Alert severity="error">{error}</Alert>;
  if (!stored || !builtIn) return null;

  const put = async (rules: SecurityRules) => {
    const saved = await api.updateSecurityRules({ body: rules });
    setStored(saved);
    return saved;
  };
  const saveBuiltIn = async () => {
    builtInProblem.setMessage(null);
    setSavedBuiltIn(false);
    try {
      setBuiltIn((await put({ builtIn, custom: stored.custom })).builtIn);
      setSavedBuiltIn(true);
    } catch (caught) {
      builtInProblem.show(caught, BUILT_IN_FIELDS);
    }
  };
  const saveCustom = async (rule: CustomRule, index: number): Promise<boolean> => {
    customProblem.setMessage(null);
    const custom = [...stored.custom];
    custom.splice(index, index < custom.length ? 1 : 0, rule);
    try {
      await put({ builtIn: stored.builtIn, custom });
      return true;
    } catch (caught) {
      customProblem.show(
        caught,
        CUSTOM_FIELDS.map((field) => `custom.${index}.${field}`),
      );
      return false;
    }
  };
  const changeList = async (custom: CustomRule[]) => {
    setListError(null);
    try {
      await put({ builtIn: stored.builtIn, custom });
    } catch (caught) {
      setListError(problemMessage(caught));
    }
  };

  return (
    <Stack spacing={3}>
      <Typography variant="h6" component="h2">
        {t('security.rules.builtIn')}
      </Typography>
      {builtInProblem.message && <Alert severity="error">{builtInProblem.message}</Alert>}
      {savedBuiltIn && <Alert severity="success">{t('security.rules.saved')}</Alert>}
      <BuiltInRules
        value={builtIn}
        onChange={(next) => {
          setSavedBuiltIn(false);
          setBuiltIn(next);
        }}
        problem={builtInProblem}
      />
      <div>
        <AsyncButton variant="contained" onClick={saveBuiltIn}>
          {t('security.rules.saveDetectors')}
        </AsyncButton>
      </div>
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {t('security.rules.custom')}
        </Typography>
        <Button
          variant="outlined"
          startIcon={<AddOutlined />}
          onClick={() => {
            customProblem.setMessage(null);
            setEditing({ rule: null, index: stored.custom.length });
          }}
        >
          {t('security.rules.add')}
        </Button>
      </Stack>
      {listError && <Alert severity="error">{listError}</Alert>}
      <TableContainer tabIndex={0} aria-label={t('security.rules.scrollable')}>
        <Table size="small" aria-label={t('security.rules.custom')}>
          <TableHead>
            <TableRow>
              <TableCell>{t('security.rules.on')}</TableCell>
              <TableCell>{t('security.rules.name')}</TableCell>
              <TableCell>{t('security.rules.when')}</TableCell>
              <TableCell>{t('security.rules.severity')}</TableCell>
              <TableCell>{t('security.rules.action')}</TableCell>
              <TableCell align="right" />
            </TableRow>
          </TableHead>
          <TableBody>
            {stored.custom.map((rule, index) => (
              <TableRow key={rule.name} hover>
                <TableCell>
                  <Switch
                    size="small"
                    checked={rule.enabled}
                    slotProps={{
                      input: { 'aria-label': t('security.rules.ruleOn', { name: rule.name }) },
                    }}
                    onChange={(event) =>
                      void changeList(
                        stored.custom.map((item, at) =>
                          at === index ? { ...item, enabled: event.target.checked } : item,
                        ),
                      )
                    }
                  />
                </TableCell>
                <TableCell>
                  <Typography variant="body2">{rule.name}</Typography>
                  <Typography variant="caption" color="text.secondary">
                    {rule.description}
                  </Typography>
                </TableCell>
                <TableCell>
                  {t('security.rules.sentence', {
                    aggregate:
                      rule.aggregate === 'count'
                        ? t('security.rules.count')
                        : t('security.rules.bytes'),
                    kinds: rule.filter.kinds.join(', '),
                    per:
                      rule.groupBy === 'ip'
                        ? t('security.rules.address')
                        : t('security.rules.user'),
                    threshold: rule.threshold,
                    seconds: rule.windowSeconds,
                  })}
                </TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    color={SEVERITY_COLOR[rule.severity]}
                    label={t(SEVERITY_LABEL[rule.severity])}
                  />
                </TableCell>
                <TableCell>{t(`security.customRule.actions.${rule.action}`)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Button
                    size="small"
                    onClick={() => {
                      customProblem.setMessage(null);
                      setEditing({ rule, index });
                    }}
                  >
                    {t('security.rules.edit')}
                  </Button>
                  <AsyncButton
                    size="small"
                    color="error"
                    onClick={() => changeList(stored.custom.filter((_, at) => at !== index))}
                  >
                    {t('security.rules.delete')}
                  </AsyncButton>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {stored.custom.length === 0 && (
        <Typography color="text.secondary">{t('security.rules.none')}</Typography>
      )}
      <CustomRuleDialog
        rule={editing?.rule}
        index={editing?.index ?? 0}
        problem={customProblem}
        onSave={(rule) => saveCustom(rule, editing?.index ?? stored.custom.length)}
        onClose={() => setEditing(undefined)}
      />
    </Stack>
  );
}
