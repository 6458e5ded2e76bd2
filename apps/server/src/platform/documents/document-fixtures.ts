// Sample inputs for the tests and for previewing the layout by hand (fictional people, real units).
import type { CommuneFacts, PersonFacts } from './templates/common.ts';
import type { TemplateInputs } from './templates/registry.ts';
import type { TemplateKind } from './templates/template.ts';

export const BA_DINH: CommuneFacts = {
  name: 'Phường Ba Đình',
  provinceName: 'Thành phố Hà Nội',
  districtName: 'Quận Ba Đình',
};

export const PERSON: PersonFacts = {
  fullName: 'Nguyễn Thị Ánh Tuyết',
  sex: 'female',
  birthDate: '1994-08-17',
  citizenId: '001194012345',
  ethnicity: 'Kinh',
  permanentAddress: 'Số 12 ngõ 5 phố Đội Cấn, phường Ba Đình, thành phố Hà Nội',
  currentAddress: 'Số 12 ngõ 5 phố Đội Cấn, phường Ba Đình, thành phố Hà Nội',
};

/** An input for each kind of document, dated `date`. */
export function sampleInputs(date: string): { [K in TemplateKind]: TemplateInputs[K] } {
  const year = Number(date.slice(0, 4));
  const end = `${year + 1}${date.slice(4)}`;
  return {
    'user-management-decision': {
      date,
      number: '12/QĐ-UBND',
      commune: BA_DINH,
      person: PERSON,
      testDate: date,
      startDate: date,
      endDate: end,
      managers: [{ fullName: 'Trần Văn Hùng', role: 'Công an viên', phone: '0912345678' }],
      signer: { fullName: 'Lê Hoàng Phương' },
    },
    'post-rehab-decision': {
      date,
      number: '05/QĐ-UBND',
      commune: BA_DINH,
      person: PERSON,
      rehabCompletion: `Giấy chứng nhận đã chấp hành xong quyết định áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc số 123/GCN-CSCN ngày 01/02/${year} của Cơ sở cai nghiện ma túy số 1 thành phố Hà Nội`,
      startDate: date,
      endDate: end,
      managers: [
        { fullName: 'Trần Văn Hùng', role: 'Công an viên' },
        { fullName: 'Phạm Thị Hồng Nhung', role: 'Tình nguyện viên Đội công tác xã hội tình nguyện' },
      ],
      signer: { fullName: 'Đỗ Quang Khải', deputy: true },
    },
    'post-rehab-completion-certificate': {
      date,
      number: '03/GCN-UBND',
      commune: BA_DINH,
      person: PERSON,
      decision: { number: '05/QĐ-UBND', date: `${year - 1}${date.slice(4)}` },
      startDate: `${year - 1}${date.slice(4)}`,
      endDate: date,
      signer: { fullName: 'Lê Hoàng Phương' },
    },
    'family-commitment': {
      date,
      commune: BA_DINH,
      representative: {
        fullName: 'Nguyễn Văn Đức',
        sex: 'male',
        birthYear: 1965,
        citizenId: '001065098765',
        permanentAddress: 'Số 12 ngõ 5 phố Đội Cấn, phường Ba Đình, thành phố Hà Nội',
        relationship: 'bố đẻ',
        phone: '0987654321',
      },
      person: PERSON,
    },
    'compulsory-dossier-list': {
      date,
      commune: BA_DINH,
      persons: [PERSON],
      signer: { fullName: 'Vũ Minh Quân' },
    },
  };
}
