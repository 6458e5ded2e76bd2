import { Alert, Badge, Button, FileInput, Group, Modal, Stack, Table, Text } from '@mantine/core';
import i18next from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client.ts';

// Import of staff accounts from a sheet: preview (each row ok or its errors), then create all in one go; the
// one-time passwords come back once and are saved as a CSV file to hand out.

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
type Committed = { created: { username: string }[]; passwordsCsv: string };

const vi = {
  action: 'Nhập từ Excel',
  title: 'Nhập người dùng từ tệp Excel',
  intro:
    'Tệp .xlsx hoặc .csv, dòng tiêu đề: Tên đăng nhập, Họ tên, Vai trò, Đơn vị (mã hoặc tên), Điện thoại. Xem trước rồi mới tạo.',
  file: 'Tệp người dùng',
  preview: 'Xem trước',
  summary: '{{total}} dòng: {{ok}} hợp lệ, {{errors}} lỗi',
  fix: 'Sửa các dòng lỗi trong tệp rồi tải lên lại.',
  commit: 'Tạo {{count}} tài khoản',
  done: 'Đã tạo {{count}} tài khoản. Tệp mật khẩu dùng một lần đã được tải xuống: hãy giao tận tay, không lưu lại.',
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
    '.xlsx or .csv, header row: username, name, role, unit (code or name), phone. Preview before creating.',
  file: 'Users file',
  preview: 'Preview',
  summary: '{{total}} rows: {{ok}} valid, {{errors}} with errors',
  fix: 'Correct the rows with errors in the file and upload it again.',
  commit: 'Create {{count}} accounts',
  done: '{{count}} accounts created. The one-time passwords file was downloaded: hand it over in person, do not keep it.',
  download: 'Download the passwords file again',
  row: 'Row',
  ok: 'Valid',
  result: 'Result',
  error: 'Error',
};
export const USERS_IMPORT_NS = 'usersImport';
function register() {
  if (!i18next.isInitialized || !i18next.store) {
    i18next.on('initialized', register);
    return;
  }
  if (i18next.hasResourceBundle('vi', USERS_IMPORT_NS)) return;
  i18next.addResourceBundle('vi', USERS_IMPORT_NS, vi, true, true);
  i18next.addResourceBundle('en', USERS_IMPORT_NS, en, true, true);
}
register();

function saveCsv(csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = 'mat-khau-mot-lan.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function UsersImportModal({ onClose, onDone }: { onClose: () => void; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { t: ti } = useTranslation(USERS_IMPORT_NS);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [done, setDone] = useState<Committed | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const en = i18n.language.startsWith('en');

  async function send<T>(step: 'preview' | 'commit') {
    if (!file) return null;
    const form = new FormData();
    form.append('file', file);
    setBusy(true);
    setError(null);
    try {
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
        {done ? (
          <>
            <Alert color="green" role="status">
              {ti('done', { count: done.created.length })}
            </Alert>
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
            <FileInput
              label={ti('file')}
              accept=".xlsx,.csv"
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
                <Table.ScrollContainer minWidth={600}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{ti('row')}</Table.Th>
                        <Table.Th>{t('users.username')}</Table.Th>
                        <Table.Th>{t('users.fullName')}</Table.Th>
                        <Table.Th>{t('users.role')}</Table.Th>
                        <Table.Th>{t('users.scope')}</Table.Th>
                        <Table.Th>{ti('result')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
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
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                {preview.summary.errors > 0 ? (
                  <Text size="sm">{ti('fix')}</Text>
                ) : (
                  <Group justify="flex-end">
                    <Button
                      loading={busy}
                      disabled={preview.summary.ok === 0}
                      onClick={async () => {
                        const res = await send<Committed>('commit');
                        if (res) {
                          saveCsv(res.passwordsCsv);
                          setDone(res);
                        }
                      }}
                    >
                      {ti('commit', { count: preview.summary.ok })}
                    </Button>
                  </Group>
                )}
              </>
            )}
          </>
        )}
      </Stack>
    </Modal>
  );
}
