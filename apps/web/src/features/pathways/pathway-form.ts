import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFields } from '../../components/form-fields.ts';
import { type Checker, checker, type Draft } from '../../components/form-kit.tsx';
import { usePathwayWrite } from './pathways-api.ts';

/**
 * A form that writes on a person's path: its fields (bound to inputs), the write, and `submit`, which runs the
 * client checks (texts in `pathways`) while making the request body and sends it once they pass — a draft that
 * passed is the contract's body `B` (see Draft). `modal` is what the FormModal needs.
 */
export function usePathwayForm<F extends object, B, O>(
  personId: string,
  initial: F | (() => F),
  send: (body: B) => Promise<O>,
) {
  const { t } = useTranslation('pathways');
  const form = useFields(initial);
  const write = usePathwayWrite(personId, send);
  const submit = (build: (f: F, c: Checker) => Draft<B>, onSuccess: (out: O) => void) => {
    const c = checker(t);
    const body = build(form.f, c);
    form.setErrors(c.errors);
    if (!c.ok()) return;
    write.mutate(body as B, { onSuccess });
  };
  return { ...form, write, submit, modal: { busy: write.isPending, error: write.error } };
}

/**
 * A write on a person's path sent only after a confirmation dialog (it cannot be undone from the UI): `ask(x)`
 * opens the dialog with what the checks produced (the form's dialog gives way to it), `send(body)` sends the
 * write, and the dialog closes however it ends. `modal` and `dialog` are what the FormModal (shown while
 * `opened`) and the ConfirmDialog need.
 */
export function useConfirmedWrite<C, B, O>(
  personId: string,
  write: (body: B) => Promise<O>,
  opened: boolean,
  onDone: (out: O) => void,
) {
  const mutation = usePathwayWrite(personId, write);
  const [confirming, setConfirming] = useState<C | null>(null);
  const cancel = () => setConfirming(null);
  const send = (body: B) =>
    mutation.mutate(body, {
      onSuccess: (out) => {
        setConfirming(null);
        onDone(out);
      },
      onError: cancel,
    });
  return {
    confirming,
    ask: setConfirming,
    send,
    modal: { opened: opened && !confirming, busy: mutation.isPending, error: mutation.error },
    dialog: { opened: !!confirming, busy: mutation.isPending, onClose: cancel, danger: true },
  };
}
