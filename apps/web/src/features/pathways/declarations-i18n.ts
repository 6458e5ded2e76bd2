import i18next from 'i18next';

// Texts of the person page's section "declarations of substances used and their source" (Law 120/2025/QH15),
// namespace 'declarations'. Vietnamese is the reference; English has the same keys. Substance names come from
// the 'pathways' namespace (substance.*).

const vi = {
  title: 'Khai báo chất ma túy đã sử dụng và nguồn gốc',
  intro:
    'Người sử dụng trái phép chất ma túy khai báo với Công an cấp xã loại chất đã sử dụng và nguồn gốc (nơi, người cung cấp).',
  add: 'Ghi nhận khai báo',
  edit: 'Sửa',
  editLabel: 'Sửa khai báo ngày {{date}}',
  empty: 'Chưa có khai báo nào.',
  emptyNext: 'Khi người này khai báo, Công an xã bấm “Ghi nhận khai báo” để lưu lại.',
  emptyNextReader: 'Công an xã ghi nhận khai báo khi người này khai báo.',
  col: {
    declaredOn: 'Ngày khai báo',
    substances: 'Chất đã sử dụng',
    source: 'Nguồn gốc',
    recordedBy: 'Người ghi nhận',
    basis: 'Căn cứ',
    actions: 'Thao tác',
  },
  noBasis: 'Trước khi quy định có hiệu lực (không dẫn căn cứ)',
  form: {
    createTitle: 'Ghi nhận khai báo chất ma túy và nguồn gốc',
    editTitle: 'Sửa khai báo',
    declaredOn: 'Ngày khai báo',
    substances: 'Chất đã sử dụng (chọn một hoặc nhiều)',
    otherSubstance: 'Tên chất khác',
    source: 'Nguồn gốc (mua, nhận ở đâu, từ ai)',
    notes: 'Ghi chú',
    saved: 'Đã lưu khai báo.',
    stale: 'Khai báo này vừa được người khác sửa (phiên bản {{version}}). Xem bản hiện tại rồi sửa lại.',
    loadCurrent: 'Tải bản hiện tại',
  },
};

const en: typeof vi = {
  title: 'Declarations of substances used and their source',
  intro:
    'A person using drugs illegally declares to the commune police which substances they used and where they obtained them.',
  add: 'Record a declaration',
  edit: 'Edit',
  editLabel: 'Edit the declaration of {{date}}',
  empty: 'No declaration yet.',
  emptyNext: 'When this person declares, the commune police press “Record a declaration” to keep it.',
  emptyNextReader: 'The commune police record a declaration when this person makes one.',
  col: {
    declaredOn: 'Declared on',
    substances: 'Substances used',
    source: 'Source',
    recordedBy: 'Recorded by',
    basis: 'Legal basis',
    actions: 'Actions',
  },
  noBasis: 'Before the rule was in force (no basis cited)',
  form: {
    createTitle: 'Record a declaration of substances and source',
    editTitle: 'Edit the declaration',
    declaredOn: 'Date of the declaration',
    substances: 'Substances used (one or more)',
    otherSubstance: 'Name of the other substance',
    source: 'Source (bought or received where, from whom)',
    notes: 'Notes',
    saved: 'Declaration saved.',
    stale:
      'Someone else has just changed this declaration (version {{version}}). Review the current one and edit again.',
    loadCurrent: 'Load the current version',
  },
};

i18next.addResourceBundle('vi', 'declarations', vi, true, true);
i18next.addResourceBundle('en', 'declarations', en, true, true);
