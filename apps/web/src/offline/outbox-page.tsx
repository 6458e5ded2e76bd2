import { Alert, Badge, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../api/client.ts';
import { useSession } from '../api/session.ts';
import { usePageTitle } from '../app/use-page-title.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { DateField } from '../components/date-field.tsx';
import { formatDate, formatDateTime, parseDmy } from '../i18n/format.ts';
import './offline-i18n.ts';
import { PageHeader } from '../components/record-list.tsx';
import { applyAnyway, canApplyAnyway, discardEntry, flushOutbox, retryEntry, useOutbox } from './outbox.ts';
import type { OutboxEntry } from './outbox-store.ts';
import { useOnline } from './use-online.ts';

/** The record the entry is about, as the server has it now (or why it cannot be read any more). */
function CurrentRecord({ path }: { path: string }) {
  const { t } = useTranslation('offline');
  const q = useQuery({
    queryKey: ['outbox-subject', path],
    // Raw by design: the record of whatever path the kept entry names (any area), shown as it is.
    queryFn: () => api.get<Record<string, unknown>>(path),
    retry: false,
  });
  if (q.isPending) return null;
  if (q.error)
    return (
      <Text size="sm" c="dimmed" data-testid="outbox-current">
        {q.error instanceof ApiError && [403, 404].includes(q.error.status)
          ? t('currentGone')
          : q.error.message}
      </Text>
    );
  const r = q.data;
  const pick = (k: string) => (typeof r[k] === 'string' ? (r[k] as string) : null);
  return (
    <Stack gap={2} data-testid="outbox-current">
      <Text size="sm" fw={600}>
        {t('current')}: {pick('fullName') ?? ''}
        {typeof r.version === 'number' ? ` (${t('version')} ${r.version})` : ''}
      </Text>
      {pick('occupation') && <Text size="sm">{pick('occupation')}</Text>}
      {pick('nextContactDate') && (
        <Text size="sm">
          {t('nextContactDate')}: {formatDate(pick('nextContactDate'))}
        </Text>
      )}
    </Stack>
  );
}

const TEXT_FIELDS = ['note', 'summary', 'performedBy'] as const;
const DATE_FIELDS = ['contactDate', 'testedOn', 'nextContactDate'] as const;

/** A refused entry's editable fields (those it has): its texts and its dates. */
function EditEntry({ entry, onDone }: { entry: OutboxEntry; onDone: () => void }) {
  const { t } = useTranslation('offline');
  const b = entry.body;
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(TEXT_FIELDS.filter((k) => k in b).map((k) => [k, String(b[k] ?? '')])),
  );
  const [dates, setDates] = useState<Record<string, string>>(() =>
    Object.fromEntries(
      DATE_FIELDS.filter(
        (k) => k in b || (k === 'nextContactDate' && entry.path === '/api/community/contacts'),
      ).map((k) => [k, formatDate(b[k] as string | undefined)]),
    ),
  );
  const save = async () => {
    const body: Record<string, unknown> = { ...b };
    for (const [k, v] of Object.entries(texts)) body[k] = v.trim() || (k === 'note' ? undefined : b[k]);
    for (const [k, v] of Object.entries(dates))
      body[k] = v ? (parseDmy(v) ?? b[k]) : k === 'nextContactDate' ? undefined : b[k];
    await retryEntry(entry, body);
    onDone();
  };
  return (
    <Stack gap="xs">
      {Object.keys(texts).map((k) => (
        <Textarea
          key={k}
          label={t(`field.${k}`)}
          value={texts[k]}
          onChange={(e) => setTexts({ ...texts, [k]: e.currentTarget.value })}
          autosize
        />
      ))}
      {Object.keys(dates).map((k) => (
        <DateField
          key={k}
          label={t(`field.${k}`)}
          value={dates[k] ?? ''}
          onChange={(v) => setDates({ ...dates, [k]: v })}
        />
      ))}
      <Group>
        <Button onClick={() => void save()}>{t('saveAndSend')}</Button>
      </Group>
    </Stack>
  );
}

