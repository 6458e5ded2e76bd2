import { Anchor, AppShell, Burger, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import { can, useLogoutAction, useSession } from '../api/session.ts';
import '../features/pathways/pathways-i18n.ts';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { SECURITY_NS } from '../features/security/security-i18n.ts';
import { NeedsConnectionBanner } from '../offline/needs-connection.tsx';
import { useOutbox } from '../offline/outbox.ts';
import { OutboxIndicator, useOutboxSync } from '../offline/outbox-indicator.tsx';
import type { NavItem } from './area.ts';
import { AREAS } from './areas.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { LogoutFailed } from './logout-failed.tsx';
import { FullPageLoader } from './page-states.tsx';

/** The shell: header with the user and language, navigation limited to what the role may do. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const logout = useLogoutAction();
  useOutboxSync(me.user.id);
  const unsent = useOutbox().filter((e) => e.userId === me.user.id).length;
  const [confirmLogout, setConfirmLogout] = useState(false);
  // Logging out clears the device; entries not sent yet go only if the user says so.
  const askLogout = () => (unsent > 0 ? setConfirmLogout(true) : logout.run());
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  // One language switch: in the header on wide screens, in the menu on phones.
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });

  const items: NavItem[] = [
    { to: '/tasks', label: t('pathways:nav.tasks'), action: 'tasks.read' },
    { to: '/people', label: t('nav.people'), action: 'people.read' },
    {
      to: '/first-steps',
      label: i18n.language.startsWith('en') ? 'First steps' : 'Bước đầu',
      action: 'setup.read',
    },
    { to: '/users', label: t('nav.users'), action: 'users.manage' },
    { to: '/facilities', label: t('nav.facilities'), action: 'facilities.manage' },
    { to: '/audit', label: t('nav.audit'), action: 'audit.read' },
    ...AREAS.flatMap((area) => area.nav(t)),
  ];
  const visible = items.filter((i) => can(me, i.action));

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="md"
    >
      <AppShell.Header>
        <Anchor href="#main" className="skip-link">
          {t('app.skipToContent')}
        </Anchor>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('app.openNav')}
            />
            <Title order={2} size="h4" c="blue.9" style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Title>
          </Group>
          <Group gap="md" wrap="nowrap">
            <Stack gap={0} visibleFrom="sm" align="flex-end">
              <Text size="sm" fw={600} data-testid="current-user">
                {me.user.fullName}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`roles.${me.user.role}`)}
                {me.user.scopeName ? ` · ${me.user.scopeName}` : ''}
              </Text>
            </Stack>
            <OutboxIndicator userId={me.user.id} />
            {wide && <LanguageSwitch />}
            <Button variant="default" size="xs" onClick={askLogout} disabled={logout.pending}>
              {logout.pending ? t('nav.loggingOut') : t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.mainNav')}>
        {visible.map((i) => (
          <NavLink
            key={i.to}
            component={Link}
            to={i.to}
            label={i.label}
            active={pathname === i.to || pathname.startsWith(`${i.to}/`)}
            aria-current={pathname === i.to ? 'page' : undefined}
            onClick={close}
            variant="filled"
          />
        ))}
        {!wide && (
          <Stack gap="xs" mt="md" px="xs">
            <Text size="sm" fw={600}>
              {me.user.fullName}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`roles.${me.user.role}`)}
              {me.user.scopeName ? ` · ${me.user.scopeName}` : ''}
            </Text>
            <LanguageSwitch />
          </Stack>
        )}
        {[
          { to: '/account/sessions', label: t(`${SECURITY_NS}:nav`), first: true },
          { to: '/account/password', label: t('nav.changePassword') },
          { to: '/account/security', label: t('nav.security') },
        ].map((a) => (
          // The account's own pages, at the foot of the menu (the first one pushes them down).
          <NavLink
            key={a.to}
            component={Link}
            to={a.to}
            label={a.label}
            active={pathname === a.to}
            aria-current={a.first && pathname === a.to ? 'page' : undefined}
            onClick={close}
            variant="filled"
            mt={a.first ? 'auto' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <LogoutFailed failed={logout.failed} mb="md" />
        <NeedsConnectionBanner />
        <Suspense fallback={<FullPageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
      <ConfirmDialog
        opened={confirmLogout}
        title={t('offline:logoutTitle')}
        message={t('offline:logoutMessage', { count: unsent })}
        confirmLabel={t('offline:logoutAnyway')}
        danger
        onConfirm={() => {
          setConfirmLogout(false);
          logout.run();
        }}
        onClose={() => setConfirmLogout(false)}
      />
    </AppShell>
  );
}
