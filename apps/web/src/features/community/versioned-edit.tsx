import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { type Fields, useFields } from '../../components/form-fields.ts';
import { useCommunityWrite } from './community-api.ts';
import {
  type Checker,
  checker,
  type Draft,
  FormModal,
  StaleNotice,
  serverFieldErrors,
  staleCurrent,
} from './community-kit.tsx';

type Versioned = { version: number; active: boolean };
type Form = { active: boolean };

/**
 * The correction dialog of a community record (a volunteer, a partner, a club): the form starts from the
 * record; saving sends its version, and a 409 shows the values someone else saved with a button that loads
 * them (and their version); unticking "active" asks for confirmation before saving. Each page gives only its
 * fields, how a form becomes a request body, and its texts.
 */
export function VersionedEdit<T extends Versioned, F extends Form, B extends { version: number }>(p: {
  record: T;
  toForm: (r: T) => F;
  /** The request body of the form; its field checks go through `c`, and a failed one stops the save. */
  toBody: (f: F, base: T, c: Checker) => Draft<Omit<B, 'version'>>;
  update: (body: B) => Promise<unknown>;
  title: string;
  /** Fields whose server errors show under the field itself. */
  shown: string[];
  /** The other person's values, one row a field (their active/stopped status follows, from the record). */
  staleRows: (current: T) => [string, string][];
  stop: { title: string; message: string; label: string };
  onClose: () => void;
  children: (form: Fields<F>) => ReactNode;
}) {
  const { t } = useTranslation('community');
  const [base, setBase] = useState<T>(p.record);
  const form = useFields<F>(() => p.toForm(p.record));
  const [confirm, setConfirm] = useState(false);
  // The checker passed (see Draft): the body is the contract's, with the version the form started from.
  const write = useCommunityWrite((body: Draft<Omit<B, 'version'>>) =>
    p.update({ ...body, version: base.version } as B),
  );
  const stale = staleCurrent<T>(write.error);
  const send = () => {
    const c = checker(t);
    const body = p.toBody(form.f, base, c);
    form.setErrors(c.errors);
    if (!c.ok()) return;
    write.mutate(body, {
      onSuccess: () => {
        setConfirm(false);
        p.onClose();
      },
      onError: (e) => {
        setConfirm(false);
        form.setErrors(serverFieldErrors(e));
      },
    });
  };
  return (
    <>
      <FormModal
        opened={!confirm}
        title={p.title}
        onClose={p.onClose}
        onSubmit={() => (base.active && !form.f.active ? setConfirm(true) : send())}
        busy={write.isPending}
        error={stale ? null : write.error}
        shown={p.shown}
      >
        {stale && (
          <StaleNotice
            rows={[
              ...p.staleRows(stale),
              [t('team.status'), stale.active ? t('common.active') : t('common.inactive')],
            ]}
            onLoad={() => {
              setBase(stale);
              form.setF(p.toForm(stale));
              write.reset();
            }}
          />
        )}
        {p.children(form)}
      </FormModal>
      <ConfirmDialog
        opened={confirm}
        title={p.stop.title}
        message={p.stop.message}
        confirmLabel={p.stop.label}
        danger
        busy={write.isPending}
        onConfirm={send}
        onClose={() => setConfirm(false)}
      />
    </>
  );
}
