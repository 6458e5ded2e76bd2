import { ADDICTION_CRITERIA, isAddicted } from '@hoanhap/domain/addiction';
import { canStart, derivePersonStatus, in256aWindow } from '@hoanhap/domain/episode-rules';
import {
  effectiveEnd,
  isActiveOn,
  plannedEnd,
  priorRehabOf,
  validateTerm,
} from '@hoanhap/domain/episode-terms';
import {
  type CompulsoryGround,
  type EpisodeOutcome,
  type EpisodeType,
  REHAB_TYPES,
} from '@hoanhap/domain/episode-types';
import { addDays, maxDate, toDayNumber } from '@hoanhap/domain/iso-date';
import { FIRST_REGIME_DATE } from '@hoanhap/domain/legal-regimes';
import {
  compulsoryTermStart,
  episodeAuthority,
  type PendingPlace,
  postRehabTermStart,
  RELAPSE_EPISODE_TYPES,
  relapseGround,
} from '@hoanhap/domain/pathway-rules';
import { deadlineFor } from '@hoanhap/domain/task-rules';
import { at, minD, rules } from './generator-basics.ts';
import { supportAfterRehab } from './generator-services.ts';
import { CONTACT_SUMMARIES, DOCTORS, OFFICER_NAMES } from './names.ts';
import { drawIdentity, writePerson } from './person-identity.ts';
import {
  type EpRec,
  type PersonCtx,
  writeEpisodes,
  writeStatusAndStays,
  writeTask,
} from './person-records.ts';
import { compulsoryMonths, rehabMonths, stagesFor } from './term-picks.ts';

// One person's history, act by act, as the domain rules allow it (see generator.ts).