function EntryCard({ entry, onDecided }: { entry: OutboxEntry; onDecided: () => void }) {
  const { t } = useTranslation('offline');
  const [editing, setEditing] = useState(false);
  const [discarding, setDiscarding] = useState(false);
  const conflict = entry.state === 'conflict';
  // The person only changed meanwhile: the user may apply the entry to the record as it is now.
  const stale = canApplyAnyway(entry);
  return (
    <Card withBorder padding="sm" data-testid="outbox-entry">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Text fw={600}>{entry.label}</Text>
            <Text size="xs" c="dimmed">
              {t('madeAt', { at: formatDateTime(entry.createdAt) })}
            </Text>
          </Stack>
          <Badge color={conflict ? 'red.9' : 'blue.9'} variant="outline">
            {conflict ? t('stateConflict') : t('stateWaiting')}
          </Badge>
        </Group>
        {typeof entry.body.note === 'string' && entry.body.note && <Text size="sm">{entry.body.note}</Text>}
        {conflict && entry.problem && (
          <Alert color="red" variant="light" title={t('conflictWhy')} data-testid="outbox-problem">
            <Text size="sm">{entry.problem.detail}</Text>
            {entry.problem.errors.map((f) => (
              <Text size="sm" key={f.field}>
                {f.message}
              </Text>
            ))}
          </Alert>
        )}
        {conflict && entry.subjectPath && <CurrentRecord path={entry.subjectPath} />}
        {stale && (
          <Text size="sm" data-testid="outbox-versions">
            {t('applyAnywayHint')}{' '}
            {t('basedOnVersion', { based: entry.basedOn?.version, current: entry.problem?.currentVersion })}
          </Text>
        )}
        {conflict && editing && (
          <EditEntry
            entry={entry}
            onDone={() => {
              setEditing(false);
              onDecided();
            }}
          />
        )}
        <Group gap="xs">
          {conflict && !editing && (
            <>
              {stale ? (
                <Button size="xs" onClick={() => void applyAnyway(entry).then(onDecided)}>
                  {t('applyAnyway')}
                </Button>
              ) : (
                <Button size="xs" onClick={() => void retryEntry(entry).then(onDecided)}>
                  {t('sendAgain')}
                </Button>
              )}
              <Button size="xs" variant="default" onClick={() => setEditing(true)}>
                {t('edit')}
              </Button>
            </>
          )}
          <Button size="xs" variant="default" color="red.9" onClick={() => setDiscarding(true)}>
            {t('discard')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={discarding}
        title={t('discardTitle')}
        message={t('discardMessage', { label: entry.label })}
        confirmLabel={t('discard')}
        danger
        onConfirm={() => void discardEntry(entry.id).then(() => setDiscarding(false))}
        onClose={() => setDiscarding(false)}
      />
    </Card>
  );
}

/** The outbox and the conflict inbox: what waits to be sent, and what the server refused, with the choices. */
export function OutboxPage() {
  const { t } = useTranslation('offline');
  usePageTitle(t('title'));
  const me = useSession();
  const online = useOnline();
  const mine = useOutbox().filter((e) => e.userId === me.user.id);
  const waiting = mine.some((e) => e.state === 'waiting');
  // After the user's decision (apply anyway, send again, edit) the entry is sent at once when online.
  const send = () => {
    if (navigator.onLine) void flushOutbox(me.user.id);
  };
  return (
    <Stack gap="md" maw={720}>
      <PageHeader
        title={t('title')}
        action={
          waiting && (
            <Button size="sm" disabled={!online} onClick={() => void flushOutbox(me.user.id)}>
              {t('sendNow')}
            </Button>
          )
        }
      />
      {!online && <Alert color="gray">{t('offlineHint')}</Alert>}
      {mine.length === 0 ? (
        <Text c="dimmed" data-testid="outbox-empty">
          {t('empty')}
        </Text>
      ) : (
        mine.map((e) => <EntryCard key={e.id} entry={e} onDecided={send} />)
      )}
    </Stack>
  );
}
