import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, client } from '../../api/client.ts';
import type { Person } from '../../api/types.ts';
import { useRequest } from '../../components/use-request.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { SECURITY_NS } from '../auth/security-i18n.ts';

const REASON_MIN = 15;

/**
 * Need-to-know (issue 16): a national or province officer sees a person without identity fields until they
 * state a reason ("Xem thông tin định danh"); the answer carries the full record, kept in the page's cache.
 */
export function IdentityNotice({ person }: { person: Person }) {
  const { t } = useTranslation(SECURITY_NS);
  const qc = useQueryClient();
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const { busy, error, setError, run } = useRequest();

  if (person.identityOpenUntil) {
    return (
      <Alert color="yellow" data-testid="identity-open">
        {t('glass.openUntil', { until: formatDateTime(person.identityOpenUntil) })}
      </Alert>
    );
  }
  if (!person.identityHidden) return null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < REASON_MIN) {
      setError(t('glass.tooShort'));
      return;
    }
    await run(
      async () => {
        const r = await call(
          client.POST('/api/people/{id}/break-glass', {
            params: { path: { id: person.id } },
            body: { reason: reason.trim() },
          }),
        );
        qc.setQueryData(['people', 'one', person.id], r.person);
        void qc.invalidateQueries({ queryKey: ['people', 'search'] });
        setOpened(false);
        setReason('');
      },
      (err) =>
        err instanceof ApiError
          ? (err.errors.find((f) => f.field === 'reason')?.message ?? err.detail)
          : String(err),
    );
  }

  return (
    <>
      <Alert color="gray" data-testid="identity-hidden">
        <Group justify="space-between" wrap="nowrap" align="center">
          <Text size="sm">{t('glass.hidden')}</Text>
          <Button variant="default" onClick={() => setOpened(true)}>
            {t('glass.open')}
          </Button>
        </Group>
      </Alert>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('glass.dialogTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close', { ns: 'translation' }) }}
      >
        <form onSubmit={submit} noValidate>
          <Stack>
            <Text size="sm">{t('glass.dialogIntro')}</Text>
            <Textarea
              label={t('glass.reason')}
              description={t('glass.reasonHint')}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setError(null);
              }}
              error={error}
              minRows={3}
              maxLength={500}
              required
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpened(false)}>
                {t('common.cancel', { ns: 'translation' })}
              </Button>
              <Button type="submit" loading={busy}>
                {t('glass.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
