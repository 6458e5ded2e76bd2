import { z } from 'zod';

// Output shapes of the officer-facing community endpoints (OpenAPI; the serializer also drops anything else).

const s = z.string();
const sn = z.string().nullable();
const text = z.object({ vi: s, en: s });

export const volunteerOut = z
  .object({
    id: s,
    teamId: s,
    communeCode: s,
    fullName: s,
    sex: sn,
    birthYear: z.number().nullable(),
    phone: sn,
    organisation: s,
    organisationDetail: sn,
    userId: sn,
    joinedOn: s,
    active: z.boolean(),
    leftOn: sn,
    notes: sn,
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
    communeName: sn,
    provinceCode: s,
    name: s,
    leaderVolunteerId: sn,
    establishedOn: s,
    notes: sn,
    severalReason: sn.optional(),
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
    volunteerName: sn,
    organisation: sn,
    personId: s,
    personName: sn,
    communeCode: s,
    startedOn: s,
    endedOn: sn,
    endReason: sn,
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
      teamId: sn,
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
  reason: sn,
  updatedAt: sn,
  version: z.number(),
});

export const contactOut = z
  .object({
    id: s,
    personId: s,
    personName: sn,
    contactDate: s,
    kind: s,
    label: text,
    outcome: s,
    service: sn,
    note: sn,
    nextContactDate: sn,
    taskId: sn,
    volunteerId: sn,
    volunteerName: sn,
    byUserId: s,
    byName: sn,
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
    title: sn,
    participants: z.number(),
    participantVolunteerIds: z.array(s),
    peopleReached: z.number(),
    commitmentsSigned: z.number(),
    persuadedIntoRehab: z.number(),
    persuadedPersonIds: z.array(s),
    note: sn,
    version: z.number(),
  })
  .meta({ id: 'TeamActivity' });

export const reportOut = z.object({
  communeCode: sn,
  provinceCode: sn,
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
