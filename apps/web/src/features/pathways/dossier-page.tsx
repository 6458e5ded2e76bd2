import { canEditDocuments, type DossierStatus } from '@hoanhap/domain/dossier-rules';
import {
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { can, useSession } from '../../api/session.ts';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { formatDate } from '../../i18n/format.ts';
import { DossierNextStep } from './dossier-steps.tsx';
import { OpenEpisodeForm } from './open-episode-form.tsx';
import './dossiers-i18n.ts';
import { Panel } from '../../components/panel.tsx';
import { PageTitle } from '../../components/record-list.tsx';
import {
  coverListHref,
  type Dossier,
  type DossierPerson,
  documentHref,
  dossierApi,
  useDossier,
  useDossierWrite,
} from './dossiers-api.ts';
import { Field } from './episode-card.tsx';
import { ServerProblem, tx } from './form-kit.tsx';

type Flash = { color: string; text: string };

/** One compulsory-rehab dossier: its people, the checklist with uploads, the steps to the court and execution. */
export function DossierPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('dossiers');
  usePageTitle(t('page.title'));
  const q = useDossier(id);
  const [flash, setFlash] = useState<Flash | null>(null);
  if (q.isPending) return <InlineLoader />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const d = q.data;
  return (
    <Stack data-testid="dossier-page">
      <Anchor component={Link} to="/dossiers" size="sm">
        ← {t('page.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <PageTitle title={`${t('page.title')}: ${d.persons.map((p) => p.fullName).join(', ')}`} />
          <Group gap="xs">
            <Text size="sm">{t('page.status')}:</Text>
            <Text size="sm" fw={700} c="blue.9" data-testid="dossier-status">
              {tx(d.statusLabel)}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs" role="group" aria-label={t('page.coverList')}>
          <Text size="sm">{t('page.coverList')}:</Text>
          <Anchor
            href={coverListHref(d.id, 'docx')}
            download
            size="sm"
            aria-label={`${t('page.coverList')} (DOCX)`}
          >
            DOCX
          </Anchor>
          <Anchor
            href={coverListHref(d.id, 'pdf')}
            download
            size="sm"
            aria-label={`${t('page.coverList')} (PDF)`}
          >
            PDF
          </Anchor>
        </Group>
      </Group>
      {flash && (
        <Alert
          color={flash.color}
          role="status"
          data-testid="dossier-flash"
          withCloseButton
          closeButtonLabel="×"
          onClose={() => setFlash(null)}
        >
          {flash.text}
        </Alert>
      )}
      <Facts d={d} />
      <DossierNextStep dossier={d} onDone={(text) => setFlash({ color: 'green', text })} />
      <Persons d={d} onDone={(text) => setFlash({ color: 'green', text })} />
      <Checklist d={d} onDone={(text) => setFlash({ color: 'green', text })} />
      <Panel id="dossier-pending" gap="xs" title={t('page.pending')}>
        <Text size="sm">{t('page.pendingHint')}</Text>
      </Panel>
    </Stack>
  );
}

function Facts({ d }: { d: Dossier }) {
  const { t } = useTranslation('dossiers');
  const rp = d.readingPeriod;
  return (
    <Panel id="dossier-facts" title={t('page.timeline')}>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 4 }} m={0} spacing="xs">
        <Field label={t('page.commune')}>{d.communeName ?? d.communeCode}</Field>
        <Field label={t('page.preparer')}>{tx(d.preparer.label)}</Field>
        <Field label={t('page.preparedOn')}>{formatDate(d.preparedOn)}</Field>
        {d.notifiedOn && <Field label={t('page.notifiedOn')}>{formatDate(d.notifiedOn)}</Field>}
        {rp && (
          <Field label={t('page.readingEnds')} testId="reading-end">
            {formatDate(rp.endsOn)} ({t('page.readingDays', { count: rp.workingDays })}
            {rp.verify ? `, ${t('page.verify')}` : ''})
          </Field>
        )}
        {d.readingClosedOn && (
          <Field label={t('page.readingClosedOn')}>{formatDate(d.readingClosedOn)}</Field>
        )}
        {d.submittedOn && <Field label={t('page.submittedOn')}>{formatDate(d.submittedOn)}</Field>}
        {d.submissionNumber && <Field label={t('page.submissionNumber')}>{d.submissionNumber}</Field>}
        {d.court && (
          <Field label={t('page.court')}>
            {[d.court.name, tx(d.court.label)].filter(Boolean).join(' · ')}
          </Field>
        )}
        {d.acceptedOn && <Field label={t('page.acceptedOn')}>{formatDate(d.acceptedOn)}</Field>}
        {d.courtCaseNumber && <Field label={t('page.caseNumber')}>{d.courtCaseNumber}</Field>}
        {d.hearingDate && (
          <Field label={t('page.hearingDate')} testId="hearing-date">
            {formatDate(d.hearingDate)}
            {d.hearingPlace ? ` · ${d.hearingPlace}` : ''}
          </Field>
        )}
        {d.decidedOn && <Field label={t('page.decidedOn')}>{formatDate(d.decidedOn)}</Field>}
        {d.executedOn && <Field label={t('page.executedOn')}>{formatDate(d.executedOn)}</Field>}
      </SimpleGrid>
      {d.notes && (
        <Text size="sm" mt="xs">
          {d.notes}
        </Text>
      )}
    </Panel>
  );
}

