import {
  Alert,
  Anchor,
  Button,
  Center,
  Checkbox,
  Code,
  Group,
  Image,
  List,
  Loader,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, client, setCsrfToken } from '../../api/client.ts';
import { meKey } from '../../api/session.ts';
import { ErrorState } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { PageTitle, QueryView } from '../../components/record-list.tsx';
import { useRequest } from '../../components/use-request.ts';
import { BeforeAppFrame } from './before-app-frame.tsx';
import { SECURITY_NS } from './security-i18n.ts';

/** The frame of the second-factor screens. */
const Frame = ({ title, children }: { title: string; children: ReactNode }) => (
  <BeforeAppFrame title={title} width={520}>
    {children}
  </BeforeAppFrame>
);

const fieldError = (err: unknown, field: string) =>
  err instanceof ApiError ? (err.errors.find((f) => f.field === field)?.message ?? err.detail) : null;

/** The code step of a login: a code from the app, or one recovery code; optionally remember this device. */
export function SecondFactorCodeStep() {
  const { t } = useTranslation(SECURITY_NS);
  usePageTitle(t('code.title'));
  const qc = useQueryClient();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [remember, setRemember] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const status = useQuery({
    queryKey: ['auth', 'totp'],
    queryFn: () => call(client.GET('/api/auth/totp')),
    retry: false,
  });
  const days = status.data?.rememberDeviceDays ?? 30;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!value.trim()) {
      setError(t('code.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const me = await call(
        client.POST('/api/auth/totp/verify', {
          body: {
            ...(useRecovery ? { recoveryCode: value.trim() } : { code: value.trim() }),
            rememberDevice: remember,
          },
        }),
      );
      if (me.recoveryCodesLeft !== undefined)
        notifications.show({ color: 'yellow', message: t('code.left', { count: me.recoveryCodesLeft }) });
      setCsrfToken(me.csrfToken);
      qc.setQueryData(meKey, me);
    } catch (err) {
      setValue('');
      if (err instanceof ApiError && err.status === 401) {
        setCsrfToken(null);
        qc.setQueryData(meKey, null);
        return;
      }
      setError(fieldError(err, useRecovery ? 'recoveryCode' : 'code') ?? t('code.required'));
      // A lock ends the session: back to the password.
      if (err instanceof ApiError && err.status === 429) {
        notifications.show({ color: 'red', message: err.detail });
        setCsrfToken(null);
        qc.setQueryData(meKey, null);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <Frame title={t('code.title')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{useRecovery ? t('code.recoveryIntro') : t('code.intro')}</Text>
          <TextInput
            key={useRecovery ? 'recovery' : 'code'}
            label={useRecovery ? t('code.recoveryLabel') : t('code.label')}
            value={value}
            onChange={(e) => {
              setValue(e.currentTarget.value);
              setError(null);
            }}
            error={error}
            autoComplete="one-time-code"
            inputMode={useRecovery ? 'text' : 'numeric'}
            maxLength={useRecovery ? 40 : 6}
            autoFocus
            required
          />
          {days > 0 && (
            <Checkbox
              label={t('code.remember', { days })}
              checked={remember}
              onChange={(e) => setRemember(e.currentTarget.checked)}
            />
          )}
          <Button type="submit" loading={busy}>
            {t('code.submit')}
          </Button>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setUseRecovery((r) => !r);
              setValue('');
              setError(null);
            }}
          >
            {useRecovery ? t('code.useCode') : t('code.useRecovery')}
          </Anchor>
        </Stack>
      </form>
    </Frame>
  );
}

