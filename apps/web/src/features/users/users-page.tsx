import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, client } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import type { User } from '../../api/types.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { heads, PageHeader, QueryView, RecordTable } from '../../components/record-list.tsx';
import { useRequest } from '../../components/use-request.ts';
import { SECURITY_NS } from '../security/security-i18n.ts';
import { PasswordRevealModal } from './password-reveal-modal.tsx';
import { ROLE_SCOPES } from './roles.ts';
import { TotpResetButton } from './totp-reset-button.tsx';
import { UserCreateModal } from './user-create-modal.tsx';
import { USERS_EDIT_NS } from './user-edit-i18n.ts';
import { UserEditModal } from './user-edit-modal.tsx';
import { UserMoveModal } from './user-move-modal.tsx';
import { USERS_PAGE, updateUser, useUsers } from './users-api.ts';
import { USERS_IMPORT_NS, UsersImportModal } from './users-import-modal.tsx';
import { USERS_MOVE_NS } from './users-move-i18n.ts';

type Pending = { kind: 'reset' | 'deactivate' | 'activate'; user: User } | null;

/** Administrators: list users, create one (with role and scope), reset a password, (de)activate. */
export function UsersPage() {
  const { t } = useTranslation();
  const { t: tm } = useTranslation(USERS_MOVE_NS);
  const { t: te } = useTranslation(USERS_EDIT_NS);
  const { t: ti } = useTranslation(USERS_IMPORT_NS);
  const { t: ts } = useTranslation(SECURITY_NS);
  usePageTitle(t('users.title'));
  const me = useSession();
  const qc = useQueryClient();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [page, setPage] = useState(1);
  const users = useUsers(q, page);
  const [creating, setCreating] = useState(false);
  const [reveal, setReveal] = useState<{ username: string; password: string } | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [moving, setMoving] = useState<User | null>(null);
  const [editing, setEditing] = useState<User | null>(null);
  const [importing, setImporting] = useState(false);
  const action = useRequest();
  /** The list again from the server (after a change). */
  const reload = () => void qc.invalidateQueries({ queryKey: ['users'] });
  const closeImport = () => {
    setImporting(false);
    reload();
  };
  /** A change went through: said in a closable green note. */
  const tell = (message: string) =>
    notifications.show({ closeButtonProps: { 'aria-label': t('common.close') }, color: 'green', message });

  async function confirmPending() {
    if (!pending) return;
    const { user } = pending;
    await action.run(
      async () => {
        // The list is read again whether the change went through or not (someone may have changed it).
        try {
          if (pending.kind === 'reset') {
            const res = await call(
              client.POST('/api/users/{id}/reset-password', { params: { path: { id: user.id } } }),
            );
            setReveal({ username: user.username, password: res.initialPassword });
          } else {
            await updateUser(user, { active: pending.kind === 'activate' });
            tell(t('users.updated', { username: user.username }));
          }
          setPending(null);
        } finally {
          await qc.invalidateQueries({ queryKey: ['users'] });
        }
      },
      (e) => (e instanceof ApiError ? e.detail : t('common.error')),
    );
  }

  const items = users.data?.items ?? [];
  return (
    <Stack>
      <PageHeader
        title={t('users.title')}
        action={
          <Group gap="xs">
            <Button variant="default" onClick={() => setImporting(true)}>
              {ti('action')}
            </Button>
            <Button onClick={() => setCreating(true)}>{t('users.create')}</Button>
          </Group>
        }
      />
      <TextInput
        label={t('users.searchLabel')}
        type="search"
        value={search}
        onChange={(e) => {
          setSearch(e.currentTarget.value);
          setPage(1);
        }}
        maw={420}
      />
      <QueryView q={users}>
        {({ items }) =>
          items.length === 0 ? (
            <Text>{t('users.empty')}</Text>
          ) : (
            <RecordTable
              minWidth={800}
              striped
              data-testid="users-table"
              head={[
                ...heads(t, 'users', ['username', 'fullName', 'role', 'scope', 'state']),
                t('common.actions'),
              ]}
            >
              {items.map((u) => (
                <Table.Tr key={u.id} data-testid={`user-row-${u.username}`}>
                  <Table.Td fw={600}>{u.username}</Table.Td>
                  <Table.Td>{u.fullName}</Table.Td>
                  <Table.Td>{t(`roles.${u.role}`)}</Table.Td>
                  <Table.Td>
                    {u.scopeKind === 'nation' ? t('scopeKinds.nation') : (u.scopeName ?? u.scopeCode)}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <Badge color={u.active ? 'green' : 'red'} tt="none">
                        {u.active ? t('users.active') : t('users.inactive')}
                      </Badge>
                      {u.loginLock && (
                        <Badge color="red" variant="outline" tt="none">
                          {ts('lockedBadge')}
                        </Badge>
                      )}
                      {u.mustChangePassword && (
                        <Badge color="orange" tt="none">
                          {t('users.mustChange')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {u.id !== me.user.id && (
                      <Group
                        gap="xs"
                        wrap="nowrap"
                        role="group"
                        aria-label={t('users.actionsFor', { username: u.username })}
                      >
                        <Button size="xs" variant="default" onClick={() => setEditing(u)}>
                          {te('action')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setPending({ kind: 'reset', user: u })}
                        >
                          {t('users.resetPassword')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setPending({ kind: u.active ? 'deactivate' : 'activate', user: u })}
                        >
                          {u.active ? t('users.deactivate') : t('users.activate')}
                        </Button>
                        <TotpResetButton user={u} />
                        {u.active && ROLE_SCOPES[u.role].some((k) => k !== 'nation') && (
                          <Button size="xs" variant="default" onClick={() => setMoving(u)}>
                            {tm('action')}
                          </Button>
                        )}
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </RecordTable>
          )
        }
      </QueryView>
      {(page > 1 || items.length === USERS_PAGE) && (
        <Group>
          <Button variant="default" disabled={page === 1} onClick={() => setPage(page - 1)}>
            {t('common.previous')}
          </Button>
          <Text size="sm">{t('common.page', { page })}</Text>
          <Button variant="default" disabled={items.length < USERS_PAGE} onClick={() => setPage(page + 1)}>
            {t('common.next')}
          </Button>
        </Group>
      )}

      <UserCreateModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={(user, password) => {
          setCreating(false);
          tell(t('users.created', { username: user.username }));
          if (password) setReveal({ username: user.username, password });
          reload();
        }}
      />
      {importing && <UsersImportModal onChanged={reload} onClose={closeImport} onDone={closeImport} />}
      {editing && (
        <UserEditModal
          user={editing}
          onClose={() => setEditing(null)}
          onSaved={(user) => {
            setEditing(null);
            tell(te('done', { username: user.username }));
            reload();
          }}
          onAccessChanged={(user) => {
            setEditing(user);
            reload();
          }}
        />
      )}
      {moving && (
        <UserMoveModal
          user={moving}
          onClose={() => setMoving(null)}
          onMoved={(user) => {
            setMoving(null);
            tell(tm('done', { username: user.username, name: user.scopeName ?? user.scopeCode ?? '' }));
            reload();
          }}
        />
      )}
      <PasswordRevealModal
        username={reveal?.username ?? ''}
        password={reveal?.password ?? null}
        onClose={() => setReveal(null)}
      />
      <ConfirmDialog
        opened={!!pending}
        title={
          pending?.kind === 'reset'
            ? t('users.resetConfirmTitle')
            : pending?.kind === 'deactivate'
              ? t('users.deactivateConfirmTitle')
              : t('users.activateConfirmTitle')
        }
        message={
          pending
            ? pending.kind === 'reset'
              ? t('users.resetConfirm', { username: pending.user.username })
              : pending.kind === 'deactivate'
                ? t('users.deactivateConfirm', { username: pending.user.username })
                : t('users.activateConfirm', { username: pending.user.username })
            : ''
        }
        confirmLabel={
          pending?.kind === 'reset'
            ? t('users.resetPassword')
            : pending?.kind === 'deactivate'
              ? t('users.deactivate')
              : t('users.activate')
        }
        danger={pending?.kind !== 'activate'}
        busy={action.busy}
        error={action.error}
        onConfirm={() => void confirmPending()}
        onClose={() => {
          setPending(null);
          action.setError(null);
        }}
      />
    </Stack>
  );
}
