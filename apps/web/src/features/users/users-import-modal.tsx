import { Alert, Badge, Button, FileInput, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, call, client } from '../../api/client.ts';
import { addTexts } from '../../app/add-texts.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { heads, RecordTable } from '../../components/record-list.tsx';
import { formatDateTime } from '../../i18n/format.ts';

// Import of staff accounts from a sheet: preview (each row ok or its errors by row, column and rule), then create
// the valid accounts in one go — skipping the rows in error only after a confirmation; the one-time passwords come
// back once and are saved as a CSV file to hand out. The author's recent imports are listed, and one can be
// undone (behind a confirmation) within 7 days while none of its accounts has logged in.

type RowError = { row: number; column: string; rule: string; message: string; messageEn: string };
type PreviewRow = {
  row: number;
  status: 'ok' | 'error';
  username: string;
  fullName: string;
  role: string | null;
  unitName: string | null;
  errors: RowError[];
};
type Preview = { rows: PreviewRow[]; summary: { total: number; ok: number; errors: number } };
type Committed = {
  batchId: string;
  created: { username: string }[];
  skipped: PreviewRow[];
  passwordsCsv: string;
};
type UsersImport = {
  id: string;
  fileName: string;
  status: 'committed' | 'undone';
  createdAt: string;
  undoneAt: string | null;
  undoUntil: string | null;
  created: number;
  skipped: number;
};
const RECENT_KEY = ['users-imports'];

const vi = {
  action: 'Nhập từ Excel',
  title: 'Nhập người dùng từ tệp Excel',
  intro:
    'Tệp .xlsx, .xls hoặc .csv, dòng tiêu đề: Tên đăng nhập, Họ tên, Vai trò, Đơn vị (mã hoặc tên), Điện thoại. Xem trước rồi mới tạo.',
  file: 'Tệp người dùng',
  preview: 'Xem trước',
  summary: '{{total}} dòng: {{ok}} hợp lệ, {{errors}} lỗi',
  fix: 'Sửa các dòng lỗi trong tệp rồi tải lên lại, hoặc chỉ tạo các tài khoản hợp lệ và bỏ qua các dòng lỗi.',
  commit: 'Tạo {{count}} tài khoản',
  commitValid: 'Tạo {{ok}} tài khoản hợp lệ, bỏ qua {{errors}} dòng lỗi',
  skipTitle: 'Bỏ qua các dòng lỗi?',
  skipMessage:
    'Chỉ {{ok}} tài khoản hợp lệ được tạo; {{errors}} dòng lỗi không được tạo (sửa và nhập lại sau). Lần nhập có thể hủy trong 7 ngày nếu chưa tài khoản nào đăng nhập.',
  skipped: 'Bỏ qua {{count}} dòng lỗi:',
  done: 'Đã tạo {{count}} tài khoản. Tệp mật khẩu dùng một lần đã được tải xuống: hãy giao tận tay, không lưu lại.',
  recent: 'Các lần nhập gần đây của bạn',
  recentItem: '{{file}} — {{at}}: {{created}} tài khoản',
  undone: 'đã hủy {{at}}',
  undo: 'Hủy lần nhập',
  undoTitle: 'Hủy lần nhập người dùng?',
  undoMessage:
    'Xóa {{count}} tài khoản đã tạo từ tệp {{file}}. Chỉ hủy được khi chưa tài khoản nào đăng nhập hay được giao việc. Không thể hoàn tác.',
  undoDone: 'Đã hủy lần nhập: xóa {{count}} tài khoản',
  download: 'Tải lại tệp mật khẩu',
  row: 'Dòng',
  ok: 'Hợp lệ',
  result: 'Kết quả',
  error: 'Lỗi',
};
const en: typeof vi = {
  action: 'Import from Excel',
  title: 'Import users from an Excel file',
  intro:
    '.xlsx, .xls or .csv, header row: username, name, role, unit (code or name), phone. Preview before creating.',
  file: 'Users file',
  preview: 'Preview',
  summary: '{{total}} rows: {{ok}} valid, {{errors}} with errors',
  fix: 'Correct the rows with errors in the file and upload it again, or create only the valid accounts and skip the rows in error.',
  commit: 'Create {{count}} accounts',
  commitValid: 'Create the {{ok}} valid accounts, skip {{errors}} rows in error',
  skipTitle: 'Skip the rows in error?',
  skipMessage:
    'Only the {{ok}} valid accounts are created; the {{errors}} rows in error are not (correct and import them later). The import can be undone within 7 days while no account has logged in.',
  skipped: '{{count}} rows in error skipped:',
  done: '{{count}} accounts created. The one-time passwords file was downloaded: hand it over in person, do not keep it.',
  recent: 'Your recent imports',
  recentItem: '{{file}} — {{at}}: {{created}} accounts',
  undone: 'undone {{at}}',
  undo: 'Undo the import',
  undoTitle: 'Undo the users import?',
  undoMessage:
    'Deletes the {{count}} accounts created from {{file}}. Possible only while none of them has logged in or been given work. This cannot be reversed.',
  undoDone: 'Import undone: {{count}} accounts deleted',
  download: 'Download the passwords file again',
  row: 'Row',
  ok: 'Valid',
  result: 'Result',
  error: 'Error',
};
export const USERS_IMPORT_NS = 'usersImport';
addTexts(USERS_IMPORT_NS, vi, en);

