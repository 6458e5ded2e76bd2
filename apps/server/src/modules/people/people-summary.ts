import { type PersonStatus, statusLabels } from '@hoanhap/domain/episode-types';
import { type DrugTestReason, drugTestReasonLabels, vnToday } from '@hoanhap/domain/pathway-rules';
import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../../platform/audit.ts';
import { openIdentities } from '../../platform/break-glass.ts';
import {
  type Block,
  caps,
  type OfficialDocument,
  placeName,
  shortDate,
  vietnamDate,
  vietnamDateTime,
} from '../../platform/documents/official-document.ts';
import { renderPdf } from '../../platform/documents/render-pdf.ts';
import { Errors } from '../../platform/errors.ts';
import {
  type Actor,
  authorize,
  isFacilityUser,
  personScopeOf,
  readableClasses,
} from '../../platform/policy.ts';
import { presentEpisode } from '../episodes/episodes.presenter.ts';
import { episodesRepo } from '../episodes/episodes.repo.ts';
import { facilitiesRepo } from '../org/facilities.repo.ts';
import { orgRepo } from '../org/org.repo.ts';
import { screeningRepo } from '../screening/screening.repo.ts';
import { peopleRepo } from './people.repo.ts';

// The printable summary of one person (A4 PDF, Decree 30 layout, Liberation Serif): identity, status, current
// measures, decisions, drug tests and contacts — for the file cabinet and the court dossier. Each section is
// printed only for a reader who may read its class (platform/policy.ts readableClasses): identity and family
// contacts 'identity', phone and the address detail 'contact', measures and decisions 'legal', tests
// 'drug_use'; a reader without it sees a line saying the section is left out. Dates dd/mm/yyyy, Vietnam time.

const SEX_VI: Record<string, string> = { male: 'Nam', female: 'Nữ' };
const METHOD_VI: Record<string, string> = {
  rapid_urine: 'Test nhanh nước tiểu',
  lab: 'Xét nghiệm tại phòng xét nghiệm',
};
const d = (iso: string | null | undefined) => (iso ? shortDate(iso.slice(0, 10)) : '');
const omitted = (what: string): Block => ({
  type: 'paragraph',
  content: `(${what}: không in theo quyền của người xem)`,
  italic: true,
  indent: 'none',
});
const none = (text: string): Block => ({ type: 'paragraph', content: text, indent: 'none', italic: true });
const heading = (n: number, text: string): Block => ({
  type: 'paragraph',
  content: `${n}. ${text}`,
  bold: true,
  indent: 'none',
  align: 'left',
});

async function unitName(deps: AppDeps, actor: Actor): Promise<string | null> {
  const { db } = deps.database;
  if (!actor.scopeCode) return null;
  if (isFacilityUser(actor)) return (await facilitiesRepo.findById(db, actor.scopeCode))?.name ?? null;
  return (await orgRepo.currentUnit(db, actor.scopeCode))?.name ?? null;
}

