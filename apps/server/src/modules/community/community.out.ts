import { z } from 'zod';
import { bilingual, numOrNull, strOrNull } from '../../platform/http/schemas.ts';

// Output shapes of the officer-facing community endpoints (OpenAPI; the serializer also drops anything else).

const s = z.string();

export const volunteerOut = z
  .object({
    id: s,
    teamId: s,
    communeCode: s,
    fullName: s,
    sex: strOrNull,
    birthYear: numOrNull,
    phone: strOrNull,
    organisation: s,
    organisationDetail: strOrNull,
    userId: strOrNull,
    joinedOn: s,
    active: z.boolean(),
    leftOn: strOrNull,
    notes: strOrNull,
    isLeader: z.boolean(),
    assignedPeople: z.number(),
    version: z.number(),
  })
  .meta({ id: 'Volunteer' });
export const volunteerDetailOut = volunteerOut.extend({
  trainings: z.array(z.object({ id: s, course: s, heldOn: s })),
});

export const teamOut = z
  .object({
    id: s,
    communeCode: s,
    communeName: strOrNull,
    provinceCode: s,
    name: s,
    leaderVolunteerId: strOrNull,
    establishedOn: s,
    notes: strOrNull,
    severalReason: strOrNull.optional(),
    activeVolunteers: z.number(),
    volunteersWithPeople: z.number(),
    hasVolunteerModel: z.boolean(),
    members: z.array(volunteerOut),
    version: z.number(),
  })
  .meta({ id: 'Team' });

export const assignmentOut = z
  .object({
    id: s,
    volunteerId: s,
    volunteerName: strOrNull,
    organisation: strOrNull,
    personId: s,
    personName: strOrNull,
    communeCode: s,
    startedOn: s,
    endedOn: strOrNull,
    endReason: strOrNull,
    active: z.boolean(),
    version: z.number(),
  })
  .meta({ id: 'Assignment' });

const ruleOut = z.object({ minVolunteersWithPeople: z.number(), minPeoplePerVolunteer: z.number() });

export const gapsOut = z.object({
  rule: ruleOut,
  activeVolunteers: z.number(),
  items: z.array(
    z.object({
      volunteerId: s,
      fullName: s,
      organisation: s,
      communeCode: s,
      teamId: s,
      assignedPeople: z.number(),
      missing: z.number(),
    }),
  ),
  peopleWithoutVolunteer: z.array(z.object({ personId: s, fullName: s, status: s, communeCode: s })),
});

export const modelOut = z.object({
  /** The date the model is read on, and the rule in force that day. */
  asOf: s,
  rule: ruleOut,
  communes: z.array(
    z.object({
      communeCode: s,
      communeName: s,
      teamId: strOrNull,
      activeVolunteers: z.number(),
      volunteersWithPeople: z.number(),
      hasVolunteerModel: z.boolean(),
    }),
  ),
  total: z.number(),
  withModel: z.number(),
});

export const ruleStateOut = z.object({
  rule: ruleOut,
  isDefault: z.boolean(),
  reason: strOrNull,
  updatedAt: strOrNull,
  version: z.number(),
});

export const contactOut = z
  .object({
    id: s,
    personId: s,
    personName: strOrNull,
    contactDate: s,
    kind: s,
    label: bilingual,
    outcome: s,
    service: strOrNull,
    note: strOrNull,
    nextContactDate: strOrNull,
    taskId: strOrNull,
    volunteerId: strOrNull,
    volunteerName: strOrNull,
    byUserId: s,
    byName: strOrNull,
    byRole: s,
    createdAt: s,
  })
  .meta({ id: 'CommunityContact' });

export const activityOut = z
  .object({
    id: s,
    teamId: s,
    communeCode: s,
    kind: s,
    heldOn: s,
    place: s,
    title: strOrNull,
    participants: z.number(),
    participantVolunteerIds: z.array(s),
    peopleReached: z.number(),
    commitmentsSigned: z.number(),
    persuadedIntoRehab: z.number(),
    persuadedPersonIds: z.array(s),
    note: strOrNull,
    version: z.number(),
  })
  .meta({ id: 'TeamActivity' });

export const reportOut = z.object({
  communeCode: strOrNull,
  provinceCode: strOrNull,
  from: s,
  to: s,
  briefings: z.number(),
  peopleReached: z.number(),
  peopleCoManaged: z.number(),
  persuadedIntoRehab: z.number(),
  patrols: z.number(),
  commitments: z.number(),
  outreachEvents: z.number(),
  commitmentSignings: z.number(),
  contests: z.number(),
  otherActivities: z.number(),
  contacts: z.number(),
});
