import i18next from 'i18next';

// Texts of the facility administration page that came with Law 120/2025 (kinds, private facilities' operating
// licences), in their own i18next namespace. Vietnamese is the reference; English has the same keys.

const vi = {
  licence: {
    legend: 'Giấy phép hoạt động (cơ sở cai nghiện tư nhân)',
    hint: 'Cơ sở tư nhân chỉ được nhận người cai nghiện tự nguyện khi giấy phép còn hiệu lực; không nhận cai nghiện bắt buộc.',
    number: 'Số giấy phép',
    issuedOn: 'Ngày cấp',
    issuer: 'Người cấp',
    issuerHint: 'Chức danh, họ tên người ký, ví dụ: Giám đốc Công an tỉnh Quảng Ninh',
    scope: 'Phạm vi hoạt động',
    validUntil: 'Có hiệu lực đến ngày',
    column: 'Giấy phép',
    none: 'Chưa có giấy phép',
    until: 'số {{number}}, đến {{date}}',
    expired: 'Hết hiệu lực',
    manage: 'Giấy phép',
    manageTitle: 'Giấy phép hoạt động: {{name}}',
    history: 'Các giấy phép đã ghi',
    edit: 'Sửa giấy phép đang chọn',
    add: 'Thêm giấy phép mới (gia hạn, cấp lại)',
    choose: 'Giấy phép',
    saved: 'Đã lưu giấy phép',
    stale: 'Giấy phép vừa được người khác sửa; đã tải lại nội dung mới nhất, hãy kiểm tra rồi lưu lại.',
    invalidDate: 'Ngày không hợp lệ (dd/mm/yyyy)',
    issuerRole: 'Thẩm quyền cấp theo quy định: {{role}}',
  },
  roles: {
    province_police_director: 'Giám đốc Công an cấp tỉnh',
    province_labour_director: 'Giám đốc Sở Lao động – Thương binh và Xã hội',
  },
  save: 'Lưu',
  cancel: 'Hủy',
  close: 'Đóng',
};

const en: typeof vi = {
  licence: {
    legend: 'Operating licence (private rehab facility)',
    hint: 'A private facility takes voluntary rehab only while its licence is valid; it takes no compulsory rehab.',
    number: 'Licence number',
    issuedOn: 'Date of issue',
    issuer: 'Issued by',
    issuerHint: 'Title and name of the signer, e.g. Director of Quảng Ninh provincial police',
    scope: 'Scope of activity',
    validUntil: 'Valid until',
    column: 'Licence',
    none: 'No licence',
    until: 'no. {{number}}, until {{date}}',
    expired: 'Expired',
    manage: 'Licence',
    manageTitle: 'Operating licence: {{name}}',
    history: 'Licences recorded',
    edit: 'Correct the chosen licence',
    add: 'Add a new licence (renewal, reissue)',
    choose: 'Licence',
    saved: 'Licence saved',
    stale: 'Someone else just changed this licence; the latest values are loaded, check them and save again.',
    invalidDate: 'Invalid date (dd/mm/yyyy)',
    issuerRole: 'Licensing authority under the rules: {{role}}',
  },
  roles: {
    province_police_director: 'Director of provincial police',
    province_labour_director: 'Director of the provincial labour department',
  },
  save: 'Save',
  cancel: 'Cancel',
  close: 'Close',
};

type Tree = { [k: string]: string | Tree };

export const FACILITIES_NS = 'facilityAdmin';

/** Registers the namespace once, as soon as i18next is initialised (this module may load before that). */
export function registerFacilitiesI18n() {
  if (!i18next.isInitialized || !i18next.store) {
    i18next.on('initialized', registerFacilitiesI18n);
    return;
  }
  if (i18next.hasResourceBundle('vi', FACILITIES_NS)) return;
  i18next.addResourceBundle('vi', FACILITIES_NS, vi as Tree, true, true);
  i18next.addResourceBundle('en', FACILITIES_NS, en as Tree, true, true);
}

registerFacilitiesI18n();