export async function simulatePerson(c: PersonCtx): Promise<void> {
  const { rng, w, stats, asOf, unit, users } = c;
  const identity = drawIdentity(c);
  const { personId, birthYear, birth, fullName } = identity;

  // An open task on the commune's work list (written at once, as before).
  const task = (kind: string, episodeId: string | null, due: string, ruleKey: string | null = null) =>
    writeTask(c, personId, kind, episodeId, due, ruleKey);
  const eps: EpRec[] = [];
  const history = () => eps.map((e) => e.ep);
  let det: { on: string; addicted: boolean } | null = null;
  const dets: { on: string; addicted: boolean }[] = [];
  let relapseOn: string | null = null;
  const relapseTests: { on: string; type: EpisodeType | null }[] = [];
  let lastTest: string | null = null;
  let lastContact: string | null = null;
  const officer = users.officer;
  const police = users.police ?? users.officer;
  let decisionNo = c.serial * 7;

  // A person under 12 on a date is not a subject of these acts: start no earlier than the 12th birthday.
  let start = c.start;
  const twelve = `${birthYear + 12}-12-31`;
  if (start < twelve) start = twelve;
  if (start > asOf) start = addDays(asOf, -10);
  if (start < FIRST_REGIME_DATE) start = FIRST_REGIME_DATE;

  const test = async (date: string, reason: string, positive: boolean) => {
    const hist = history();
    const during = eps.find((e) => RELAPSE_EPISODE_TYPES.includes(e.ep.type) && isActiveOn(e.ep, date));
    const afterRehab = hist.some(
      (e) => REHAB_TYPES.includes(e.type) && e.outcome === 'completed' && effectiveEnd(e) < date,
    );
    const relapse = positive && reason !== 'intake' && (!!during || afterRehab);
    const substance = rng.chance(0.6) ? 'methamphetamine' : rng.chance(0.7) ? 'heroin' : 'mdma';
    await w.add('drug_tests', {
      id: rng.uuid(),
      person_id: personId,
      tested_on: date,
      method: rng.chance(0.9) ? 'rapid_urine' : 'lab',
      results: JSON.stringify([{ substance, result: positive ? 'positive' : 'negative' }]),
      positive: positive ? 1 : 0,
      reason,
      performed_by: rng.pick(OFFICER_NAMES),
      unit_kind: 'commune',
      unit_code: unit.code,
      relapse: relapse ? 1 : 0,
      criminal_window: positive && in256aWindow(hist, date) ? 1 : 0,
      during_episode_id: positive ? ((during?.row.id as string) ?? null) : null,
      during_episode_type: positive ? (during?.ep.type ?? null) : null,
      regime_id: rules(date).regimeId,
      notes: null,
      created_at: at(date, 2),
      created_by: police,
    });
    stats.drugTests++;
    lastTest = date;
    if (relapse) {
      relapseOn = date;
      relapseTests.push({ on: date, type: during?.ep.type ?? null });
    }
    return { relapse, duringType: during?.ep.type ?? null };
  };

  const determination = async (date: string, wantAddicted: boolean) => {
    const r = rules(date);
    const need = r.addictionCriteria.value;
    const n = wantAddicted ? need.minCriteria : need.minCriteria - 1;
    const from = addDays(date, -(need.minDurationDays + rng.int(5, 40)));
    const observations = ADDICTION_CRITERIA.slice(0, Math.max(1, n)).map((criterion) => ({
      criterion,
      from,
      to: date,
    }));
    const result = isAddicted({ assessedOn: date, observations }, r);
    await w.add('addiction_determinations', {
      id: rng.uuid(),
      person_id: personId,
      assessed_on: date,
      observations: JSON.stringify(observations),
      addicted: result.addicted ? 1 : 0,
      reason_code: result.reason.code,
      reason_vi: result.reason.vi,
      reason_en: result.reason.en,
      criteria_met: JSON.stringify(result.criteriaMet),
      regime_id: r.regimeId,
      doctor_name: rng.pick(DOCTORS),
      doctor_certificate: null,
      facility_name: `Trạm Y tế ${unit.name}`,
      form04_number: `${rng.int(1, 999)}/XĐTTN`,
      substances: JSON.stringify(['methamphetamine']),
      hiv_status: rng.chance(0.05) ? 'positive' : 'negative',
      unit_kind: 'commune',
      unit_code: unit.code,
      notes: null,
      created_at: at(date, 4),
      created_by: police,
    });
    stats.determinations++;
    det = { on: date, addicted: result.addicted };
    dets.push(det);
    if (result.addicted) {
      // Individual counselling after an addiction finding.
      const sid = rng.uuid();
      const held = addDays(date, rng.int(1, 10));
      if (held <= asOf) {
        await w.add('counselling_sessions', {
          id: sid,
          kind: 'individual',
          held_on: held,
          topic: 'Tư vấn lựa chọn hình thức cai nghiện',
          counsellor: rng.pick(OFFICER_NAMES),
          unit_kind: 'commune',
          unit_code: unit.code,
          notes: null,
          created_at: at(held, 8),
          created_by: officer,
        });
        await w.add('counselling_participants', { session_id: sid, person_id: personId });
        stats.counsellingSessions++;
        stats.counsellingParticipants++;
      }
    }
    return result.addicted;
  };

  /** Opens an episode through canStart/validateTerm/plannedEnd; null when the rules refuse it. */
  const open = async (
    type: EpisodeType,
    startDate: string,
    o: {
      months?: number;
      decisionDate?: string;
      facilityId?: string | null;
      details?: Record<string, unknown>;
      grounds?: CompulsoryGround[];
    } = {},
  ): Promise<EpRec | null> => {
    if (startDate > asOf || (o.decisionDate && o.decisionDate > asOf)) return null;
    const regimeDate = o.decisionDate ?? startDate;
    const r = rules(regimeDate);
    const hist = history();
    // As the product does: the grounds proven by relapse tests recorded during an episode.
    const relapseGrounds = relapseTests
      .filter((t) => t.on <= startDate && t.type)
      .map((t) => relapseGround(t.type as EpisodeType))
      .filter((g): g is CompulsoryGround => g !== null);
    const check = canStart(type, hist, startDate, {
      grounds: [...(o.grounds ?? []), ...relapseGrounds],
      addictionDeterminedOn: det?.addicted && det.on <= startDate ? det.on : null,
      birthDate: birth,
    });
    if (!check.ok) {
      stats.refused++;
      return null;
    }
    const term = validateTerm({
      type,
      months: o.months ?? null,
      birthDate: birth,
      decisionDate: regimeDate,
      regime: r,
      priorRehab: priorRehabOf(hist, startDate),
    });
    if (!term.ok) {
      stats.refused++;
      return null;
    }
    const details: Record<string, unknown> = { ...(o.details ?? {}) };
    let termStart = startDate;
    if (type === 'compulsory') {
      const pending = eps.find((e) => e.ep.type === 'compulsory_pending' && isActiveOn(e.ep, startDate));
      const place = pending
        ? (JSON.parse(pending.row.details as string) as { place?: PendingPlace }).place
        : null;
      termStart = compulsoryTermStart(startDate, pending?.ep.start, r, place);
      details.pendingEpisodeId = pending?.row.id ?? null;
      if (pending) {
        const end = addDays(startDate, -1);
        close(pending, maxDate(end, pending.ep.start), 'completed', 'compulsory_order');
      }
    }
    if (type === 'post_rehab') {
      const rehab = eps
        .filter((e) => e.ep.type === 'compulsory' && e.ep.outcome === 'completed')
        .filter((e) => effectiveEnd(e.ep) <= startDate)
        .sort((a, b) => (effectiveEnd(a.ep) < effectiveEnd(b.ep) ? -1 : 1))
        .pop()!;
      termStart = postRehabTermStart(effectiveEnd(rehab.ep));
      details.rehabEpisodeId = rehab.row.id;
    }
    const planned = plannedEnd(type, termStart, term.months ?? undefined, r);
    const atFacility =
      !!o.facilityId && ['voluntary_facility', 'compulsory', 'compulsory_pending'].includes(type);
    const chairman = type === 'user_management' || type === 'post_rehab';
    const row = {
      id: rng.uuid(),
      person_id: personId,
      type,
      regime_id: r.regimeId,
      authority: episodeAuthority(type, r),
      decision_number: o.decisionDate ? `${(++decisionNo % 900) + 1}/QĐ-${chairman ? 'UBND' : 'TA'}` : null,
      decision_date: o.decisionDate ?? null,
      decision_signer: o.decisionDate ? rng.pick(OFFICER_NAMES) : null,
      decision_body: null,
      document_number: null,
      start_date: startDate,
      term_start: planned ? termStart : null,
      term_months: term.months,
      planned_end: planned,
      actual_end: null as string | null,
      outcome: null as string | null,
      outcome_reason: null as string | null,
      facility_id: o.facilityId ?? null,
      responsible_unit_kind: atFacility ? 'facility' : 'commune',
      responsible_unit_code: atFacility ? (o.facilityId as string) : unit.code,
      managers: JSON.stringify(chairman ? [officer] : []),
      details: JSON.stringify(details),
      certificate_number: null as string | null,
      certificate_date: null as string | null,
      notes: null,
      version: 1,
      created_at: at(startDate, 5),
      created_by: officer,
      updated_at: at(startDate, 5),
      updated_by: officer,
    };
    const rec: EpRec = { row, ep: { type, start: startDate, plannedEnd: planned, end: null, outcome: null } };
    eps.push(rec);
    return rec;
  };
  const close = (e: EpRec, end: string, outcome: EpisodeOutcome, reason: string | null = null) => {
    e.ep.end = end;
    e.ep.outcome = outcome;
    e.row.actual_end = end;
    e.row.outcome = outcome;
    e.row.outcome_reason = reason;
    e.row.version = 2;
    e.row.updated_at = at(end, 6);
  };
  const contacts = async (e: EpRec, from: string, to: string, every: number) => {
    let d = addDays(from, rng.int(5, every));
    const last = minD(to, asOf);
    while (d <= last) {
      await w.add('episode_contacts', {
        id: rng.uuid(),
        episode_id: e.row.id,
        person_id: personId,
        contact_date: d,
        method: rng.pick(['visit', 'phone', 'office', 'meeting']),
        summary: rng.pick(CONTACT_SUMMARIES),
        by_name: rng.pick(OFFICER_NAMES),
        created_at: at(d, 7),
        created_by: officer,
      });
      stats.contacts++;
      lastContact = d;
      d = addDays(d, every + rng.int(-5, 5));
    }
  };
  /** Scheduled tests from..to; returns the first positive one's date (and stops there), or null. */
  const scheduledTests = async (from: string, to: string, every: number, pPositive: number) => {
    let d = addDays(from, rng.int(10, every));
    const last = minD(to, asOf);
    while (d <= last) {
      const positive = rng.chance(pPositive);
      await test(d, 'scheduled_during_management', positive);
      if (positive) return d;
      d = addDays(d, every + rng.int(-10, 10));
    }
    return null;
  };
  let eventGrounds: CompulsoryGround[] = [];

  // 1. Detection: a positive test.
  await test(start, 'suspicion', true);
  let cursor = start;
  let addicted = false;

  // 2. User management (most people), with contacts and scheduled tests.
  if (rng.chance(0.85)) {
    const dec = addDays(start, rng.int(1, 4));
    const um = await open('user_management', dec, {
      decisionDate: dec,
      details: { sourceTestId: null },
    });
    if (um) {
      const end = um.ep.plannedEnd as string;
      await contacts(um, dec, end, 30);
      const pos = await scheduledTests(dec, end, 75, 0.3);
      if (pos) {
        cursor = addDays(pos, rng.int(3, 12));
        if (cursor <= asOf) addicted = await determination(cursor, rng.chance(0.8));
      } else cursor = end;
    }
  } else {
    cursor = addDays(start, rng.int(3, 15));
    if (cursor <= asOf) addicted = await determination(cursor, rng.chance(0.9));
  }

  // 3. Up to three cycles of rehab → post-rehab → (relapse → determination → compulsory).
  for (let cycle = 0; cycle < 3 && addicted && cursor <= asOf; cycle++) {
    const r = rng.next();
    let rehab: EpRec | null = null;
    const relapseCycle = cycle > 0 || (relapseOn !== null && eventGrounds.length > 0);
    if (!relapseCycle && r < 0.33) {
      const s = addDays(cursor, rng.int(5, 30));
      const range = rules(s).voluntaryCommunityMonths.value;
      rehab = await open('voluntary_community', s, {
        months: rehabMonths(rules(s), range, s, eps, rng),
        details: {
          registration: { registeredOn: addDays(s, -3), provider: `Tổ cai nghiện cộng đồng ${unit.name}` },
          stages: [],
          subsidyEligible: false,
        },
      });
      if (rehab) await contacts(rehab, s, rehab.ep.plannedEnd as string, 30);
    } else if (!relapseCycle && r < 0.55) {
      const s = addDays(cursor, rng.int(10, 45));
      const range = rules(s).voluntaryFacilityMonths.value;
      const facilityId = rng.pick(c.facilities);
      rehab = await open('voluntary_facility', s, {
        months: rehabMonths(rules(s), range, s, eps, rng),
        facilityId,
        details: {
          contract: { number: `${rng.int(1, 500)}/HĐ`, signedOn: addDays(s, -2) },
          priorityGroup: null,
          costSupportPercent: 0,
          stages: stagesFor(s, asOf, rng),
        },
      });
      if (rehab) await test(s, 'intake', true);
    } else if (!relapseCycle && r < 0.7) {
      const s = addDays(cursor, rng.int(20, 60));
      const therapy = await open('substitution_therapy', s, {
        details: { clinic: { name: `Cơ sở điều trị Methadone ${unit.name}` }, interruptions: [] },
      });
      if (therapy) {
        const pos = await scheduledTests(s, asOf, 90, 0.06);
        if (pos && rng.chance(0.5)) {
          close(therapy, addDays(pos, rng.int(1, 20)) > asOf ? pos : addDays(pos, rng.int(1, 20)), 'quit');
          eventGrounds = ['quit_substitution_therapy'];
          cursor = therapy.ep.end as string;
          if (rng.chance(0.6)) {
            const dd = addDays(cursor, rng.int(3, 10));
            if (dd <= asOf) await determination(dd, true);
            cursor = dd;
            continue;
          }
        }
      }
      break;
    } else if (relapseCycle || r < 0.88) {
      // Compulsory: management while the dossier is prepared, then the court's order.
      const ps = addDays(cursor, rng.int(5, 20));
      const place = rng.chance(0.7) ? 'family' : 'facility';
      const facilityId = place === 'facility' ? rng.pick(c.facilities) : null;
      const grounds: CompulsoryGround[] = relapseCycle ? [] : ['not_registered_voluntary'];
      const pending = await open('compulsory_pending', ps, {
        facilityId,
        grounds,
        details: {
          place,
          familyCommitment:
            place === 'family'
              ? { committedBy: `${fullName.split(' ')[0]} Văn Bố`, relation: 'Bố', signedOn: ps }
              : null,
          grounds,
        },
      });
      if (!pending) break;
      const cs = addDays(ps, rng.int(30, 80));
      const courtDate = addDays(cs, -rng.int(2, 7));
      if (cs > asOf) break;
      const months = compulsoryMonths(rules(courtDate), birth, courtDate, eps, rng);
      rehab = await open('compulsory', cs, {
        months,
        decisionDate: courtDate,
        facilityId: facilityId ?? rng.pick(c.facilities),
        grounds,
        details: {
          court: {
            name: `Tòa án nhân dân khu vực ${rng.int(1, 12)}`,
            decisionNumber: `${rng.int(1, 900)}/QĐ-TA`,
            decisionDate: courtDate,
          },
          grounds,
        },
      });
      if (rehab) await test(cs, 'intake', true);
    } else {
      break; // addicted, not (yet) in rehab
    }
    if (!rehab) break;

    // Outcome of the rehab.
    const planned = rehab.ep.plannedEnd as string;
    const mid = addDays(rehab.ep.start, Math.floor((toDayNumber(planned) - toDayNumber(rehab.ep.start)) / 2));
    const o = rng.next();
    if (o < 0.12 && mid <= asOf) {
      close(rehab, mid, rehab.ep.type === 'compulsory' ? 'escaped' : 'quit');
      if (rehab.ep.type !== 'compulsory') eventGrounds = ['quit_voluntary_rehab'];
      break;
    }
    if (o < 0.2 && mid <= asOf && rehab.ep.type === 'voluntary_community') {
      const t = await test(mid, 'scheduled_during_management', true);
      close(rehab, mid, 'relapsed');
      eventGrounds = t.relapse ? [relapseGround(rehab.ep.type)!] : [];
      break;
    }
    if (planned >= asOf) break; // still in rehab
    close(rehab, planned, 'completed');
    cursor = planned;
    // Post-rehab management follows compulsory rehab only (Law 73/2021 Art. 40).
    if (rehab.ep.type !== 'compulsory') break;

    // 4. Post-rehab management from the day after completion.
    const dec = addDays(planned, rng.int(2, 6));
    if (dec > asOf) {
      const due = deadlineFor('post_rehab_decision', planned, new Date(at(planned)), rules(planned));
      if (due) await task('post_rehab_decision', null, due.dueDate, due.ruleKey);
      break;
    }
    const post = await open('post_rehab', dec, { decisionDate: dec });
    if (!post) break;
    if (users.volunteer && rng.chance(0.7)) {
      await w.add('volunteer_assignments', {
        id: rng.uuid(),
        person_id: personId,
        user_id: users.volunteer,
        started_at: at(dec, 8),
        ended_at: (post.ep.plannedEnd as string) < asOf ? at(post.ep.plannedEnd as string, 8) : null,
        assigned_by: officer,
      });
      stats.volunteerAssignments++;
      if (c.team)
        await supportAfterRehab(rng, w, stats.services, c.team, {
          personId,
          communeCode: unit.code,
          provinceCode: unit.province_code,
          from: dec,
          to: post.ep.plannedEnd as string,
          asOf,
          volunteerUserId: users.volunteer,
          officerId: officer,
        });
    }
    const pEnd = post.ep.plannedEnd as string;
    await contacts(post, dec, pEnd, 30);
    const pos = await scheduledTests(dec, pEnd, 60, 0.07);
    if (pos) {
      close(post, pos, 'relapsed');
      eventGrounds = ['relapse_during_post_rehab'];
      cursor = addDays(pos, rng.int(3, 10));
      if (cursor > asOf) break;
      addicted = await determination(cursor, true);
      continue;
    }
    if (pEnd < asOf && rng.chance(0.6)) {
      const cert = addDays(pEnd, rng.int(1, 10));
      if (cert <= asOf) {
        close(post, pEnd, 'completed');
        post.row.certificate_number = `${rng.int(1, 500)}/GCN`;
        post.row.certificate_date = cert;
      }
    }
    break;
  }

  // Episodes are written once their history is final.
  await writeEpisodes(c, eps);

  // Open tasks on the work list for the present state.
  const managed = eps.find(
    (e) => (e.ep.type === 'user_management' || e.ep.type === 'post_rehab') && isActiveOn(e.ep, asOf),
  );
  if (managed) {
    await task('contact_due', managed.row.id, addDays(lastContact ?? managed.ep.start, 30));
    if (rng.chance(0.5))
      await task('drug_test_due', managed.row.id, addDays(lastTest ?? managed.ep.start, 75));
  }

  const status = derivePersonStatus(history(), asOf, {
    addictionDeterminedOn: (det as { on: string; addicted: boolean } | null)?.addicted
      ? (det as unknown as { on: string }).on
      : null,
    relapseDetectedOn: relapseOn,
  });
  if (status === 'relapsed' && relapseOn) {
    const ro = relapseOn as string;
    const d = (det as { on: string } | null)?.on;
    if (!d || d < ro) {
      const due = deadlineFor('addiction_determination_due', ro, new Date(at(ro)), rules(ro));
      if (due) await task('addiction_determination_due', null, due.dueDate);
    }
  }
  if (status === 'post_rehab' || status === 'community_rehab' || status === 'addicted')
    c.groupSessionMembers.push(personId);
  const atFacility = eps.find(
    (e) =>
      e.row.facility_id &&
      ['voluntary_facility', 'compulsory', 'compulsory_pending'].includes(e.ep.type) &&
      isActiveOn(e.ep, asOf),
  );
  const facilityId = (atFacility?.row.facility_id as string) ?? null;
  await writePerson(c, identity, { status, facilityId, start });
  await writeStatusAndStays(c, { personId, eps, dets, relapseTests, start, status, atFacility });
}
