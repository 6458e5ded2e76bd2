import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { ApiError } from '../../api/client.ts';

// A form of a settings page (areas, the reporting cut-off): the browser's own checks off (the page checks and
// names the field), the server's 400 shown under the field it names, and any other refusal above the buttons.

/** The server's message for one field, when its 400 names that field. */
export const fieldError = (e: unknown, name: string) =>
  e instanceof ApiError ? e.errors.find((x) => x.field === name)?.message : undefined;

/** A refusal that names no field, as text (null when there is none, or when every problem is a field's). */
export const problemText = (e: unknown) =>
  e instanceof ApiError && !e.errors.length ? e.detail : e && !(e instanceof ApiError) ? String(e) : null;

/** A form sent by `onSubmit` (Enter or its submit button), without the browser's own validation bubbles. */
export function PlainForm({ onSubmit, children }: { onSubmit: () => void; children: ReactNode }) {
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** The refusal that names no field, above the form's buttons (nothing when there is none). */
export function FormProblem({ error }: { error: unknown }) {
  const text = problemText(error);
  if (!text) return null;
  return (
    <Alert color="red" role="alert">
      {text}
    </Alert>
  );
}
