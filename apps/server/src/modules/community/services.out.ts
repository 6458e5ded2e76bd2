import { z } from 'zod';
import { listOf } from '../../platform/http/schemas.ts';
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
    notes: z.string().nullable(),
    memberCounts: z.object({ person: z.number(), family: z.number(), collaborator: z.number() }),
    version: z.number(),
    members: z
      .array(
        z.object({
          id: z.string(),
          kind: z.string(),
          personId: z.string().nullable(),
          name: z.string().nullable(),
          phone: z.string().nullable(),
          relation: z.string().nullable(),
          joinedOn: z.string(),
          leftOn: z.string().nullable(),
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
          place: z.string().nullable(),
          guests: z.number(),
          note: z.string().nullable(),
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
    communeCode: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    services: z.string().nullable(),
    active: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'Partner' });

export const referralOut = z
  .object({
    id: z.string(),
    personId: z.string(),
    personName: z.string().nullable(),
    partnerId: z.string().nullable(),
    partnerName: z.string().nullable(),
    partnerKind: z.string().nullable(),
    service: z.string(),
    status: z.string(),
    referredOn: z.string(),
    statusOn: z.string(),
    result: z.object({
      employerName: z.string().nullable(),
      jobStartDate: z.string().nullable(),
      loanAmount: z.number().nullable(),
      loanPurpose: z.string().nullable(),
      courseName: z.string().nullable(),
      courseCompletedOn: z.string().nullable(),
    }),
    note: z.string().nullable(),
    version: z.number(),
  })
  .meta({ id: 'Referral' });

export const trainingOut = z
  .object({
    id: z.string(),
    course: z.string(),
    heldOn: z.string(),
    organiser: z.string().nullable(),
    hours: z.number().nullable(),
    provinceCode: z.string(),
    communeCode: z.string().nullable(),
    attendees: z.array(
      z.object({
        kind: z.string(),
        userId: z.string().nullable(),
        volunteerId: z.string().nullable(),
        name: z.string().nullable(),
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
  from: z.string().nullable(),
  to: z.string(),
  communeCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
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
      endedOn: z.string().nullable(),
    }),
  ),
  contacts: z.array(contactOut),
  clubs: z.array(
    z.object({
      clubId: z.string(),
      clubName: z.string(),
      joinedOn: z.string(),
      leftOn: z.string().nullable(),
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
