import {
  Alert,
  Anchor,
  Button,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { can, useSession } from '../../api/session.ts';
import type { Me } from '../../api/types.ts';
import { ErrorState, InlineLoader, NotFound } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { recordsHref, SECTIONS } from './dashboard-page.tsx';
import './grouping-i18n.ts';
import { Panel } from '../../components/panel.tsx';
import { RecordTable } from '../../components/record-list.tsx';
import {
  type Figure,
  formatTarget,
  formatValue,
  type Narrative,
  nameOf,
  type Report,
  reportsApi,
  tx,
  useReport,
} from './reports-api.ts';
import { StatusBadge } from './reports-list-page.tsx';

const NARRATIVE = ['summary', 'difficulties', 'directions', 'proposals'] as const;
const FORMATS = ['xlsx', 'pdf', 'docx', 'json', 'csv', 'adx'] as const;

const isOwnUnit = (me: Me, r: Report) => can(me, 'reports.submit') && r.unit.kind === me.user.scopeKind;
const isReviewer = (me: Me, r: Report) =>
  can(me, 'reports.approve') &&
  (r.unit.kind === 'province'
    ? me.user.scopeKind === 'nation'
    : me.user.scopeKind === 'province' && me.user.scopeCode === r.unit.provinceCode);

const problem = (e: unknown) => (e ? (e instanceof ApiError ? e.detail : String(e)) : null);

/** One periodic report: its tables, the narrative, submit / return / approve, frozen figures and exports. */
export function ReportPage() {
  const { t } = useTranslation('reports');
  const { id = '' } = useParams();
  const me = useSession();
  const report = useReport(id);
  usePageTitle(
    report.data
      ? t('report.title', { label: tx(report.data.label), unit: report.data.unit.name })
      : t('reports.title'),
  );
  if (report.isPending) return <InlineLoader />;
  if (report.isError)
    return report.error instanceof ApiError && report.error.status === 404 ? (
      <NotFound />
    ) : (
      <ErrorState error={report.error} onRetry={() => report.refetch()} />
    );
  const r = report.data;
  return (
    <Stack>
      <Anchor component={Link} to="/reports" size="sm">
        ← {t('reports.title')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2" data-testid="report-title">
            {t('report.title', { label: tx(r.label), unit: r.unit.name })}
          </Title>
          <Text size="sm">{t('dashboard.range', { from: formatDate(r.from), to: formatDate(r.to) })}</Text>
          <Text size="sm" data-testid="report-grouping">
            {t('grouping.shown', { grouping: t(`grouping.${r.grouping}`).toLowerCase() })}
          </Text>
        </Stack>
        <StatusBadge status={r.status} />
      </Group>
      {r.reviewComment && (
        <Alert
          color={r.status === 'returned' ? 'red' : 'gray'}
          title={t('report.reviewComment')}
          data-testid="review-comment"
        >
          {r.reviewComment}
        </Alert>
      )}
      <Actions r={r} me={me} />
      <Text size="sm" data-testid="report-frozen">
        {r.frozenAt ? t('report.frozen', { at: formatDateTime(r.frozenAt) }) : t('report.live')}
      </Text>
      <NarrativeForm r={r} editable={isOwnUnit(me, r) && (r.status === 'draft' || r.status === 'returned')} />
      {r.frozen && <Differences r={r} />}
      <FiguresTable r={r} />
      {r.children.length > 0 && <ChildrenTable r={r} />}
      <Panel id="export-title" p="sm" gap="xs" title={t('report.export')}>
        <Group gap="xs">
          {FORMATS.map((f) => (
            <Button
              key={f}
              component="a"
              variant="default"
              href={`/api/reports/${r.id}/export?format=${f}`}
              download
              data-testid={`export-${f}`}
            >
              {t(`exports.${f}`)}
            </Button>
          ))}
        </Group>
      </Panel>
    </Stack>
  );
}

/** A step of the review: submit or approve (the version only), or return with a comment. */
type Step = { step: 'submit' | 'approve' } | { step: 'return'; comment: string };

function useStep(r: Report) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: Step) =>
      s.step === 'return'
        ? reportsApi.return(r.id, { version: r.version, comment: s.comment })
        : reportsApi[s.step](r.id, { version: r.version }),
    onSuccess: (fresh) => {
      qc.setQueryData(['report', r.id], fresh);
      qc.invalidateQueries({ queryKey: ['reports'] });
      qc.invalidateQueries({ queryKey: ['submissions'] });
    },
  });
}

