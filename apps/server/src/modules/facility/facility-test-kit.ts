import { addDays } from '@hoanhap/domain/iso-date';
import { expect } from 'vitest';
import { UNITS } from '../../test/test-app.ts';
import { determinationBody, pathwayApp, type User } from '../episodes/pathway-test-kit.ts';

// Shared by the facility tests: a facility with its staff and medical staff, and factories that put people
// there through the existing services (people, determinations, episodes) before the facility admits them.
// Not a test file itself.

export type Kit = Awaited<ReturnType<typeof facilityKit>>;

export async function facilityKit(today: string, facilityName = 'Cơ sở cai nghiện ma túy tỉnh Quảng Bình') {
  const k = await pathwayApp();
  k.setToday(today);
  const officer = await k.t.userAs('commune_officer', 'commune', UNITS.baDinh);
  const police = await k.t.userAs('commune_police', 'commune', UNITS.baDinh);
  const facilityId = await k.facility(facilityName);
  const staff = await k.t.userAs('facility_staff', 'facility', facilityId);
  const medical = await k.t.userAs('facility_medical', 'facility', facilityId);

  /** A person under a voluntary facility contract starting on `start`. */
  async function voluntary(start: string, termMonths = 6, fid = facilityId) {
    const person = await k.person(officer);
    const ep = await officer.call('POST', `/api/people/${person.id}/episodes`, {
      type: 'voluntary_facility',
      startDate: start,
      termMonths,
      facilityId: fid,
      contract: { number: 'HĐ-01', signedOn: start },
    });
    expect(ep.statusCode, ep.body).toBe(201);
    return { personId: person.id, episodeId: ep.json().id as string };
  }

  async function determined(start: string) {
    const person = await k.person(officer);
    const det = await police.call(
      'POST',
      `/api/people/${person.id}/addiction-determinations`,
      determinationBody(addDays(start, -5), addDays(start, -60)),
    );
    expect(det.statusCode, det.body).toBe(201);
    return person.id;
  }

  /** A person under a compulsory court order starting on `start`. */
  async function compulsory(start: string, termMonths = 12) {
    const personId = await determined(start);
    const ep = await officer.call('POST', `/api/people/${personId}/episodes`, courtOrder(start, termMonths));
    expect(ep.statusCode, ep.body).toBe(201);
    return { personId, episodeId: ep.json().id as string };
  }

  const courtOrder = (start: string, termMonths: number) => ({
    type: 'compulsory',
    startDate: start,
    termMonths,
    facilityId,
    grounds: ['not_registered_voluntary'],
    court: {
      name: 'Tòa án nhân dân khu vực 1 - Quảng Bình',
      decisionNumber: '12/QĐ-TA',
      decisionDate: start,
    },
  });

  /** A person managed at this facility while their compulsory dossier is pending. */
  async function pending(start: string) {
    const personId = await determined(start);
    const ep = await police.call('POST', `/api/people/${personId}/episodes`, {
      type: 'compulsory_pending',
      startDate: start,
      place: 'facility',
      facilityId,
      grounds: ['not_registered_voluntary'],
    });
    expect(ep.statusCode, ep.body).toBe(201);
    return { personId, episodeId: ep.json().id as string };
  }

  const admissionBody = (episodeId: string, admittedOn: string, over: Record<string, unknown> = {}) => ({
    episodeId,
    admittedOn,
    recordNumber: 'BB-01',
    classification: 'first_time',
    belongings: [{ item: 'Điện thoại', quantity: 1 }],
    rapidTest: { testedOn: admittedOn, result: 'positive', substances: ['methamphetamine'] },
    area: 'Khu A',
    bed: 'A-12',
    approvedBy: 'Giám đốc Nguyễn Văn Giám',
    ...over,
  });

  async function admit(
    episodeId: string,
    admittedOn: string,
    over: Record<string, unknown> = {},
    by: User = staff,
  ) {
    const res = await by.call(
      'POST',
      `/api/facility-ops/${facilityId}/admissions`,
      admissionBody(episodeId, admittedOn, over),
    );
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as {
      id: string;
      version: number;
      personId: string;
      term: { plannedRelease: string | null };
    };
  }

  /** Moves a resident through stages 2..5, a week apart from `from`; returns the last version. */
  async function throughStages(admissionId: string, version: number, from: string) {
    let v = version;
    for (let s = 2; s <= 5; s++) {
      const res = await staff.call('POST', `/api/admissions/${admissionId}/stages`, {
        version: v,
        stage: s,
        beganOn: addDays(from, (s - 1) * 7),
        approvedBy: 'Phó Giám đốc Trần Thị Duyệt',
      });
      expect(res.statusCode, res.body).toBe(200);
      v = res.json().version;
    }
    return v;
  }

  const noticeBody = (version: number, noticeOn: string) => ({
    version,
    noticeOn,
    communeChairman: 'Chủ tịch UBND phường Ba Đình',
    communePolice: 'Trưởng Công an phường Ba Đình',
    summary: 'Hoàn thành 5 giai đoạn, chấp hành tốt nội quy',
    recommendations: 'Tiếp tục tư vấn, hỗ trợ việc làm tại địa phương',
  });

  /** Notice before release, then release with the completion certificate; returns the stay. */
  async function discharge(admissionId: string, version: number, releasedOn: string) {
    const n = await staff.call(
      'POST',
      `/api/admissions/${admissionId}/release-notice`,
      noticeBody(version, addDays(releasedOn, -20)),
    );
    expect(n.statusCode, n.body).toBe(200);
    const r = await staff.call('POST', `/api/admissions/${admissionId}/release`, {
      version: n.json().version,
      releasedOn,
      certificate: {
        number: `GCN-${admissionId.slice(0, 6)}`,
        issuedOn: releasedOn,
        signer: 'Giám đốc Nguyễn Văn Giám',
      },
    });
    expect(r.statusCode, r.body).toBe(200);
    return r.json();
  }

  return {
    ...k,
    officer,
    police,
    facilityId,
    staff,
    medical,
    voluntary,
    compulsory,
    courtOrder,
    determined,
    pending,
    admissionBody,
    admit,
    throughStages,
    noticeBody,
    discharge,
  };
}
