import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { formatDate } from '../../i18n/format.ts';
import { eventText } from './event-line.tsx';
import { type Admission, type FacilityEvent, facilityApi } from './facility-api.ts';
import { isoToDmy, useConfirm } from './facility-form-kit.tsx';
import { type Act, residentSpecs } from './resident-specs.ts';
import { asBody, type FieldSpec, type Parsed, SpecFormModal } from './spec-form.tsx';

// Corrections of what was entered by mistake on a resident's page: an event of the register (the same form
// as when it was entered, filled with what was recorded), the void of an event (reason, then a confirmation;
// kept in the history, left out of the figures), and the intake record.

export type Fix = { mode: 'correct' | 'void'; e: FacilityEvent } | { mode: 'intake' };
export const CORRECTABLE = ['visit', 'incident', 'reward', 'support'] as const;
type Correctable = (typeof CORRECTABLE)[number];
export const isCorrectable = (e: FacilityEvent): e is FacilityEvent & { kind: Correctable } =>
  (CORRECTABLE as readonly string[]).includes(e.kind);

type Ask = (a: { title: string; message: string; confirmLabel: string }) => Promise<boolean>;

/** The server names fields of a correction `input.<field>`; the form's fields are the plain names. */
export async function plainFields<R>(
  run: () => Promise<R>,
  t: TFunction<'facility'>,
  line: (current: FacilityEvent) => string = (c) => eventText(c, t),
): Promise<R> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    const current = err.body.current as FacilityEvent | undefined;
    const detail =
      err.code === 'stale_version' && current?.kind
        ? t('fix.staleCurrent', { line: `${formatDate(current.occurredOn)} · ${line(current)}` })
        : err.detail;
    throw new ApiError(err.status, {
      ...err.body,
      detail,
      // Tells the page's act() to keep this message (it names the current values) rather than its own.
      keepDetail: err.code === 'stale_version',
      errors: err.errors.map((f) => ({ ...f, field: f.field.replace(/^input\./, '') })),
    });
  }
}

/**
 * The void of an entry of the register (`what`, on the day it happened): a reason, then a confirmation, then the
 * request; `sent` runs it and follows its answer (a refresh, a message). The server's refusal shows on the form.
 */
export function VoidForm({
  e,
  what,
  ask,
  onClose,
  sent,
}: {
  e: { id: string; version: number; occurredOn: string };
  what: string;
  ask: Ask;
  onClose: () => void;
  sent: (run: () => Promise<unknown>) => Promise<void>;
}) {
  const { t } = useTranslation('facility');
  return (
    <SpecFormModal
      opened
      title={t('fix.voidTitle', { what })}
      submitLabel={t('fix.voidSubmit')}
      fields={[{ key: 'reason', label: t('fix.voidReason'), kind: 'textarea', required: true }]}
      onClose={onClose}
      beforeSubmit={() =>
        ask({
          title: t('fix.voidConfirmTitle'),
          message: t('fix.voidConfirm', { what, date: formatDate(e.occurredOn) }),
          confirmLabel: t('fix.voidSubmit'),
        })
      }
      onSubmit={(p) =>
        sent(() =>
          plainFields(() => facilityApi.voidEvent(e.id, asBody({ version: e.version, reason: p.reason })), t),
        )
      }
    />
  );
}

const initialFrom = (fields: FieldSpec[], e: FacilityEvent): FieldSpec[] =>
  fields.map((f) => {
    const v = e.data[f.key];
    if (f.kind === 'date') return { ...f, initial: isoToDmy(typeof v === 'string' ? v : e.occurredOn) };
    return { ...f, initial: typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '' };
  });

/** Parses "item × n" lines (× or x); null when a line does not read so. */
function belongingsOf(text: string) {
  const items = [];
  for (const line of text.split('\n').map((l) => l.trim())) {
    if (!line) continue;
    const m = /^(.+?)\s*[×x]\s*(\d+)$/i.exec(line);
    if (m) items.push({ item: m[1]!.trim(), quantity: Number(m[2]) });
    else if (/\d\s*$/.test(line)) return null;
    else items.push({ item: line, quantity: 1 });
  }
  return items;
}

