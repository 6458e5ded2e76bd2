import { z } from 'zod';
import { listOf, numOrNull, strOrNull } from '../../platform/http/schemas.ts';
import { contactOut } from './community.out.ts';

// Answers of the routes in services.routes.ts (their success schemas in the OpenAPI contract).

export const clubOut = z
  .object({
    id: z.string(),
    communeCode: z.string(),
    provinceCode: z.string(),
    name: z.string(),
    foundedOn: z.string(),
    active: z.boolean(),
    notes: strOrNull,
    memberCounts: z.object({ person: z.number(), family: z.number(), collaborator: z.number() }),
    version: z.number(),
    members: z
      .array(
        z.object({
          id: z.string(),
          kind: z.string(),
          personId: strOrNull,
          name: strOrNull,
          phone: strOrNull,
          relation: strOrNull,
          joinedOn: z.string(),
          leftOn: strOrNull,
        }),
      )
      .optional(),
    meetings: z
      .array(
        z.object({
          id: z.string(),
          heldOn: z.string(),
          kind: z.string(),
          topic: z.string(),
          place: strOrNull,
          guests: z.number(),
          note: strOrNull,
          attendeeMemberIds: z.array(z.string()),
          attendance: z.number(),
        }),
      )
      .optional(),
  })
  .meta({ id: 'Club' });

export const partnerOut = z
  .object({
    id: z.string(),
    kind: z.string(),
    name: z.string(),
    provinceCode: z.string(),
    communeCode: strOrNull,
    address: strOrNull,
    phone: strOrNull,
    services: strOrNull,
    active: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'Partner' });

export const referralOut = z
  .object({
    id: z.string(),
    personId: z.string(),
    personName: strOrNull,
    partnerId: strOrNull,
    partnerName: strOrNull,
    partnerKind: strOrNull,
    service: z.string(),
    status: z.string(),
    referredOn: z.string(),
    statusOn: z.string(),
    result: z.object({
      employerName: strOrNull,
      jobStartDate: strOrNull,
      loanAmount: numOrNull,
      loanPurpose: strOrNull,
      courseName: strOrNull,
      courseCompletedOn: strOrNull,
    }),
    note: strOrNull,
    version: z.number(),
  })
  .meta({ id: 'Referral' });

export const trainingOut = z
  .object({
    id: z.string(),
    course: z.string(),
    heldOn: z.string(),
    organiser: strOrNull,
    hours: numOrNull,
    provinceCode: z.string(),
    communeCode: strOrNull,
    attendees: z.array(
      z.object({
        kind: z.string(),
        userId: strOrNull,
        volunteerId: strOrNull,
        name: strOrNull,
      }),
    ),
    version: z.number(),
  })
  .meta({ id: 'Training' });

export const listClubsOut = listOf(clubOut);

export const listPartnersOut = listOf(partnerOut);

export const listReferralsOut = listOf(referralOut);

export const listTrainingsOut = listOf(trainingOut);

const trainedShare = z.object({ total: z.number(), trained: z.number(), percent: z.number().nullable() });

export const getTrainingShareOut = z.object({
  from: strOrNull,
  to: z.string(),
  communeCode: strOrNull,
  provinceCode: strOrNull,
  staff: trainedShare,
  volunteers: trainedShare,
});

export const getPersonSupportOut = z.object({
  personId: z.string(),
  volunteers: z.array(
    z.object({
      assignmentId: z.string(),
      volunteerId: z.string(),
      volunteerName: z.string(),
      organisation: z.string(),
      startedOn: z.string(),
      endedOn: strOrNull,
    }),
  ),
  contacts: z.array(contactOut),
  clubs: z.array(
    z.object({
      clubId: z.string(),
      clubName: z.string(),
      joinedOn: z.string(),
      leftOn: strOrNull,
      meetingsAttended: z.number(),
      relapsePreventionSessions: z.number(),
    }),
  ),
  referrals: z.array(referralOut),
  summary: z.object({
    contacts: z.number(),
    jobs: z.number(),
    loans: z.number(),
    coursesCompleted: z.number(),
  }),
});