function Actions({ r, me }: { r: Report; me: Me }) {
  const { t } = useTranslation('reports');
  const step = useStep(r);
  const [open, setOpen] = useState<null | 'submit' | 'approve' | 'return'>(null);
  const [comment, setComment] = useState('');
  const [commentError, setCommentError] = useState<string | null>(null);
  const close = () => {
    setOpen(null);
    step.reset();
  };
  const run = (s: Step) => step.mutate(s, { onSuccess: close });
  const own = isOwnUnit(me, r) && (r.status === 'draft' || r.status === 'returned');
  const review = isReviewer(me, r) && r.status === 'submitted';
  if (!own && !review) return null;
  return (
    <Group>
      {own && <Button onClick={() => setOpen('submit')}>{t('report.submit')}</Button>}
      {review && (
        <>
          <Button color="teal.9" onClick={() => setOpen('approve')}>
            {t('report.approve')}
          </Button>
          <Button color="red.9" variant="outline" onClick={() => setOpen('return')}>
            {t('report.return')}
          </Button>
        </>
      )}
      {(['submit', 'approve'] as const).map((s) => (
        <ConfirmDialog
          key={s}
          opened={open === s}
          title={t(`report.${s}Title`)}
          message={t(`report.${s}Message`)}
          confirmLabel={t(`report.${s}`)}
          busy={step.isPending}
          error={problem(step.error)}
          onConfirm={() => run({ step: s })}
          onClose={close}
        />
      ))}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={open === 'return'}
        onClose={close}
        title={t('report.returnTitle')}
        centered
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!comment.trim()) {
              setCommentError(t('report.commentRequired'));
              return;
            }
            setCommentError(null);
            run({ step: 'return', comment: comment.trim() });
          }}
        >
          <Stack>
            <Text size="sm">{t('report.returnMessage')}</Text>
            <Textarea
              label={t('report.comment')}
              withAsterisk
              autosize
              minRows={3}
              value={comment}
              error={
                commentError ??
                (step.error instanceof ApiError
                  ? step.error.errors.find((e) => e.field === 'comment')?.message
                  : undefined)
              }
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            {problem(step.error) && (
              <Text size="sm" c="red.9" role="alert">
                {problem(step.error)}
              </Text>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={step.isPending}>
                {t('report.return')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Group>
  );
}

function NarrativeForm({ r, editable }: { r: Report; editable: boolean }) {
  const { t } = useTranslation('reports');
  const qc = useQueryClient();
  const [values, setValues] = useState<Narrative>(r.narrative);
  const [saved, setSaved] = useState(false);
  useEffect(() => setValues(r.narrative), [r.narrative]);
  const save = useMutation({
    mutationFn: () => reportsApi.updateNarrative(r.id, { version: r.version, narrative: values }),
    onSuccess: (fresh) => {
      qc.setQueryData(['report', r.id], fresh);
      setSaved(true);
    },
  });
  return (
    <Panel id="narrative-title" p="sm" gap="xs" title={t('report.narrative')}>
      {!editable && r.status !== 'draft' && r.status !== 'returned' && (
        <Text size="sm" c="dark.6" mb="xs">
          {t('report.readOnly')}
        </Text>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setSaved(false);
          save.mutate();
        }}
      >
        <Stack>
          {NARRATIVE.map((k) =>
            editable ? (
              <Textarea
                key={k}
                label={t(`report.${k}`)}
                autosize
                minRows={2}
                maxLength={20000}
                value={values[k] ?? ''}
                error={
                  save.error instanceof ApiError
                    ? save.error.errors.find((e) => e.field.endsWith(k))?.message
                    : undefined
                }
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setValues((old) => ({ ...old, [k]: v }));
                  setSaved(false);
                }}
              />
            ) : (
              <div key={k}>
                <Text fw={600} size="sm">
                  {t(`report.${k}`)}
                </Text>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid={`narrative-${k}`}>
                  {r.narrative[k] || '—'}
                </Text>
              </div>
            ),
          )}
          {editable && (
            <Group>
              <Button type="submit" variant="default" loading={save.isPending}>
                {t('report.save')}
              </Button>
              {saved && (
                <Text size="sm" c="teal.9" role="status">
                  {t('report.saved')}
                </Text>
              )}
              {problem(save.error) && (
                <Text size="sm" c="red.9" role="alert">
                  {problem(save.error)}
                </Text>
              )}
            </Group>
          )}
        </Stack>
      </form>
    </Panel>
  );
}