export function FixDialog({
  a,
  fix,
  act,
  ask,
  onClose,
}: {
  a: Admission;
  fix: Fix;
  act: Act;
  ask: Ask;
  onClose: () => void;
}) {
  const { t } = useTranslation('facility');
  if (fix.mode === 'intake') {
    const opts = (prefix: string, keys: readonly string[]) =>
      keys.map((k) => ({ value: k, label: t(`${prefix}.${k}`) }));
    const fields: FieldSpec[] = [
      { key: 'recordNumber', label: t('admit.recordNumber'), kind: 'text', initial: a.recordNumber ?? '' },
      {
        key: 'classification',
        label: t('admit.classification'),
        kind: 'select',
        initial: a.classification,
        options: opts('classification', ['first_time', 'repeat', 'juvenile', 'with_comorbidity', 'other']),
      },
      {
        key: 'rapidTest.testedOn',
        label: t('admit.testedOn'),
        kind: 'date',
        required: true,
        initial: isoToDmy(a.rapidTest.testedOn),
      },
      {
        key: 'rapidTest.result',
        label: t('admit.testResult'),
        kind: 'select',
        initial: a.rapidTest.result,
        options: opts('admit', ['positive', 'negative']),
      },
      {
        key: 'rapidTest.substances',
        label: t('admit.substances'),
        kind: 'text',
        initial: a.rapidTest.substances.join(', '),
      },
      {
        key: 'belongings',
        label: t('fix.belongingsLines'),
        kind: 'textarea',
        initial: a.belongings.map((b) => `${b.item} × ${b.quantity}`).join('\n'),
      },
      { key: 'reason', label: t('fix.intakeReason'), kind: 'textarea', required: true },
    ];
    const submit = async (p: Parsed) => {
      const belongings = belongingsOf(String(p.belongings ?? ''));
      if (!belongings)
        throw new ApiError(400, {
          detail: t('fix.belongingsBad'),
          errors: [{ field: 'belongings', message: t('fix.belongingsBad') }],
        });
      const substances = String(p['rapidTest.substances'] ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      await act(() =>
        facilityApi.correctIntake(
          a.id,
          asBody({
            version: a.version,
            recordNumber: p.recordNumber,
            classification: p.classification,
            belongings,
            rapidTest: { testedOn: p['rapidTest.testedOn'], result: p['rapidTest.result'], substances },
            reason: p.reason,
          }),
        ),
      );
    };
    return (
      <SpecFormModal opened title={t('fix.intake')} fields={fields} onClose={onClose} onSubmit={submit} />
    );
  }

  const e = fix.e;
  const what = t(`event.${e.kind}`);
  if (fix.mode === 'void')
    return (
      <VoidForm
        e={e}
        what={what}
        ask={ask}
        onClose={onClose}
        sent={(run) => act(run, () => t('fix.voidedDone'))}
      />
    );
  if (!isCorrectable(e)) return null;
  const spec = residentSpecs(a, t, act)[e.kind];
  return (
    <SpecFormModal
      opened
      title={t('fix.correctTitle', { what })}
      fields={initialFrom(spec.fields, e)}
      onClose={onClose}
      onSubmit={(p) =>
        act(() =>
          plainFields(() => facilityApi.correctEvent(e.id, asBody({ version: e.version, input: p })), t),
        )
      }
    />
  );
}

/** The void of a facility-wide entry (labour, session, group): a reason, then a confirmation. */
export function VoidEventDialog({
  e,
  onClose,
  onDone,
}: {
  e: FacilityEvent;
  onClose: () => void;
  onDone: () => Promise<void>;
}) {
  const { t } = useTranslation('facility');
  const { ask, element } = useConfirm();
  const what = t(`event.${e.kind}`);
  return (
    <>
      <VoidForm
        e={e}
        what={what}
        ask={ask}
        onClose={onClose}
        sent={async (run) => {
          await run();
          await onDone();
        }}
      />
      {element}
    </>
  );
}
