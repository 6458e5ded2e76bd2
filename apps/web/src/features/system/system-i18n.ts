import { addTexts } from '../../app/add-texts.ts';

// Texts of the system area (background job runs, issue 17), in their own namespace 'system'.

export const SYSTEM_NS = 'system';

const vi = {
  nav: 'Công việc nền',
  title: 'Các lần chạy công việc nền',
  intro:
    'Mỗi công việc nền (cập nhật trạng thái, tính trước số liệu, dọn dữ liệu cũ…) chạy một lần cho cả hệ thống, dù có nhiều máy chủ. Mới nhất ở trên; giờ theo máy của bạn.',
  empty:
    'Chưa có lần chạy nào. Các công việc chạy khi máy chủ khởi động và theo lịch hằng đêm; quay lại sau ít phút.',
  job: 'Công việc',
  server: 'Máy chủ',
  started: 'Bắt đầu',
  ended: 'Kết thúc',
  outcome: 'Kết quả',
  error: 'Lỗi',
  outcomes: { running: 'Đang chạy', ok: 'Thành công', failed: 'Lỗi', interrupted: 'Bị gián đoạn' },
  jobs: {
    'status-refresh': 'Cập nhật trạng thái người cai nghiện',
    'monitoring-end': 'Hạn kết thúc giám sát điện tử',
    'figures-warmup': 'Tính trước số liệu báo cáo',
    'idempotency-pruning': 'Dọn khoá chống gửi trùng',
    'job-runs-pruning': 'Dọn nhật ký công việc nền',
  },
};

const en: typeof vi = {
  nav: 'Background jobs',
  title: 'Background job runs',
  intro:
    'Each background job (status refresh, figures computed ahead, clean-ups…) runs once for the whole system, however many servers there are. Newest first; times in your time zone.',
  empty: 'No runs yet. Jobs run when a server starts and nightly; come back in a few minutes.',
  job: 'Job',
  server: 'Server',
  started: 'Started',
  ended: 'Ended',
  outcome: 'Outcome',
  error: 'Error',
  outcomes: { running: 'Running', ok: 'Succeeded', failed: 'Failed', interrupted: 'Interrupted' },
  jobs: {
    'status-refresh': "Refresh of people's statuses",
    'monitoring-end': 'End dates of electronic monitoring',
    'figures-warmup': 'Report figures computed ahead',
    'idempotency-pruning': 'Clean-up of duplicate-send keys',
    'job-runs-pruning': 'Clean-up of the job run log',
  },
};

addTexts(SYSTEM_NS, vi, en);

/** A job's name in the current language (job names contain dashes, not dots: safe as keys). */
export const jobLabels = { vi: vi.jobs, en: en.jobs } as Record<'vi' | 'en', Record<string, string>>;