function FigureValue({ f, r }: { f: Figure; r: Report }) {
  const { t } = useTranslation('reports');
  const text = formatValue(f.value, f.kind);
  if (f.pending) return <span title={t('dashboard.pendingHint')}>—</span>;
  return (
    <Anchor
      component={Link}
      to={recordsHref(f.indicatorId, r.unit.code, r.from, r.to, 'numerator', r.grouping)}
      aria-label={`${text} — ${t('dashboard.openRecords', { name: nameOf(f) })}`}
    >
      {text}
    </Anchor>
  );
}

function FiguresTable({ r }: { r: Report }) {
  const { t } = useTranslation('reports');
  return (
    <Panel id="figures-title" p="sm" gap="xs" title={t('report.figures')}>
      {SECTIONS.map((s) => {
        const figures = r.figures.filter((f) => f.section === s);
        if (!figures.length) return null;
        return (
          <Table.ScrollContainer minWidth={640} key={s}>
            <Table striped data-testid={`report-table-${s}`}>
              <caption style={{ textAlign: 'left', fontWeight: 600 }}>{t(`section.${s}`)}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('report.indicator')}</Table.Th>
                  <Table.Th scope="col">{t('report.numerator')}</Table.Th>
                  <Table.Th scope="col">{t('report.denominator')}</Table.Th>
                  <Table.Th scope="col">{t('report.value')}</Table.Th>
                  <Table.Th scope="col">{t('report.target')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {figures.map((f) => (
                  <Table.Tr key={f.indicatorId} data-testid={`report-row-${f.indicatorId}`}>
                    <Table.Td>{nameOf(f)}</Table.Td>
                    <Table.Td>{f.kind === 'ratio' ? formatValue(f.numerator) : ''}</Table.Td>
                    <Table.Td>{f.kind === 'ratio' ? formatValue(f.denominator) : ''}</Table.Td>
                    <Table.Td data-testid={`report-value-${f.indicatorId}`}>
                      <FigureValue f={f} r={r} />
                    </Table.Td>
                    <Table.Td>{formatTarget(f.target, f.kind)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        );
      })}
    </Panel>
  );
}

function Differences({ r }: { r: Report }) {
  const { t } = useTranslation('reports');
  const byId = new Map(r.figures.map((f) => [f.indicatorId, f]));
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby="diff-title"
      data-testid="report-differences"
    >
      <Title order={2} size="h4" id="diff-title" mb="xs">
        {t('report.differences')}
      </Title>
      {r.differences.length === 0 ? (
        <Text size="sm">{t('report.noDifferences')}</Text>
      ) : (
        <RecordTable head={[t('report.indicator'), t('report.frozenValue'), t('report.currentValue')]}>
          {r.differences.map((d) => {
            const f = byId.get(d.indicatorId);
            return (
              <Table.Tr key={d.indicatorId} data-testid={`diff-${d.indicatorId}`}>
                <Table.Td>{f ? nameOf(f) : d.indicatorId}</Table.Td>
                <Table.Td>{formatValue(d.frozen, f?.kind)}</Table.Td>
                <Table.Td>{formatValue(d.current, f?.kind)}</Table.Td>
              </Table.Tr>
            );
          })}
        </RecordTable>
      )}
    </Paper>
  );
}

function ChildrenTable({ r }: { r: Report }) {
  const { t } = useTranslation('reports');
  const defs = r.figures.filter((f) =>
    r.children.some((c) => c.values.some((v) => v.indicatorId === f.indicatorId)),
  );
  return (
    <Panel id="children-title" p="sm" gap="xs" title={t('report.children')}>
      <Table.ScrollContainer minWidth={800}>
        <Table striped data-testid="report-children">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('reports.unit')}</Table.Th>
              {defs.map((f) => (
                <Table.Th scope="col" key={f.indicatorId}>
                  {nameOf(f)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.children.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Th scope="row">{c.name}</Table.Th>
                {defs.map((f) => (
                  <Table.Td key={f.indicatorId}>
                    {formatValue(
                      c.values.find((v) => v.indicatorId === f.indicatorId)?.value ?? null,
                      f.kind,
                    )}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Panel>
  );
}
