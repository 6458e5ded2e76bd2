import { type ChangeEvent, useState } from 'react';
import type { Errors } from './form-kit.tsx';

type Change = ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>;

/**
 * The state of a form whose inputs are bound to named fields: the values, the problems found (by the client's
 * checks or by the server, keyed by the API field name), and the props that bind an input to a field, so that a
 * page writes `<TextInput label=… {...form.text('name')} />` instead of value/onChange/error by hand.
 */
export function useFields<F extends object>(
  initial: F | (() => F),
  /** Where the problems come from when the page keeps them itself (e.g. the facility pages' useFieldErrors). */
  errorOf?: (key: string) => string | undefined,
) {
  const [first] = useState(initial);
  const [f, setF] = useState<F>(first);
  const [errors, setErrors] = useState<Errors>({});
  const set =
    <K extends keyof F>(k: K) =>
    (v: F[K]) =>
      setF((o) => ({ ...o, [k]: v }));
  const err = (k: keyof F, errorKey?: string) =>
    (errorOf ?? ((x: string) => errors[x]))(errorKey ?? String(k));
  return {
    f,
    setF,
    set,
    errors,
    setErrors,
    /** Back to the first values (after a successful save). */
    reset: () => setF(first),
    /** A text input (TextInput, Textarea, NativeSelect) bound to field k; its error under the API name `errorKey`. */
    text: (k: keyof F, errorKey?: string) => ({
      value: String(f[k] ?? ''),
      onChange: (e: Change) => set(k)(e.currentTarget.value as F[typeof k]),
      error: err(k, errorKey),
    }),
    /** A DateField, NumberInput or Checkbox.Group bound to field k (they hand over the value itself). */
    value: <K extends keyof F>(k: K, errorKey?: string) => ({
      value: f[k],
      onChange: (v: F[K]) => set(k)(v),
      error: err(k, errorKey),
    }),
    /** A Select bound to field k that always holds one of its options (`fallback` when cleared). */
    pick: (k: keyof F, fallback: string, errorKey?: string) => ({
      value: String(f[k] ?? ''),
      onChange: (v: string | null) => set(k)((v ?? fallback) as F[typeof k]),
      allowDeselect: false,
      error: err(k, errorKey),
    }),
    /** A Checkbox bound to a boolean field k. */
    check: (k: keyof F) => ({
      checked: Boolean(f[k]),
      onChange: (e: ChangeEvent<HTMLInputElement>) => set(k)(e.currentTarget.checked as F[typeof k]),
    }),
  };
}

export type Fields<F extends object> = ReturnType<typeof useFields<F>>;
