import i18next from 'i18next';

// Texts of the person page's section "electronic monitoring" (Law 120/2025/QH15 Art. 12), namespace
// 'monitoring'. Vietnamese is the reference; English has the same keys.

const vi = {
  title: 'Giám sát điện tử',
  intro:
    'Trưởng Công an cấp xã áp dụng với người đang cai nghiện tự nguyện tại gia đình, cộng đồng, đang điều trị bằng thuốc thay thế hoặc đang bị quản lý sau cai nghiện (từ 01/07/2026).',
  add: 'Ghi nhận quyết định giám sát',
  empty: 'Người này chưa bị áp dụng biện pháp giám sát điện tử.',
  emptyNext: 'Khi có quyết định của Trưởng Công an xã, bấm “Ghi nhận quyết định giám sát” để lưu lại.',
  emptyNextReader: 'Công an xã ghi nhận quyết định khi biện pháp được áp dụng.',
  saved: 'Đã lưu',
  col: {
    decision: 'Quyết định',
    period: 'Thời gian giám sát',
    means: 'Phương tiện',
    situation: 'Trường hợp áp dụng',
    status: 'Tình trạng',
    basis: 'Căn cứ',
    events: 'Diễn biến',
    actions: 'Thao tác',
  },
  decisionLine: 'Số {{number}} ngày {{date}}, {{authority}}',
  periodLine: '{{start}} – {{end}}',
  endedOn: 'kết thúc {{date}}',
  basisEndsOn: 'căn cứ áp dụng chấm dứt ngày {{date}}',
  noEvents: 'Chưa có diễn biến',
  status: {
    active: 'Đang giám sát',
    end_due: 'Cần kết thúc (hết hạn hoặc hết căn cứ áp dụng), chưa ghi nhận gỡ thiết bị',
    ended: 'Đã kết thúc',
  },
  means: {
    bracelet: 'Vòng đeo tay điện tử',
    locator: 'Thiết bị định vị',
    phone_app: 'Ứng dụng trên điện thoại',
    other: 'Phương tiện khác',
  },
  eventKind: {
    breach: 'Vi phạm',
    tampering_reported: 'Tự ý tháo gỡ, can thiệp thiết bị',
    device_fault: 'Thiết bị hư hỏng',
    removal: 'Gỡ bỏ thiết bị, chấm dứt giám sát',
  },
  recordEvent: 'Ghi diễn biến',
  recordEventLabel: 'Ghi diễn biến của quyết định số {{number}}',
  form: {
    createTitle: 'Ghi nhận quyết định áp dụng giám sát điện tử',
    decisionNumber: 'Số quyết định',
    decisionDate: 'Ngày quyết định',
    decisionSigner: 'Người ký',
    startDate: 'Ngày bắt đầu giám sát',
    plannedEnd: 'Ngày kết thúc dự kiến',
    means: 'Phương tiện giám sát',
    meansOther: 'Mô tả phương tiện khác',
    notes: 'Ghi chú',
    eventTitle: 'Ghi diễn biến giám sát điện tử',
    kind: 'Diễn biến',
    occurredOn: 'Ngày xảy ra',
    description: 'Mô tả',
    stale: 'Biện pháp đã được người khác cập nhật (phiên bản {{version}}). Hãy tải lại và ghi lại.',
    loadCurrent: 'Dùng bản hiện tại',
  },
  confirmRemoval: {
    title: 'Chấm dứt giám sát điện tử?',
    message:
      'Ghi nhận gỡ bỏ thiết bị ngày {{date}} sẽ kết thúc biện pháp và hoàn thành việc “Kết thúc giám sát điện tử” trong danh sách việc cần làm. Không thể hoàn tác.',
    confirm: 'Chấm dứt giám sát',
  },
};

const en: typeof vi = {
  title: 'Electronic monitoring',
  intro:
    'Applied by the head of commune police to a person in voluntary rehab at the family or community, on substitution therapy or under post-rehab management (from 01/07/2026).',
  add: 'Record a monitoring decision',
  empty: 'This person has not been placed under electronic monitoring.',
  emptyNext: 'When the head of commune police decides it, press “Record a monitoring decision” to save it.',
  emptyNextReader: 'The commune police record the decision when the measure is applied.',
  saved: 'Saved',
  col: {
    decision: 'Decision',
    period: 'Monitoring period',
    means: 'Means',
    situation: 'Situation',
    status: 'Status',
    basis: 'Basis',
    events: 'Events',
    actions: 'Actions',
  },
  decisionLine: 'No. {{number}} of {{date}}, {{authority}}',
  periodLine: '{{start}} – {{end}}',
  endedOn: 'ended {{date}}',
  basisEndsOn: 'the ground for it ended on {{date}}',
  noEvents: 'No events yet',
  status: {
    active: 'Monitoring',
    end_due: 'Due to end (period or ground over), removal not recorded',
    ended: 'Ended',
  },
  means: {
    bracelet: 'Electronic bracelet',
    locator: 'Location device',
    phone_app: 'Phone application',
    other: 'Other means',
  },
  eventKind: {
    breach: 'Breach',
    tampering_reported: 'Tampering reported',
    device_fault: 'Device fault',
    removal: 'Device removed, monitoring ended',
  },
  recordEvent: 'Record an event',
  recordEventLabel: 'Record an event of decision no. {{number}}',
  form: {
    createTitle: 'Record an electronic monitoring decision',
    decisionNumber: 'Decision number',
    decisionDate: 'Decision date',
    decisionSigner: 'Signed by',
    startDate: 'Monitoring starts on',
    plannedEnd: 'Planned end',
    means: 'Means of monitoring',
    meansOther: 'Describe the other means',
    notes: 'Notes',
    eventTitle: 'Record an electronic monitoring event',
    kind: 'Event',
    occurredOn: 'Date',
    description: 'Description',
    stale: 'Someone else updated this measure (version {{version}}). Load it and record again.',
    loadCurrent: 'Use the current version',
  },
  confirmRemoval: {
    title: 'End electronic monitoring?',
    message:
      'Recording the removal of the device on {{date}} ends the measure and completes “Electronic monitoring ends” on the work list. This cannot be undone.',
    confirm: 'End monitoring',
  },
};

i18next.addResourceBundle('vi', 'monitoring', vi, true, true);
i18next.addResourceBundle('en', 'monitoring', en, true, true);
