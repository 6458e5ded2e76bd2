import { MONITORING_EVENT_KINDS, MONITORING_MEANS } from '@hoanhap/domain/monitoring-rules';
import { isoDate } from '@hoanhap/domain/person-schema';
import { z } from 'zod';

// Inputs of an electronic-monitoring measure (Law 120/2025/QH15 Art. 12) and its events. The regime, the
// authority, the basis and the qualifying episode are never inputs: the server derives them from the rules in
// force on the decision date and the person's episodes on the start date.

const shortText = z.string().trim().min(1).max(60);
const name = z.string().trim().min(2).max(160);
const notes = z.string().trim().max(2000);

export const measureCreateSchema = z.strictObject({
  decisionNumber: shortText.describe('Number as written on the decision, e.g. 05/QĐ-CAX'),
  decisionDate: isoDate.describe('Date of the decision of the head of commune police'),
  decisionSigner: name.optional().describe('Who signed the decision'),
  startDate: isoDate.describe('First day of monitoring'),
  plannedEnd: isoDate.describe('Last day of monitoring as decided'),
  means: z.enum(MONITORING_MEANS).describe('Means of monitoring'),
  meansOther: z.string().trim().max(200).optional().describe("Description when the means is 'other'"),
  notes: notes.optional(),
});
export type MeasureCreateInput = z.infer<typeof measureCreateSchema>;

export const measureUpdateSchema = z.strictObject({
  version: z.number().int().min(1).describe('Version read before editing (409 when stale)'),
  decisionNumber: shortText.optional(),
  decisionSigner: name.nullable().optional(),
  plannedEnd: isoDate.optional(),
  means: z.enum(MONITORING_MEANS).optional(),
  meansOther: z.string().trim().max(200).nullable().optional(),
  notes: notes.nullable().optional(),
});
export type MeasureUpdateInput = z.infer<typeof measureUpdateSchema>;

export const eventCreateSchema = z.strictObject({
  version: z.number().int().min(1).describe("The measure's version read before recording (409 when stale)"),
  kind: z.enum(MONITORING_EVENT_KINDS).describe('What happened; a removal ends the measure'),
  occurredOn: isoDate.describe('Day it happened'),
  description: z.string().trim().max(2000).optional(),
});
export type EventCreateInput = z.infer<typeof eventCreateSchema>;
