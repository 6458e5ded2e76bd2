import { type ReactNode, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorDetail } from '../api/client.ts';
import { type Lang, setLang } from '../i18n/i18n.ts';
import './field.css';

// The light pieces of the login page and the volunteer's pages: plain semantic HTML and field.css, no component
// library (a volunteer on a slow mobile link downloads about 100 KB of JavaScript in all; bench/slow-link.ts).
// Same texts, roles and labels as the Mantine pages, so the browser tests and axe read them the same way.

export { dmyIn, isoDate, todayDmy } from '../components/dates.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** Today in the browser's calendar as YYYY-MM-DD. */
export function todayIso() {
  const d = new Date();
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export type Errors = Record<string, string>;

/** The server's field errors by field name (the message is already in the UI language). */
export function serverFieldErrors(error: unknown): Errors {
  const out: Errors = {};
  if (error instanceof ApiError) for (const f of error.errors) out[f.field] ??= f.message;
  return out;
}

/** A CSS media query as React state (the menu folds on phones). */
export function useMedia(query: string): boolean {
  return useSyncExternalStore(
    (l) => {
      const m = window.matchMedia(query);
      m.addEventListener('change', l);
      return () => m.removeEventListener('change', l);
    },
    () => window.matchMedia(query).matches,
  );
}

export function Spinner() {
  return <div className="f-spinner" aria-hidden="true" />;
}

export function FullLoader() {
  const { t } = useTranslation();
  return (
    <div className="f-root f-center" style={{ minHeight: '60vh' }} role="status" aria-live="polite">
      <Spinner />
      <span>{t('app.loading')}</span>
    </div>
  );
}

export function InlineLoader() {
  const { t } = useTranslation();
  return (
    <div className="f-center" role="status" aria-live="polite">
      <Spinner />
      <span className="f-sr">{t('app.loading')}</span>
    </div>
  );
}

type Tone = 'blue' | 'red' | 'green' | 'gray';
export function Note({
  tone = 'blue',
  role,
  testId,
  title,
  children,
}: {
  tone?: Tone;
  role?: 'alert' | 'status';
  testId?: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <div className={`f-alert f-alert-${tone}`} role={role} data-testid={testId}>
      {title && <p className="f-p f-strong">{title}</p>}
      {children}
    </div>
  );
}

/** A failed request, with the server's message when there is one. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const detail = errorDetail(error);
  return (
    <Note tone="red" role="alert" title={t('common.error')}>
      <div className="f-stack-sm" style={{ alignItems: 'flex-start' }}>
        <p className="f-p f-small">{detail}</p>
        {onRetry && (
          <button type="button" className="f-btn f-btn-plain f-btn-small" onClick={onRetry}>
            {t('common.retry')}
          </button>
        )}
      </div>
    </Note>
  );
}

/**
 * What a refusal shows above the buttons: its detail and the field errors that no field of the form (`shown`)
 * already shows; null when there is none, or when every field error stands under its field.
 */
export function problemText(error: unknown, shown: string[]) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const rest = e ? e.errors.filter((f) => !shown.includes(f.field)) : [];
  if (e && e.errors.length > 0 && rest.length === 0) return null;
  return { detail: errorDetail(error), rest };
}

/** The server's refusal above the button; field errors a field of the form already shows are left to it. */
export function Problem({ error, shown = [] }: { error: unknown; shown?: string[] }) {
  const p = problemText(error, shown);
  if (!p) return null;
  return (
    <Note tone="red" role="alert" testId="server-problem">
      <p className="f-p f-small f-strong">{p.detail}</p>
      {p.rest.map((f) => (
        <p className="f-p f-small" key={`${f.field}|${f.message}`}>
          {f.field}: {f.message}
        </p>
      ))}
    </Note>
  );
}

export function Section({
  title,
  testId,
  children,
}: {
  title: string;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <section className="f-card f-stack-sm" data-testid={testId}>
      <h2>{title}</h2>
      {children}
    </section>
  );
}

type FieldProps = {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  type?: string;
  name?: string;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  autoFocus?: boolean;
  placeholder?: string;
  /** An extra control inside the input's box (the password's show/hide button). */
  addon?: ReactNode;
};