function outcomeText(p: DossierPerson, t: (k: string, o?: Record<string, unknown>) => string) {
  const parts = [t(`court.${p.status}`)];
  if (p.termMonths) parts.push(t('page.term', { count: p.termMonths }));
  if (p.decisionNumber) parts.push(p.decisionNumber);
  if (p.postponedUntil) parts.push(t('page.postponedUntil', { date: formatDate(p.postponedUntil) }));
  if (p.admittedOn) parts.push(t('page.admittedOn', { date: formatDate(p.admittedOn) }));
  return parts.join(' · ');
}

function Persons({ d, onDone }: { d: Dossier; onDone: (text: string) => void }) {
  const { t } = useTranslation('dossiers');
  const me = useSession();
  const [removing, setRemoving] = useState<DossierPerson | null>(null);
  const [pending, setPending] = useState<DossierPerson | null>(null);
  const write = useDossierWrite((personId: string) => dossierApi.removePerson(d.id, personId, d.version));
  const canRemove = can(me, 'dossiers.write') && d.status === 'draft' && d.persons.length > 1;
  // Management while the court has not decided: at the family (Form 35) or at a facility.
  const canManage = can(me, 'episodes.write') && !['decided', 'executed'].includes(d.status);
  return (
    <Panel id="dossier-persons" title={t('page.persons')}>
      <Table data-testid="dossier-persons">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('page.persons')}</Table.Th>
            <Table.Th>{t('page.ground')}</Table.Th>
            <Table.Th>{t('page.personStatus')}</Table.Th>
            {(canRemove || canManage) && <Table.Th>{t('page.actions')}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.persons.map((p) => (
            <Table.Tr key={p.personId} data-testid="dossier-person">
              <Table.Td>
                <Anchor
                  component={Link}
                  to={`/people/${p.personId}`}
                  aria-label={t('page.openPerson', { name: p.fullName })}
                >
                  {p.fullName}
                </Anchor>{' '}
                ({p.birthDate ? formatDate(p.birthDate) : p.birthYear})
              </Table.Td>
              <Table.Td>
                <Text size="sm">{tx(p.groundLabel)}</Text>
                <Text size="xs" fw={500}>
                  {p.groundInHistory ? `✓ ${t('page.groundInHistory')}` : `! ${t('page.groundNotInHistory')}`}
                </Text>
                {p.groundNote && <Text size="xs">{p.groundNote}</Text>}
              </Table.Td>
              <Table.Td data-testid="person-outcome">{outcomeText(p, t)}</Table.Td>
              {(canRemove || canManage) && (
                <Table.Td>
                  <Group gap="xs">
                    {canManage && p.status === 'proposed' && (
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => setPending(p)}
                        aria-label={t('page.managePendingFor', { name: p.fullName })}
                      >
                        {t('page.managePending')}
                      </Button>
                    )}
                    {canRemove && (
                      <Button size="xs" variant="outline" color="red.9" onClick={() => setRemoving(p)}>
                        {t('page.removePerson')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ServerProblem error={write.error} />
      {pending && (
        <OpenEpisodeForm
          personId={pending.personId}
          types={['compulsory_pending']}
          grounds={[pending.ground]}
          opened
          onClose={() => setPending(null)}
          onDone={() => {
            onDone(t('page.pendingRecorded', { name: pending.fullName }));
            setPending(null);
          }}
        />
      )}
      <ConfirmDialog
        opened={!!removing}
        title={t('page.removePersonTitle')}
        message={t('page.removePersonConfirm', { name: removing?.fullName ?? '' })}
        confirmLabel={t('page.removePerson')}
        danger
        busy={write.isPending}
        onConfirm={() =>
          removing &&
          write.mutate(removing.personId, {
            onSuccess: () => {
              onDone(t('page.removePerson'));
              setRemoving(null);
            },
            onError: () => setRemoving(null),
          })
        }
        onClose={() => setRemoving(null)}
      />
    </Panel>
  );
}

function Checklist({ d, onDone }: { d: Dossier; onDone: (text: string) => void }) {
  const { t } = useTranslation('dossiers');
  const me = useSession();
  const editable = can(me, 'dossiers.write') && canEditDocuments(d.status as DossierStatus).ok;
  const [removing, setRemoving] = useState<Dossier['documents'][number] | null>(null);
  const upload = useDossierWrite((v: { personId: string; kind: string; file: File }) =>
    dossierApi.upload(d.id, v.personId, v.kind, v.file),
  );
  const remove = useDossierWrite((documentId: string) => dossierApi.removeDocument(d.id, documentId));
  const missing = d.checklist.missing;
  return (
    <Panel id="dossier-checklist" gap="xs" title={t('page.checklist')}>
      <Text size="xs" c="dimmed" mb="xs">
        {t('page.basis')}: {d.checklist.basis.map(tx).join('; ')}
        {d.checklist.verify ? ` (${t('page.verify')})` : ''}
      </Text>
      {missing.length === 0 ? (
        <Alert color="green" data-testid="checklist-complete" mb="sm">
          {t('page.complete')}
        </Alert>
      ) : (
        <Alert color="orange" data-testid="checklist-missing" mb="sm">
          {t('page.missingCount', { count: missing.length })}
        </Alert>
      )}
      <ServerProblem error={upload.error ?? remove.error} />
      <Stack>
        {d.persons.map((p) => (
          <div key={p.personId}>
            <Title order={3} size="h5" mb={4}>
              {t('page.checklistOf', { name: p.fullName })}
            </Title>
            <Table data-testid={`checklist-${p.personId}`} verticalSpacing={4}>
              <Table.Tbody>
                {d.checklist.items.map((item) => {
                  const docs = d.documents.filter((x) => x.personId === p.personId && x.kind === item.kind);
                  const isMissing = missing.some((m) => m.personId === p.personId && m.kind === item.kind);
                  return (
                    <Table.Tr key={item.kind} data-testid={`item-${item.kind}`}>
                      <Table.Td>
                        <Text size="sm">{tx(item.label)}</Text>
                        <Text size="xs" c="dimmed">
                          {item.required ? t('page.required') : t('page.optional')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {docs.length > 0 ? (
                          <Stack gap={2}>
                            {docs.map((doc) => (
                              <Group key={doc.id} gap="xs" wrap="nowrap">
                                <Anchor
                                  href={documentHref(d.id, doc.id)}
                                  download
                                  size="sm"
                                  aria-label={t('page.download', { file: doc.originalName })}
                                >
                                  {doc.originalName}
                                </Anchor>
                                {editable && (
                                  <Button
                                    size="compact-xs"
                                    variant="outline"
                                    color="red.9"
                                    onClick={() => setRemoving(doc)}
                                    aria-label={`${t('page.removeDoc')}: ${doc.originalName}`}
                                  >
                                    {t('page.removeDoc')}
                                  </Button>
                                )}
                              </Group>
                            ))}
                          </Stack>
                        ) : (
                          <Text size="sm" c={isMissing ? 'red.9' : 'dimmed'} fw={isMissing ? 600 : 400}>
                            {isMissing ? t('page.missing') : '—'}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {editable && (
                          <FileButton
                            accept="application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                            onChange={(file) =>
                              file &&
                              upload.mutate(
                                { personId: p.personId, kind: item.kind, file },
                                { onSuccess: () => onDone(t('page.uploaded', { file: file.name })) },
                              )
                            }
                          >
                            {(props) => (
                              <Button
                                {...props}
                                size="xs"
                                variant="light"
                                loading={upload.isPending && upload.variables?.kind === item.kind}
                                aria-label={t('page.uploadFor', { kind: tx(item.label), name: p.fullName })}
                                title={t('page.uploadHint')}
                              >
                                {t('page.upload')}
                              </Button>
                            )}
                          </FileButton>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        ))}
      </Stack>
      <ConfirmDialog
        opened={!!removing}
        title={t('page.removeDocTitle')}
        message={t('page.removeDocConfirm', { file: removing?.originalName ?? '' })}
        confirmLabel={t('page.removeDoc')}
        danger
        busy={remove.isPending}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => setRemoving(null),
            onError: () => setRemoving(null),
          })
        }
        onClose={() => setRemoving(null)}
      />
    </Panel>
  );
}