/** The person's summary as a PDF; audited as 'person.summary'. */
export async function personSummaryPdf(
  deps: AppDeps,
  actor: Actor,
  personId: string,
  options: { compress?: boolean } = {},
) {
  authorize(actor, 'people.read');
  let classes = readableClasses(actor);
  const now = deps.now();
  const today = vnToday(now);
  const issuerName = await unitName(deps, actor);
  const doc = await deps.database.db.transaction().execute(async (trx) => {
    const p = await peopleRepo.findInScope(trx, personScopeOf(actor), personId);
    if (!p) throw Errors.notFound({ vi: 'hồ sơ người này', en: 'Person' });
    // Need-to-know: identity printed for a national or province officer only while a stated reason holds.
    if ((await openIdentities(trx, actor, [p.id], now))?.has(p.id))
      classes = readableClasses(actor, { brokenGlass: true });
    const names = await peopleRepo.unitNames(trx, [
      p.cur_commune_code,
      p.province_code,
      p.perm_commune_code ?? '',
    ]);
    const commune = (c: string | null) => (c ? (names.get(`commune:${c}`) ?? c) : '');
    const province = names.get(`province:${p.province_code}`) ?? '';
    const body: Block[] = [];
    let n = 0;

    // 1. Identity
    body.push(heading(++n, 'NHÂN THÂN'));
    const identity: string[][] = [
      ['Họ và tên', p.full_name],
      ['Giới tính', SEX_VI[p.sex] ?? p.sex],
      classes.has('identity') && p.birth_date
        ? ['Ngày sinh', d(p.birth_date)]
        : ['Năm sinh', String(p.birth_year)],
    ];
    if (classes.has('identity')) {
      const other = p.other_names ? (JSON.parse(p.other_names) as string[]) : [];
      if (other.length) identity.splice(1, 0, ['Tên gọi khác', other.join('; ')]);
      identity.push(['Số CCCD', p.citizen_id ?? '']);
      identity.push(['Dân tộc', p.ethnicity ?? '']);
      identity.push(['Nghề nghiệp', p.occupation ?? '']);
      identity.push([
        'Nơi thường trú',
        p.perm_commune_code
          ? [p.perm_detail, commune(p.perm_commune_code), province].filter(Boolean).join(', ')
          : '',
      ]);
    }
    identity.push([
      'Nơi ở hiện tại',
      [classes.has('contact') ? p.cur_detail : null, commune(p.cur_commune_code), province]
        .filter(Boolean)
        .join(', '),
    ]);
    if (classes.has('contact')) identity.push(['Số điện thoại', p.phone ?? '']);
    body.push({
      type: 'table',
      columns: [
        { header: 'Thông tin', width: 30 },
        { header: 'Nội dung', width: 70 },
      ],
      rows: identity,
    });
    if (!classes.has('identity')) body.push(omitted('Số CCCD, ngày sinh, nơi thường trú'));

    // 2. Status
    body.push(heading(++n, 'TÌNH TRẠNG'));
    body.push({
      type: 'paragraph',
      content: `Trạng thái hồ sơ: ${statusLabels.vi[p.status as PersonStatus] ?? p.status} (hồ sơ cập nhật lần cuối ${vietnamDateTime(p.updated_at)}).`,
      indent: 'none',
    });

    // 3. Current measures and 4. decisions
    const episodes = classes.has('legal')
      ? (await episodesRepo.forPerson(trx, p.id)).map((r) => presentEpisode(r, today))
      : [];
    body.push(heading(++n, 'BIỆN PHÁP ĐANG ÁP DỤNG'));
    if (!classes.has('legal')) body.push(omitted('Biện pháp'));
    else {
      const active = episodes.filter((e) => e.active);
      if (active.length === 0) body.push(none('Không có biện pháp nào đang áp dụng.'));
      else
        body.push({
          type: 'table',
          columns: [
            { header: 'Biện pháp', width: 40 },
            { header: 'Từ ngày', width: 17, align: 'center' },
            { header: 'Đến ngày (dự kiến)', width: 18, align: 'center' },
            { header: 'Quyết định', width: 25 },
          ],
          rows: active.map((e) => [
            e.typeLabel.vi,
            d(e.startDate),
            d(e.plannedEnd),
            e.decision ? [e.decision.number, d(e.decision.date)].filter(Boolean).join(' ngày ') : '',
          ]),
        });
    }
    body.push(heading(++n, 'CÁC QUYẾT ĐỊNH'));
    if (!classes.has('legal')) body.push(omitted('Quyết định'));
    else {
      const decided = episodes.filter((e) => e.decision);
      if (decided.length === 0) body.push(none('Chưa có quyết định nào.'));
      else
        body.push({
          type: 'table',
          columns: [
            { header: 'Số', width: 18 },
            { header: 'Ngày', width: 15, align: 'center' },
            { header: 'Nội dung', width: 37 },
            { header: 'Cơ quan, người ký', width: 30 },
          ],
          rows: decided.map((e) => [
            e.decision!.number ?? '',
            d(e.decision!.date),
            e.actualEnd ? `${e.typeLabel.vi} (kết thúc ${d(e.actualEnd)})` : e.typeLabel.vi,
            [e.decision!.body, e.decision!.signer].filter(Boolean).join(', ') || e.authorityLabel.vi,
          ]),
        });
    }

    // 5. Drug tests
    body.push(heading(++n, 'KẾT QUẢ XÉT NGHIỆM CHẤT MA TÚY'));
    if (!classes.has('drug_use')) body.push(omitted('Xét nghiệm'));
    else {
      const tests = await screeningRepo.testsForPerson(trx, p.id);
      if (tests.length === 0) body.push(none('Chưa có kết quả xét nghiệm.'));
      else
        body.push({
          type: 'table',
          columns: [
            { header: 'Ngày', width: 15, align: 'center' },
            { header: 'Phương pháp', width: 30 },
            { header: 'Kết quả', width: 20 },
            { header: 'Lý do', width: 35 },
          ],
          rows: tests.map((t) => [
            d(t.tested_on),
            METHOD_VI[t.method] ?? t.method,
            t.positive ? 'Dương tính' : 'Âm tính',
            drugTestReasonLabels.vi[t.reason as DrugTestReason] ?? t.reason,
          ]),
        });
    }

    // 6. Contacts
    body.push(heading(++n, 'NGƯỜI THÂN, LIÊN HỆ'));
    if (!classes.has('identity')) body.push(omitted('Người thân'));
    else {
      const family = p.family_contacts
        ? (JSON.parse(p.family_contacts) as { name: string; relation: string; phone?: string }[])
        : [];
      if (family.length === 0) body.push(none('Chưa ghi người thân.'));
      else
        body.push({
          type: 'table',
          columns: [
            { header: 'Họ và tên', width: 40 },
            { header: 'Quan hệ', width: 25 },
            { header: 'Số điện thoại', width: 35 },
          ],
          rows: family.map((f) => [f.name, f.relation, classes.has('contact') ? (f.phone ?? '') : '']),
        });
    }
    body.push({
      type: 'paragraph',
      content: `In lúc ${vietnamDateTime(now)} (giờ Việt Nam) từ hệ thống Hòa Nhập, người in: ${actor.username}.`,
      italic: true,
      indent: 'none',
    });
    await audit(trx, actor, {
      action: 'person.summary',
      entityType: 'person',
      entityId: p.id,
      details: { classes: [...classes] },
    });
    const out: OfficialDocument = {
      meta: { title: `Tóm tắt hồ sơ ${p.full_name}`, templateId: 'person-summary', templateVersion: '1' },
      ...(issuerName ? { issuer: { name: [caps(issuerName)] } } : {}),
      place: issuerName ? placeName(issuerName) : placeName(commune(p.cur_commune_code) || 'Hà Nội'),
      date: vietnamDate(now),
      title: 'PHIẾU TÓM TẮT HỒ SƠ',
      subject: [`Người nghiện, người sử dụng trái phép chất ma túy: ${p.full_name}`],
      body,
      footer: { right: { capacity: ['NGƯỜI LẬP PHIẾU'], hint: '(Ký, ghi rõ họ tên)', fullName: null } },
    };
    return { out, name: p.full_name };
  });
  const pdf = await renderPdf(doc.out, { compress: options.compress });
  const slug = doc.name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return { body: pdf, filename: `tom-tat-ho-so-${slug || personId}.pdf`, contentType: 'application/pdf' };
}
