// Contacts and support given to a person by a volunteer or an officer: the kinds, the outcomes and their labels.
// Pure data with no dependency but the vocabulary helper (re-exported by community-rules.ts): the volunteer's
// light web pages import it without the shared zod schemas.
import { vocabulary } from './vocabulary.ts';

/** Contacts and support given to a person by a volunteer or an officer. */
const contactKindVocabulary = vocabulary({
  visit: ['Thăm hỏi tại nhà', 'Home visit'],
  call: ['Gọi điện', 'Phone call'],
  relapse_prevention_counselling: ['Tư vấn phòng, chống tái nghiện', 'Relapse-prevention counselling'],
  crisis_counselling: ['Tư vấn khủng hoảng', 'Crisis counselling'],
  accompany_to_service: ['Đi cùng đến cơ sở dịch vụ', 'Accompanied to a service'],
});
export const CONTACT_KINDS = contactKindVocabulary.values;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export const contactKindLabels = contactKindVocabulary.labels;

export const CONTACT_OUTCOMES = ['met', 'not_reached', 'referred', 'escalated'] as const;
export type ContactOutcome = (typeof CONTACT_OUTCOMES)[number];
