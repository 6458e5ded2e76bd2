// Contacts and support given to a person by a volunteer or an officer: the kinds, the outcomes and their labels.
// Pure data with no dependency (re-exported by community-rules.ts): the volunteer's light web pages import it
// without the shared zod schemas.
import type { Text } from './legal-basis.ts';

/** Contacts and support given to a person by a volunteer or an officer. */
export const CONTACT_KINDS = [
  'visit',
  'call',
  'relapse_prevention_counselling',
  'crisis_counselling',
  'accompany_to_service',
] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const CONTACT_OUTCOMES = ['met', 'not_reached', 'referred', 'escalated'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];

export const contactKindLabels: Record<keyof Text, Record<ContactKind, string>> = {
  vi: {
    visit: 'Thăm hỏi tại nhà',
    call: 'Gọi điện',
    relapse_prevention_counselling: 'Tư vấn phòng, chống tái nghiện',
    crisis_counselling: 'Tư vấn khủng hoảng',
    accompany_to_service: 'Đi cùng đến cơ sở dịch vụ',
  },
  en: {
    visit: 'Home visit',
    call: 'Phone call',
    relapse_prevention_counselling: 'Relapse-prevention counselling',
    crisis_counselling: 'Crisis counselling',
    accompany_to_service: 'Accompanied to a service',
  },
};
