// A name/value list of an object (tags or user metadata) that people with write can edit in
// place: rows to change, add or remove, saved as a whole (the API replaces the set).
import AddOutlined from '@mui/icons-material/AddOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import { Alert, Box, Button, IconButton, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { problemMessage } from '../../api/problem';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n/i18n';

export interface PairsRules {
  /** Why a name is refused, or null. */
  nameProblem: (name: string) => string | null;
  maxPairs?: number;
}

type Row = { id: number; name: string; value: string };

let nextRowId = 0;
const rowsOf = (pairs: Record<string, string>): Row[] =>
  Object.entries(pairs).map(([name, value]) => ({ id: nextRowId++, name, value }));

export function PairsEditor({
  title,
  noun,
  pairs,
  canEdit,
  rules,
  onSave,
}: {
  title: string;
  /** The title inside a sentence ("Edit tags"); lower-case title by default. */
  noun?: string;
  pairs: Record<string, string>;
  canEdit: boolean;
  rules: PairsRules;
  onSave: (pairs: Record<string, string>) => Promise<void>;
}) {
  const [rows, setRows] = useState<Row[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const entries = Object.entries(pairs);
  const single = noun ?? title.toLowerCase();
  const { t } = useTranslation();

  const problems = (rows ?? []).map((row, index, all) => {
    const name = row.name.trim();
    if (!name) return t('files.pairs.nameNeeded');
    if (all.findIndex((other) => other.name.trim() === name) !== index)
      return t('files.pairs.namedTwice');
    return rules.nameProblem(name);
  });
  const tooMany = rules.maxPairs !== undefined && (rows?.length ?? 0) > rules.maxPairs;

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!rows || problems.some(Boolean) || tooMany) return;
    setBusy(true);
    setError(null);
    try {
      await onSave(Object.fromEntries(rows.map((row) => [row.name.trim(), row.value])));
      setRows(null);
    } catch (caught) {
      setError(problemMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  if (!rows)
    return (
      <Box component="section" aria-label={title}>
        <Stack direction="row" sx={{ alignItems: 'center', mb: 0.5 }}>
          <Typography variant="subtitle2" component="h3" sx={{ flexGrow: 1 }}>
            {title}
          </Typography>
          {canEdit && (
            <Button size="small" onClick={() => setRows(rowsOf(pairs))}>
              {t('files.pairs.edit', { noun: single })}
            </Button>
          )}
        </Stack>
        {entries.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {t('files.pairs.none')}
          </Typography>
        ) : (
          <Box component="dl" sx={{ m: 0 }}>
            {entries.map(([name, value]) => (
              <Box key={name} sx={{ mb: 0.5 }}>
                <Typography component="dt" variant="caption" color="text.secondary">
                  {name}
                </Typography>
                <Typography component="dd" variant="body2" sx={{ m: 0, wordBreak: 'break-all' }}>
                  {value}
                </Typography>
              </Box>
            ))}
          </Box>
        )}
      </Box>
    );

  const update = (id: number, change: Partial<Row>) =>
    setRows(rows.map((row) => (row.id === id ? { ...row, ...change } : row)));
  return (
    <Box
      component="form"
      aria-label={t('files.pairs.edit', { noun: single })}
      onSubmit={(e) => void save(e)}
    >
      <Typography variant="subtitle2" component="h3" gutterBottom>
        {title}
      </Typography>
      <Stack spacing={1}>
        {rows.map((row, index) => (
          <Stack key={row.id} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              size="small"
              label={t('files.pairs.name')}
              value={row.name}
              onChange={(e) => update(row.id, { name: e.target.value })}
              error={Boolean(problems[index])}
              helperText={problems[index] ?? ' '}
              slotProps={{
                htmlInput: {
                  spellCheck: false,
                  'aria-label': t('files.pairs.nameN', { n: index + 1 }),
                },
              }}
              sx={{ flex: 1 }}
            />
            <TextField
              size="small"
              label={t('files.pairs.value')}
              value={row.value}
              onChange={(e) => update(row.id, { value: e.target.value })}
              helperText=" "
              slotProps={{ htmlInput: { 'aria-label': t('files.pairs.valueN', { n: index + 1 }) } }}
              sx={{ flex: 1 }}
            />
            <IconButton
              aria-label={t('files.pairs.remove', {
                name: row.name || t('files.pairs.row', { n: index + 1 }),
              })}
              onClick={() => setRows(rows.filter((other) => other.id !== row.id))}
            >
              <DeleteOutlined fontSize="small" />
            </IconButton>
          </Stack>
        ))}
      </Stack>
      {tooMany && (
        <Alert severity="warning" sx={{ my: 1 }}>
          {t('files.pairs.atMost', { max: rules.maxPairs, noun: single })}
        </Alert>
      )}
      {error && (
        <Alert severity="error" sx={{ my: 1 }}>
          {error}
        </Alert>
      )}
      <Stack direction="row" spacing={1} sx={{ mt: 1, flexWrap: 'wrap' }}>
        <Button
          size="small"
          startIcon={<AddOutlined />}
          onClick={() => setRows([...rows, { id: nextRowId++, name: '', value: '' }])}
        >
          {t('files.pairs.add')}
        </Button>
        <Box sx={{ flexGrow: 1 }} />
        <Button size="small" onClick={() => setRows(null)} disabled={busy}>
          {t('common.cancel')}
        </Button>
        <Button size="small" type="submit" variant="contained" disabled={busy}>
          {t('files.pairs.save', { noun: single })}
        </Button>
      </Stack>
    </Box>
  );
}

/** S3's rules for tag keys (the API checks them again). */
export const TAG_RULES: PairsRules = {
  maxPairs: 10,
  nameProblem: (name) => (name.length > 128 ? i18n.t('files.pairs.tagTooLong') : null),
};

/** Names sent as x-amz-meta-<name>: lower-case letters, digits and dashes. */
export const METADATA_RULES: PairsRules = {
  nameProblem: (name) =>
    /^[a-z0-9-]{1,128}$/.test(name) ? null : i18n.t('files.pairs.metadataName'),
};
