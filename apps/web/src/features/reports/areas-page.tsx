import {
  Alert,
  Button,
  Group,
  MultiSelect,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import { useCommunes } from '../../api/units.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { viOptionsFilter } from '../org/vi-options-filter.ts';
import { type AreaView, areasApi, useAreas, useLegacyDistricts } from './areas-api.ts';
import './areas-i18n.ts';
import { FormProblem, fieldError, PlainForm, problemText } from '../../components/kit-b/plain-form.tsx';
import { Panel } from '../../components/panel.tsx';
import { PageTitle, QueryView, RecordTable } from '../../components/record-list.tsx';

/** A province's areas: list, create from an old district in one click, edit and delete with confirmation. */
export function AreasPage() {
  const { t } = useTranslation('areas');
  usePageTitle(t('title'));
  const me = useSession();
  const manages = can(me, 'areas.manage') && me.user.scopeKind === 'province';
  const areas = useAreas();
  const [editing, setEditing] = useState<AreaView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <Stack>
      <PageTitle title={t('title')} intro={t('intro')} />
      {!manages && <Text size="sm">{t('readOnly')}</Text>}
      {done && (
        <Alert color="teal" role="status" data-testid="areas-done">
          {done}
        </Alert>
      )}
      <QueryView q={areas}>
        {(items) => (
          <AreaList
            items={items}
            manages={manages}
            onEdit={(a) => {
              setDone(null);
              setEditing(a);
            }}
            onDone={setDone}
          />
        )}
      </QueryView>
      {manages && editing && (
        <AreaForm
          key={`${editing.id}:${editing.version}`}
          province={me.user.scopeCode!}
          area={editing}
          onDone={(msg) => {
            setEditing(null);
            setDone(msg);
          }}
          onCancel={() => setEditing(null)}
          onReload={setEditing}
        />
      )}
      {manages && !editing && (
        <AreaForm
          province={me.user.scopeCode!}
          area={null}
          onDone={setDone}
          onCancel={() => undefined}
          onReload={() => undefined}
        />
      )}
    </Stack>
  );
}

