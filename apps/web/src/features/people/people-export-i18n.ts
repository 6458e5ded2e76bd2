import { addTexts } from '../../app/add-texts.ts';

// Texts of the way out of the people registry (issue 14): the list's export buttons and the person's
// printable summary, in their own i18next namespace 'peopleExport'. Vietnamese first, English same keys.

const vi = {
  exportGroup: 'Xuất danh sách đang lọc',
  excel: 'Xuất Excel',
  csv: 'Xuất CSV',
  exportHint:
    'Tệp có cùng các cột với tệp nhập danh sách: sửa rồi nhập lại thì hồ sơ có Số CCCD trùng được cập nhật, không tạo hồ sơ mới.',
  printSummary: 'In phiếu tóm tắt (PDF)',
};

const en: typeof vi = {
  exportGroup: 'Export the filtered list',
  excel: 'Export to Excel',
  csv: 'Export to CSV',
  exportHint:
    'The file has the same columns as the import: edit it and import it again, and records with the same citizen ID are updated, not created twice.',
  printSummary: 'Print summary (PDF)',
};

export const PEOPLE_EXPORT_NS = 'peopleExport';

addTexts(PEOPLE_EXPORT_NS, vi, en);
