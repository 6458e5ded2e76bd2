import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../../platform/audit.ts';
import { type Actor, authorize } from '../../platform/policy.ts';
import { clubsRepo } from './clubs.repo.ts';
import { personInScope } from './common.ts';
import { contactsRepo } from './contacts.repo.ts';
import { presentContact } from './contacts.service.ts';
import { partnersRepo } from './partners.repo.ts';
import { presentReferral } from './partners.service.ts';
import { teamsRepo } from './teams.repo.ts';

/** Everything a person received from the community: volunteers, contacts, clubs, referrals and their results. */
export async function personSupport(deps: AppDeps, actor: Actor, personId: string) {
  authorize(actor, 'community.read');
  const { db } = deps.database;
  const person = await personInScope(db, actor, personId);
  const [assignments, contacts, clubs, referrals] = await Promise.all([
    teamsRepo.assignments(db, { personId }),
    contactsRepo.list(db, { personId, limit: 1000, offset: 0 }),
    clubsRepo.ofPerson(db, personId),
    partnersRepo.referrals(db, { personId }),
  ]);
  await audit(db, actor, { action: 'community.support.read', entityType: 'person', entityId: personId });
  return {
    personId: person.id,
    volunteers: assignments.map((a) => ({
      assignmentId: a.id,
      volunteerId: a.volunteer_id,
      volunteerName: a.volunteer_name,
      organisation: a.organisation,
      startedOn: a.started_on,
      endedOn: a.ended_on,
    })),
    contacts: contacts.map(presentContact),
    clubs: clubs.map((c) => ({
      clubId: c.club_id,
      clubName: c.club_name,
      joinedOn: c.joined_on,
      leftOn: c.left_on,
      meetingsAttended: Number(c.attended ?? 0),
      relapsePreventionSessions: Number(c.relapse_sessions ?? 0),
    })),
    referrals: referrals.map(presentReferral),
    summary: {
      contacts: contacts.length,
      jobs: referrals.filter((r) => r.service === 'job' && ['started', 'completed'].includes(r.status))
        .length,
      loans: referrals.filter((r) => r.service === 'loan' && ['started', 'completed'].includes(r.status))
        .length,
      coursesCompleted: referrals.filter(
        (r) => r.service === 'vocational_training' && r.status === 'completed',
      ).length,
    },
  };
}