function AreaList(p: {
  items: AreaView[];
  manages: boolean;
  onEdit: (a: AreaView) => void;
  onDone: (msg: string) => void;
}) {
  const { t } = useTranslation('areas');
  const qc = useQueryClient();
  const [deleting, setDeleting] = useState<AreaView | null>(null);
  const del = useMutation({
    mutationFn: (a: AreaView) => areasApi.delete(a.id, { version: a.version }),
    onSuccess: (_r, a) => {
      qc.invalidateQueries({ queryKey: ['areas'] });
      setDeleting(null);
      p.onDone(t('deleted', { name: a.name }));
    },
  });
  return (
    <section aria-labelledby="areas-list">
      <Title order={2} size="h4" id="areas-list" mb="xs">
        {t('list')}
      </Title>
      {p.items.length === 0 ? (
        <Text size="sm" data-testid="areas-empty">
          {t('empty')}
        </Text>
      ) : (
        <RecordTable
          minWidth={720}
          striped
          data-testid="areas-table"
          head={[t('name'), t('communes'), t('legacyDistrict'), t('updatedAt'), t('actions')]}
        >
          {p.items.map((a) => (
            <Table.Tr key={a.id} data-testid={`area-${a.id}`}>
              <Table.Td>{a.name}</Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {t('communeCount', { count: a.communes.length })}
                </Text>
                <Text size="xs">{a.communes.map((c) => c.name).join(', ')}</Text>
              </Table.Td>
              <Table.Td>{a.legacyDistrict ?? ''}</Table.Td>
              <Table.Td>{formatDateTime(a.updatedAt)}</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Button
                    component={Link}
                    to={`/dashboard?unit=${encodeURIComponent(a.unit)}`}
                    size="xs"
                    variant="light"
                    aria-label={`${t('figures')}: ${a.name}`}
                  >
                    {t('figures')}
                  </Button>
                  {p.manages && (
                    <>
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => p.onEdit(a)}
                        aria-label={`${t('edit')}: ${a.name}`}
                      >
                        {t('edit')}
                      </Button>
                      <Button
                        size="xs"
                        color="red.9"
                        variant="outline"
                        onClick={() => {
                          del.reset();
                          setDeleting(a);
                        }}
                        aria-label={`${t('delete')}: ${a.name}`}
                      >
                        {t('delete')}
                      </Button>
                    </>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </RecordTable>
      )}
      {deleting && (
        <ConfirmDialog
          opened
          danger
          title={t('confirmDeleteTitle')}
          message={t('confirmDelete', { name: deleting.name })}
          confirmLabel={t('delete')}
          busy={del.isPending}
          error={del.error instanceof ApiError ? del.error.detail : del.error ? String(del.error) : null}
          onConfirm={() => del.mutate(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}

type Body = { name: string; communeCodes: string[]; legacyDistrict: string | null };

function AreaForm(p: {
  province: string;
  area: AreaView | null;
  onDone: (msg: string) => void;
  onCancel: () => void;
  onReload: (a: AreaView) => void;
}) {
  const { t } = useTranslation('areas');
  const qc = useQueryClient();
  const communes = useCommunes(p.province);
  const districts = useLegacyDistricts(!p.area);
  const [name, setName] = useState(p.area?.name ?? '');
  const [codes, setCodes] = useState<string[]>(p.area?.communes.map((c) => c.code) ?? []);
  const [district, setDistrict] = useState<string | null>(null);
  const [legacy, setLegacy] = useState<string | null>(p.area?.legacyDistrict ?? null);
  const [local, setLocal] = useState<Record<string, string>>({});
  const [asking, setAsking] = useState<Body | null>(null);
  const [staleNote, setStaleNote] = useState(false);
  const shared = useMemo(() => {
    const d = districts.data?.find((x) => `${x.oldProvinceName}|${x.name}` === district);
    return new Set(d?.communes.filter((c) => c.shared).map((c) => c.code) ?? []);
  }, [districts.data, district]);
  const save = useMutation({
    mutationFn: (body: Body) =>
      p.area ? areasApi.update(p.area.id, { ...body, version: p.area.version }) : areasApi.create(body),
    onSuccess: (a) => {
      qc.invalidateQueries({ queryKey: ['areas'] });
      setAsking(null);
      if (!p.area) {
        setName('');
        setCodes([]);
        setDistrict(null);
        setLegacy(null);
      }
      p.onDone(t(p.area ? 'saved' : 'created', { name: a.name }));
    },
    onError: (e) => {
      setAsking(null);
      // Someone else changed it meanwhile: load the current version into the form.
      if (e instanceof ApiError && e.status === 409 && p.area && e.body.current) {
        setStaleNote(true);
        qc.invalidateQueries({ queryKey: ['areas'] });
        p.onReload(e.body.current as AreaView);
      }
    },
  });
  const pickDistrict = (key: string | null) => {
    setDistrict(key);
    const d = districts.data?.find((x) => `${x.oldProvinceName}|${x.name}` === key);
    if (!d) return;
    setCodes(d.communes.map((c) => c.code));
    setName(`${d.name} ${t('nameSuffix')}`);
    setLegacy(d.name);
  };
  const submit = () => {
    const errors: Record<string, string> = {};
    if (name.trim().length < 2) errors.name = t('name');
    if (codes.length === 0) errors.communeCodes = t('communesHint');
    setLocal(errors);
    save.reset();
    setStaleNote(false);
    if (Object.keys(errors).length) return;
    const body = { name: name.trim(), communeCodes: codes, legacyDistrict: legacy };
    if (p.area) setAsking(body);
    else save.mutate(body);
  };
  const err = (f: string) => local[f] ?? fieldError(save.error, f);
  const before = new Set(p.area?.communes.map((c) => c.code) ?? []);
  const title = p.area ? t('editTitle', { name: p.area.name }) : t('create');
  return (
    <Panel id="area-form" p="sm" gap="xs" title={title}>
      {staleNote && (
        <Alert color="yellow" role="alert" mb="sm" data-testid="area-stale">
          {t('stale')}
        </Alert>
      )}
      <PlainForm onSubmit={submit}>
        <Stack>
          {!p.area && (
            <Select
              label={t('fromDistrict')}
              description={t('fromDistrictHint')}
              placeholder={t('districtPlaceholder')}
              data={(districts.data ?? []).map((d) => ({
                value: `${d.oldProvinceName}|${d.name}`,
                label: `${d.name} (${d.oldProvinceName})`,
              }))}
              value={district}
              onChange={pickDistrict}
              searchable
              filter={viOptionsFilter}
              clearable
              maw={520}
            />
          )}
          <TextInput
            label={t('name')}
            withAsterisk
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={err('name')}
            maw={520}
          />
          <MultiSelect
            label={t('communes')}
            description={t('communesHint')}
            withAsterisk
            data={(communes.data ?? []).map((c) => ({
              value: c.code,
              label: shared.has(c.code) ? `${c.name} *` : c.name,
            }))}
            value={codes}
            onChange={setCodes}
            searchable
            filter={viOptionsFilter}
            error={err('communeCodes')}
            data-testid="area-communes"
          />
          {!asking && <FormProblem error={save.error} />}
          <Group justify="flex-end">
            {p.area && (
              <Button variant="default" onClick={p.onCancel}>
                {t('cancel')}
              </Button>
            )}
            <Button type="submit" loading={save.isPending && !asking}>
              {p.area ? t('save') : t('create')}
            </Button>
          </Group>
        </Stack>
      </PlainForm>
      {asking && p.area && (
        <ConfirmDialog
          opened
          title={t('confirmEditTitle')}
          message={t('confirmEdit', {
            name: asking.name,
            count: asking.communeCodes.length,
            added: asking.communeCodes.filter((c) => !before.has(c)).length,
            removed: [...before].filter((c) => !asking.communeCodes.includes(c)).length,
          })}
          confirmLabel={t('save')}
          busy={save.isPending}
          error={problemText(save.error)}
          onConfirm={() => save.mutate(asking)}
          onClose={() => setAsking(null)}
        />
      )}
    </Panel>
  );
}
