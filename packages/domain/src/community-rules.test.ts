import { describe, expect, it } from 'vitest';
import {
  canMoveReferral,
  type DatedTeam,
  DEFAULT_VOLUNTEER_MODEL_RULE,
  hasVolunteerModel,
  hasVolunteerModelOn,
  heldOn,
  isAssignmentGap,
  missingResultFields,
  sharePercent,
  summariseActivities,
  teamStatsOn,
  volunteerModelRuleSchema,
} from './community-rules.ts';

describe('volunteer model', () => {
  it('needs a team with at least one active volunteer who has at least one person (default)', () => {
    expect(hasVolunteerModel({ teamExists: false, volunteers: [{ active: true, assignedPeople: 3 }] })).toBe(
      false,
    );
    expect(hasVolunteerModel({ teamExists: true, volunteers: [] })).toBe(false);
    expect(hasVolunteerModel({ teamExists: true, volunteers: [{ active: false, assignedPeople: 2 }] })).toBe(
      false,
    );
    expect(hasVolunteerModel({ teamExists: true, volunteers: [{ active: true, assignedPeople: 0 }] })).toBe(
      false,
    );
    expect(hasVolunteerModel({ teamExists: true, volunteers: [{ active: true, assignedPeople: 1 }] })).toBe(
      true,
    );
  });

  it('follows a configured rule', () => {
    const rule = { minVolunteersWithPeople: 2, minPeoplePerVolunteer: 2 };
    const team = {
      teamExists: true,
      volunteers: [
        { active: true, assignedPeople: 2 },
        { active: true, assignedPeople: 1 },
      ],
    };
    expect(hasVolunteerModel(team, rule)).toBe(false);
    expect(
      hasVolunteerModel(
        { ...team, volunteers: [...team.volunteers, { active: true, assignedPeople: 5 }] },
        rule,
      ),
    ).toBe(true);
    expect(
      volunteerModelRuleSchema.safeParse({ minVolunteersWithPeople: 0, minPeoplePerVolunteer: 1 }).success,
    ).toBe(false);
  });

  it('lists active volunteers without a person as gaps', () => {
    expect(isAssignmentGap({ active: true, assignedPeople: 0 })).toBe(true);
    expect(isAssignmentGap({ active: true, assignedPeople: 1 })).toBe(false);
    expect(isAssignmentGap({ active: false, assignedPeople: 0 })).toBe(false);
    expect(
      isAssignmentGap(
        { active: true, assignedPeople: 1 },
        { ...DEFAULT_VOLUNTEER_MODEL_RULE, minPeoplePerVolunteer: 2 },
      ),
    ).toBe(true);
  });
});

describe('referrals', () => {
  it('moves referred → accepted → started → completed, refusal ends it', () => {
    expect(canMoveReferral('referred', 'accepted')).toBe(true);
    expect(canMoveReferral('referred', 'completed')).toBe(false);
    expect(canMoveReferral('started', 'refused')).toBe(true);
    expect(canMoveReferral('completed', 'refused')).toBe(false);
    expect(canMoveReferral('refused', 'accepted')).toBe(false);
  });

  it('asks for the result a service needs', () => {
    expect(missingResultFields('job', 'accepted', {})).toEqual([]);
    expect(missingResultFields('job', 'started', { employerName: 'HTX Mây tre' })).toEqual(['jobStartDate']);
    expect(missingResultFields('loan', 'started', { loanAmount: 50_000_000 })).toEqual(['loanPurpose']);
    expect(missingResultFields('vocational_training', 'completed', {})).toEqual([
      'courseName',
      'courseCompletedOn',
    ]);
  });
});

describe('team report', () => {
  it('counts briefings and patrols, sums reached, commitments and persuaded', () => {
    const r = summariseActivities([
      { kind: 'briefing', peopleReached: 0, commitmentsSigned: 0, persuadedIntoRehab: 0 },
      { kind: 'outreach', peopleReached: 120, commitmentsSigned: 0, persuadedIntoRehab: 2 },
      { kind: 'commitment_signing', peopleReached: 0, commitmentsSigned: 300, persuadedIntoRehab: 0 },
      { kind: 'patrol', peopleReached: 0, commitmentsSigned: 0, persuadedIntoRehab: 0 },
    ]);
    expect(r).toMatchObject({
      briefings: 1,
      patrols: 1,
      outreachEvents: 1,
      peopleReached: 120,
      commitments: 300,
      persuadedIntoRehab: 2,
    });
  });

  it('gives the trained share as a percentage', () => {
    expect(sharePercent(4, 5)).toBe(80);
    expect(sharePercent(1, 3)).toBe(33.3);
    expect(sharePercent(0, 0)).toBeNull();
  });
});

describe('the volunteer model on a date (one rule for the page and the indicator)', () => {
  const team = (over: Partial<DatedTeam> = {}): DatedTeam => ({
    establishedOn: '2024-01-05',
    volunteers: [
      {
        joinedOn: '2024-01-05',
        leftOn: '2025-01-10',
        assignments: [{ startedOn: '2024-02-01', endedOn: '2024-06-01' }],
      },
    ],
    ...over,
  });
  const rule = DEFAULT_VOLUNTEER_MODEL_RULE;

  it('counts a member while joined and not yet left, a person while assigned and not yet ended', () => {
    expect(hasVolunteerModelOn([team()], rule, '2024-01-31')).toBe(false);
    expect(hasVolunteerModelOn([team()], rule, '2024-02-01')).toBe(true);
    expect(hasVolunteerModelOn([team()], rule, '2024-05-31')).toBe(true);
    expect(hasVolunteerModelOn([team()], rule, '2024-06-01')).toBe(false);
    expect(heldOn('2024-01-05', '2025-01-10', '2025-01-10')).toBe(false);
    expect(heldOn('2024-01-05', null, '2024-01-05')).toBe(true);
  });

  it('needs the team established, and reads every team of the commune', () => {
    expect(hasVolunteerModelOn([team({ establishedOn: '2024-03-01' })], rule, '2024-02-15')).toBe(false);
    expect(hasVolunteerModelOn([], rule, '2024-02-15')).toBe(false);
    const two = [team(), team({ establishedOn: '2024-01-10' })];
    expect(teamStatsOn(two, '2024-03-01').volunteers).toHaveLength(2);
    expect(
      hasVolunteerModelOn(two, { minVolunteersWithPeople: 2, minPeoplePerVolunteer: 1 }, '2024-03-01'),
    ).toBe(true);
    expect(
      hasVolunteerModelOn(two, { minVolunteersWithPeople: 1, minPeoplePerVolunteer: 2 }, '2024-03-01'),
    ).toBe(false);
  });
});