/** Enrolment: the QR code and the secret, a first code to confirm, then the recovery codes shown once. */
function EnrolForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation(SECURITY_NS);
  const [setup, setSetup] = useState<{ secret: string; qrDataUrl: string } | null>(null);
  const [startError, setStartError] = useState<unknown>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const started = useRef(false);

  const start = async () => {
    setStartError(null);
    try {
      setSetup(await call(client.POST('/api/auth/totp/enrol')));
    } catch (err) {
      setStartError(err);
    }
  };
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void start();
  });

  async function confirm(e: FormEvent) {
    e.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setError(t('code.required'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await call(client.POST('/api/auth/totp/confirm', { body: { code: code.trim() } }));
      setCodes(r.recoveryCodes);
    } catch (err) {
      setCode('');
      setError(fieldError(err, 'code'));
    } finally {
      setBusy(false);
    }
  }

  if (codes) {
    return (
      <Stack>
        <Alert color="green" title={t('enrol.enabled')}>
          {t('enrol.codesIntro')}
        </Alert>
        <Title order={2} size="h4">
          {t('enrol.codesTitle')}
        </Title>
        <List data-testid="recovery-codes" spacing={4} listStyleType="none">
          {codes.map((c) => (
            <List.Item key={c}>
              <Code fz="md">{c}</Code>
            </List.Item>
          ))}
        </List>
        <Button onClick={onDone}>{t('enrol.codesDone')}</Button>
      </Stack>
    );
  }
  if (startError) return <ErrorState error={startError} onRetry={() => void start()} />;
  if (!setup)
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" />
        <Text size="sm">{t('enrol.loading')}</Text>
      </Group>
    );
  return (
    <form onSubmit={confirm} noValidate>
      <Stack>
        <Text size="sm">{t('enrol.step1')}</Text>
        <Center>
          <Image src={setup.qrDataUrl} alt={t('enrol.qrAlt')} w={220} h={220} data-testid="totp-qr" />
        </Center>
        <div>
          <Text size="sm" c="dimmed" id="totp-secret-label">
            {t('enrol.secret')}
          </Text>
          <Code fz="md" data-testid="totp-secret" aria-labelledby="totp-secret-label">
            {setup.secret}
          </Code>
        </div>
        <Text size="sm">{t('enrol.step2')}</Text>
        <TextInput
          label={t('code.label')}
          value={code}
          onChange={(e) => {
            setCode(e.currentTarget.value);
            setError(null);
          }}
          error={error}
          autoComplete="one-time-code"
          inputMode="numeric"
          maxLength={6}
          required
        />
        <Button type="submit" loading={busy}>
          {t('enrol.confirm')}
        </Button>
      </Stack>
    </form>
  );
}

/** The only screen of a user whose role requires a second factor not yet set up. */
export function SecondFactorEnrolStep() {
  const { t } = useTranslation(SECURITY_NS);
  usePageTitle(t('enrol.title'));
  const qc = useQueryClient();
  return (
    <Frame title={t('enrol.title')}>
      <Alert color="blue">{t('enrol.why')}</Alert>
      <EnrolForm onDone={() => void qc.invalidateQueries({ queryKey: meKey })} />
    </Frame>
  );
}

/** Account security inside the shell: turn the second factor on (optional roles), forget remembered devices. */
export function SecurityPage() {
  const { t } = useTranslation(SECURITY_NS);
  usePageTitle(t('account.title'));
  const qc = useQueryClient();
  const status = useQuery({ queryKey: ['auth', 'totp'], queryFn: () => call(client.GET('/api/auth/totp')) });
  const [enrolling, setEnrolling] = useState(false);
  const [confirmForget, setConfirmForget] = useState(false);
  const { busy, error, run } = useRequest();

  const forget = () =>
    run(async () => {
      await call(client.POST('/api/auth/totp/forget-devices'));
      setConfirmForget(false);
      notifications.show({ color: 'green', message: t('account.forgotten') });
      await qc.invalidateQueries({ queryKey: ['auth', 'totp'] });
    });

  return (
    <Stack maw={560}>
      <PageTitle title={t('account.title')} />
      <QueryView q={status}>
        {(data) =>
          enrolling ? (
            <Paper withBorder p="md">
              <EnrolForm
                onDone={() => {
                  setEnrolling(false);
                  void qc.invalidateQueries({ queryKey: ['auth', 'totp'] });
                }}
              />
            </Paper>
          ) : (
            <Paper withBorder p="md">
              <Stack>
                <Text>
                  {data.enrolled ? t('account.on', { count: data.recoveryCodesLeft }) : t('account.off')}
                </Text>
                {!data.enrolled && (
                  <Group>
                    <Button onClick={() => setEnrolling(true)}>{t('account.start')}</Button>
                  </Group>
                )}
                {data.enrolled && (
                  <Group justify="space-between">
                    <Text size="sm">{t('account.devices', { count: data.rememberedDevices })}</Text>
                    <Button
                      variant="default"
                      disabled={data.rememberedDevices === 0}
                      onClick={() => setConfirmForget(true)}
                    >
                      {t('account.forget')}
                    </Button>
                  </Group>
                )}
              </Stack>
            </Paper>
          )
        }
      </QueryView>
      <ConfirmDialog
        opened={confirmForget}
        title={t('account.forget')}
        message={t('account.forgetConfirm')}
        confirmLabel={t('account.forget')}
        danger
        busy={busy}
        error={error}
        onConfirm={() => void forget()}
        onClose={() => setConfirmForget(false)}
      />
    </Stack>
  );
}