/** A labelled input: hint and error tied to it (aria-describedby), aria-invalid when wrong. */
export function TextField(p: FieldProps) {
  const id = useId();
  const described = [p.hint && `${id}-hint`, p.error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    className: 'f-input',
    value: p.value,
    name: p.name,
    required: p.required,
    maxLength: p.maxLength,
    placeholder: p.placeholder,
    'aria-invalid': p.error ? true : undefined,
    'aria-describedby': described,
  };
  return (
    <div className="f-field">
      <label className="f-label" htmlFor={id}>
        {p.label}
        {p.required && <span aria-hidden="true"> *</span>}
      </label>
      {p.multiline ? (
        <textarea {...common} rows={2} onChange={(e) => p.onChange(e.currentTarget.value)} />
      ) : (
        <div className={p.addon ? 'f-password' : undefined}>
          <input
            {...common}
            type={p.type ?? 'text'}
            autoComplete={p.autoComplete}
            inputMode={p.inputMode}
            autoCapitalize={p.type === 'password' || p.autoComplete === 'username' ? 'none' : undefined}
            spellCheck={p.autoComplete === 'username' ? false : undefined}
            // biome-ignore lint/a11y/noAutofocus: the login form's first field, as before
            autoFocus={p.autoFocus}
            onChange={(e) => p.onChange(e.currentTarget.value)}
          />
          {p.addon}
        </div>
      )}
      {p.hint && (
        <span className="f-hint" id={`${id}-hint`}>
          {p.hint}
        </span>
      )}
      {p.error && (
        <span className="f-error" id={`${id}-error`}>
          {p.error}
        </span>
      )}
    </div>
  );
}

/** A date typed as dd/mm/yyyy (numeric keyboard on phones). */
export function DateInput(p: Omit<FieldProps, 'type' | 'inputMode'>) {
  return <TextField {...p} inputMode="numeric" placeholder={p.placeholder ?? 'dd/mm/yyyy'} />;
}

export function PasswordField(p: Omit<FieldProps, 'type' | 'addon'> & { toggleLabel: string }) {
  const [shown, setShown] = useState(false);
  return (
    <TextField
      {...p}
      type={shown ? 'text' : 'password'}
      addon={
        <button
          type="button"
          aria-label={p.toggleLabel}
          aria-pressed={shown}
          onClick={() => setShown((s) => !s)}
        >
          {shown ? '🙈' : '👁'}
        </button>
      }
    />
  );
}

/** One choice among a few, as large tappable radio cards. */
export function Choices({
  legend,
  name,
  value,
  onChange,
  options,
  error,
}: {
  legend: string;
  name: string;
  value: string;
  onChange: (v: string) => void;
  options: { value: string; label: string }[];
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset className="f-choices" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="f-legend">{legend}</legend>
      <div className="f-choice-grid">
        {options.map((o) => (
          <label className="f-choice" key={o.value}>
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <span className="f-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </fieldset>
  );
}

/** Vietnamese / English: two buttons, the current one pressed. */
export function LangSwitch() {
  const { t, i18n } = useTranslation();
  const current = i18n.language === 'en' ? 'en' : 'vi';
  return (
    <div className="f-lang" role="group" aria-label={t('lang.label')}>
      {(['vi', 'en'] as Lang[]).map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={current === l} onClick={() => void setLang(l)}>
          {t(`lang.${l}`)}
        </button>
      ))}
    </div>
  );
}

/** A yes/no question before an action that cannot be undone (the browser's own modal dialog). */
export function Confirm(p: {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (p.opened && !d.open) d.showModal();
    if (!p.opened && d.open) d.close();
  }, [p.opened]);
  return (
    <dialog ref={ref} className="f-dialog f-root" aria-labelledby={titleId} onClose={p.onClose}>
      <div className="f-stack">
        <h2 id={titleId}>{p.title}</h2>
        <p className="f-p">{p.message}</p>
        <div className="f-row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="f-btn f-btn-plain" onClick={p.onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="f-btn f-btn-danger" onClick={p.onConfirm}>
            {p.confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