function saveCsv(csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'mat-khau-mot-lan.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function UsersImportModal({
  onClose,
  onDone,
  onChanged,
}: {
  onClose: () => void;
  onDone: () => void;
  /** The list of accounts changed without closing (an import undone). */
  onChanged?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { t: ti } = useTranslation(USERS_IMPORT_NS);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Committed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmSkip, setConfirmSkip] = useState(false);
  const [undoing, setUndoing] = useState<UsersImport | null>(null);
  const [undoError, setUndoError] = useState<string | null>(null);
  const [undoneMsg, setUndoneMsg] = useState<string | null>(null);
  const qc = useQueryClient();
  const recent = useQuery({
    queryKey: RECENT_KEY,
    queryFn: () => call(client.GET('/api/users/imports', { params: { query: { pageSize: 5 } } })),
  });
  const en = i18n.language.startsWith('en');

  async function commit(skipErrors: boolean) {
    const res = await send<Committed>(skipErrors ? 'commit?skipErrors=true' : 'commit');
    setConfirmSkip(false);
    if (res) {
      saveCsv(res.passwordsCsv);
      setDone(res);
      await qc.invalidateQueries({ queryKey: RECENT_KEY });
    }
  }

  async function undo(b: UsersImport) {
    setBusy(true);
    setUndoError(null);
    try {
      const r = await call(client.POST('/api/users/imports/{id}/undo', { params: { path: { id: b.id } } }));
      setUndoing(null);
      setUndoneMsg(ti('undoDone', { count: r.deleted }));
      await qc.invalidateQueries({ queryKey: RECENT_KEY });
      onChanged?.();
    } catch (e) {
      setUndoError(e instanceof ApiError ? e.detail : t('common.error'));
    } finally {
      setBusy(false);
    }
  }

  async function send<T>(step: 'preview' | 'commit' | 'commit?skipErrors=true') {
    if (!file) return null;
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    setError(null);
    try {
      // A multipart file upload: sent raw (the typed client sends JSON bodies).
      return await api.upload<T>(`/api/users/import/${step}`, form);
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : t('common.error'));
      return null;
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      opened
      onClose={onClose}
      title={ti('title')}
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack>
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        {undoneMsg && (
          <Alert color="green" role="status">
            {undoneMsg}
          </Alert>
        )}
        {done ? (
          <>
            <Alert color="green" role="status">
              {ti('done', { count: done.created.length })}
            </Alert>
            {done.skipped.length > 0 && (
              <Stack gap={2} data-testid="users-import-skipped">
                <Text size="sm">{ti('skipped', { count: done.skipped.length })}</Text>
                {done.skipped.flatMap((r) =>
                  r.errors.map((e) => (
                    <Text key={`${r.row}-${e.column}-${e.rule}`} size="sm" c="red.9">
                      {ti('row')} {e.row}, {e.column}: {en ? e.messageEn : e.message}
                    </Text>
                  )),
                )}
              </Stack>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => saveCsv(done.passwordsCsv)}>
                {ti('download')}
              </Button>
              <Button onClick={onDone}>{t('common.close')}</Button>
            </Group>
          </>
        ) : (
          <>
            <Text size="sm">{ti('intro')}</Text>
            {!!recent.data?.items.length && (
              <Stack gap={4} data-testid="users-import-recent">
                <Title order={3} size="h5">
                  {ti('recent')}
                </Title>
                {recent.data.items.map((b) => (
                  <Group key={b.id} justify="space-between" wrap="nowrap">
                    <Text size="sm">
                      {ti('recentItem', {
                        file: b.fileName,
                        at: formatDateTime(b.createdAt),
                        created: b.created,
                      })}
                      {b.status === 'undone' ? ` — ${ti('undone', { at: formatDateTime(b.undoneAt) })}` : ''}
                    </Text>
                    {b.status === 'committed' && b.undoUntil && b.undoUntil > new Date().toISOString() && (
                      <Button
                        size="xs"
                        variant="default"
                        color="red.9"
                        onClick={() => {
                          setUndoError(null);
                          setUndoing(b);
                        }}
                      >
                        {ti('undo')}
                      </Button>
                    )}
                  </Group>
                ))}
              </Stack>
            )}
            <FileInput
              label={ti('file')}
              accept=".xlsx,.xls,.csv"
              value={file}
              onChange={(f) => {
                setFile(f);
                setPreview(null);
              }}
            />
            <Group justify="flex-end">
              <Button
                variant="default"
                disabled={!file}
                loading={busy && !preview}
                onClick={async () => setPreview(await send<Preview>('preview'))}
              >
                {ti('preview')}
              </Button>
            </Group>
            {preview && (
              <>
                <Text size="sm" role="status">
                  {ti('summary', preview.summary)}
                </Text>
                <RecordTable
                  minWidth={600}
                  head={[
                    ti('row'),
                    ...heads(t, 'users', ['username', 'fullName', 'role', 'scope']),
                    ti('result'),
                  ]}
                >
                  {preview.rows.map((r) => (
                    <Table.Tr key={r.row}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>{r.username}</Table.Td>
                      <Table.Td>{r.fullName}</Table.Td>
                      <Table.Td>{r.role ? t(`roles.${r.role}`) : ''}</Table.Td>
                      <Table.Td>{r.unitName ?? ''}</Table.Td>
                      <Table.Td>
                        {r.status === 'ok' ? (
                          <Badge color="green" variant="light">
                            {ti('ok')}
                          </Badge>
                        ) : (
                          r.errors.map((e) => (
                            <Text key={`${e.column}-${e.rule}`} size="sm" c="red.9">
                              {e.column}: {en ? e.messageEn : e.message}
                            </Text>
                          ))
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </RecordTable>
                {preview.summary.errors > 0 ? (
                  <>
                    <Text size="sm">{ti('fix')}</Text>
                    {preview.summary.ok > 0 && (
                      <Group justify="flex-end">
                        <Button variant="default" loading={busy} onClick={() => setConfirmSkip(true)}>
                          {ti('commitValid', preview.summary)}
                        </Button>
                      </Group>
                    )}
                  </>
                ) : (
                  <Group justify="flex-end">
                    <Button loading={busy} disabled={preview.summary.ok === 0} onClick={() => commit(false)}>
                      {ti('commit', { count: preview.summary.ok })}
                    </Button>
                  </Group>
                )}
              </>
            )}
          </>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirmSkip}
        title={ti('skipTitle')}
        message={ti('skipMessage', preview?.summary ?? { ok: 0, errors: 0 })}
        confirmLabel={ti('commitValid', preview?.summary ?? { ok: 0, errors: 0 })}
        busy={busy}
        onConfirm={() => commit(true)}
        onClose={() => setConfirmSkip(false)}
      />
      <ConfirmDialog
        opened={!!undoing}
        title={ti('undoTitle')}
        message={ti('undoMessage', { count: undoing?.created ?? 0, file: undoing?.fileName ?? '' })}
        confirmLabel={ti('undo')}
        danger
        busy={busy}
        error={undoError}
        onConfirm={() => undoing && undo(undoing)}
        onClose={() => setUndoing(null)}
      />
    </Modal>
  );
}
