import { Box, Button, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLogoutAction, useSession } from '../../api/session.ts';
import { LanguageSwitch } from '../../app/language-switch.tsx';
import { LogoutFailed } from '../../app/logout-failed.tsx';

/**
 * The frame of the screens a signed-in user sees before the app (a forced password change, the second factor):
 * the app's name, the language, log out; then a card with the screen's title and who is signed in.
 */
export function BeforeAppFrame({
  title,
  width,
  children,
}: {
  title: string;
  width: number;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const logout = useLogoutAction();
  return (
    <Box component="main" id="main" bg="gray.0" mih="100vh">
      <Group justify="space-between" p="md">
        <Text fw={700} c="blue.9">
          {t('app.name')}
        </Text>
        <Group gap="sm">
          <LanguageSwitch />
          <Button variant="default" size="xs" onClick={logout.run} disabled={logout.pending}>
            {logout.pending ? t('nav.loggingOut') : t('nav.logout')}
          </Button>
        </Group>
      </Group>
      <LogoutFailed failed={logout.failed} mx="md" mb="md" />
      <Center px="md" pb="xl">
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={width}>
          <Stack>
            <Title order={1} size="h3">
              {title}
            </Title>
            <Text size="sm">
              {me.user.fullName} ({me.user.username})
            </Text>
            {children}
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
