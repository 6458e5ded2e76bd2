import { COUNSELLING_KINDS, REHAB_STAGES, stageLabels } from '@hoanhap/domain/pathway-rules';
import { Checkbox, NativeSelect, Paper, SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BodyOf } from '../../api/schema.ts';
import { DateField } from '../../components/date-field.tsx';
import { formatDate } from '../../i18n/format.ts';
import { currentLang } from '../../i18n/i18n.ts';
import './dossiers-i18n.ts';
import { checker, type Errors, FormModal, todayDmy } from './form-kit.tsx';
import { usePathwayForm } from './pathway-form.ts';
import { type Episode, pathwayApi, usePathwayWrite } from './pathways-api.ts';

type Base<T> = { opened: boolean; onClose: () => void; onDone: (out: T) => void };

export type Stage = { stage: number; from?: string; to?: string; completed: boolean };

/** The stages recorded on an episode (details.stages), in order. */
export const stagesOf = (e: Episode): Stage[] =>
  Array.isArray(e.details.stages) ? (e.details.stages as Stage[]) : [];

/** A counselling session (individual, group or family) with this person, its topic and counsellor. */
export function CounsellingForm({ personId, ...p }: Base<{ heldOn: string }> & { personId: string }) {
  const { t } = useTranslation('dossiers');
  const { t: tp } = useTranslation('pathways');
  const form = usePathwayForm(
    personId,
    { kind: 'individual', heldOn: todayDmy(), topic: '', counsellor: '', notes: '' },
    pathwayApi.counselling,
  );
  const submit = () =>
    form.submit(
      (v, c) => ({
        kind: v.kind,
        heldOn: c.date('heldOn', v.heldOn),
        topic: c.required('topic', v.topic),
        counsellor: c.required('counsellor', v.counsellor),
        personIds: [personId],
        ...(v.notes.trim() ? { notes: v.notes.trim() } : {}),
      }),
      p.onDone,
    );
  return (
    <FormModal
      opened={p.opened}
      onClose={p.onClose}
      title={t('counselling.title')}
      onSubmit={submit}
      {...form.modal}
      size="md"
    >
      <NativeSelect
        label={t('counselling.kind')}
        {...form.text('kind')}
        data={COUNSELLING_KINDS.map((k) => ({ value: k, label: t(`counselling.${k}`) }))}
      />
      <DateField label={t('counselling.heldOn')} required {...form.value('heldOn')} />
      <TextInput label={t('counselling.topic')} required {...form.text('topic')} />
      <TextInput label={t('counselling.counsellor')} required {...form.text('counsellor')} />
      <Textarea label={tp('common.notes')} {...form.text('notes')} />
    </FormModal>
  );
}

/** The five stages of rehab with their dates; the server decides subsidy eligibility from them. */
export function StagesForm({ episode, ...p }: Base<Episode> & { episode: Episode }) {
  const { t } = useTranslation('dossiers');
  const { t: tp } = useTranslation('pathways');
  const lang = currentLang();
  const current = stagesOf(episode);
  const [rows, setRows] = useState(() =>
    REHAB_STAGES.map((n) => {
      const s = current.find((x) => x.stage === n);
      return {
        stage: n,
        from: s?.from ? formatDate(s.from) : '',
        to: s?.to ? formatDate(s.to) : '',
        completed: !!s?.completed,
      };
    }),
  );
  const [errors, setErrors] = useState<Errors>({});
  const write = usePathwayWrite(episode.personId, (body: BodyOf<'updateEpisode'>) =>
    pathwayApi.updateEpisode(episode.id, body),
  );
  const set = (n: number, patch: Partial<(typeof rows)[number]>) =>
    setRows(rows.map((r) => (r.stage === n ? { ...r, ...patch } : r)));
  const submit = () => {
    const c = checker(tp);
    const stages = rows
      .map((r) => ({
        stage: r.stage,
        from: c.date(`from${r.stage}`, r.from, true),
        to: c.date(`to${r.stage}`, r.to, true),
        completed: r.completed,
      }))
      .filter((s) => s.from || s.to || s.completed);
    setErrors(c.errors);
    if (!c.ok()) return;
    // Without the dates left empty (JSON drops undefined): the checker passed, so the stages are the contract's.
    write.mutate(
      JSON.parse(JSON.stringify({ version: episode.version, stages })) as BodyOf<'updateEpisode'>,
      {
        onSuccess: p.onDone,
      },
    );
  };
  return (
    <FormModal
      opened={p.opened}
      onClose={p.onClose}
      title={t('stages.title')}
      onSubmit={submit}
      busy={write.isPending}
      error={write.error}
    >
      {rows.map((r) => (
        <Paper key={r.stage} withBorder p="xs" data-testid={`stage-${r.stage}`}>
          <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
            <legend>
              <Text size="sm" fw={600}>
                {t('stages.stage', { n: r.stage })}: {stageLabels[lang][r.stage]}
              </Text>
            </legend>
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt={4}>
              <DateField
                label={`${t('stages.from')} (${t('stages.stage', { n: r.stage })})`}
                value={r.from}
                onChange={(from) => set(r.stage, { from })}
                error={errors[`from${r.stage}`]}
              />
              <DateField
                label={`${t('stages.to')} (${t('stages.stage', { n: r.stage })})`}
                value={r.to}
                onChange={(to) => set(r.stage, { to })}
                error={errors[`to${r.stage}`]}
              />
              <Checkbox
                mt="lg"
                label={`${t('stages.completed')} (${t('stages.stage', { n: r.stage })})`}
                checked={r.completed}
                onChange={(e) => set(r.stage, { completed: e.currentTarget.checked })}
              />
            </SimpleGrid>
          </fieldset>
        </Paper>
      ))}
    </FormModal>
  );
}

/** The recorded stages as short lines, and the subsidy state for community rehab. */
export function StagesSummary({ episode }: { episode: Episode }) {
  const { t } = useTranslation('dossiers');
  const lang = currentLang();
  const stages = stagesOf(episode);
  return (
    <div data-testid="stages-summary">
      {stages.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('stages.none')}
        </Text>
      ) : (
        stages.map((s) => (
          <Text size="sm" key={s.stage}>
            {s.completed ? '✓' : '•'} {t('stages.stage', { n: s.stage })}:{' '}
            {stageLabels[lang][s.stage as 1 | 2 | 3 | 4 | 5]}
            {s.from || s.to ? ` (${[formatDate(s.from), formatDate(s.to)].filter(Boolean).join(' – ')})` : ''}
          </Text>
        ))
      )}
      {episode.type === 'voluntary_community' && (
        <Text
          size="sm"
          fw={600}
          c={episode.subsidyEligible ? 'green.9' : undefined}
          data-testid="subsidy-state"
          mt={4}
        >
          {episode.subsidyEligible ? t('stages.subsidyYes') : t('stages.subsidyNo')}
        </Text>
      )}
    </div>
  );
}
