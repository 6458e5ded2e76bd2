import { formatDate } from '../../i18n/format.ts';
import type { NewEntry } from '../../offline/outbox.ts';

/** The person an officer's entry is about, as their page showed it (the version the entry is based on). */
export type EntrySubject = { id: string; version: number; fullName: string };

/**
 * An officer's write that may wait in the outbox (record a drug test, a management contact): its label for the
 * outbox page, the person page to show beside a conflict, and the person's version it is based on.
 */
export function officerEntry(
  userId: string,
  subject: EntrySubject,
  path: string,
  body: Record<string, unknown>,
  what: string,
  date: string | undefined,
): NewEntry {
  return {
    method: 'POST',
    path,
    body,
    label: `${what} — ${subject.fullName}${date ? `, ${formatDate(date)}` : ''}`,
    userId,
    subjectPath: `/api/people/${encodeURIComponent(subject.id)}`,
    basedOn: { kind: 'person', id: subject.id, version: subject.version },
  };
}
