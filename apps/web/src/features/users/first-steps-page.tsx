import { Anchor, Badge, Card, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, client } from '../../api/client.ts';
import { useSession } from '../../api/session.ts';
import { addTexts } from '../../app/add-texts.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { PageTitle, QueryView } from '../../components/record-list.tsx';

// First steps of setting up a unit (issue 14): facilities, users, people, the report cut-off day — each done or
// not from real counts in the reader's scope (the nation, or their province), what comes next, and a link to the
// steps the reader may do themselves (the others are named as the administrator's).

const vi = {
  nav: 'Bước đầu',
  title: 'Các bước đầu khi bắt đầu dùng',
  intro: 'Làm lần lượt các bước dưới đây. Trạng thái tính từ dữ liệu thật của hệ thống.',
  scopeNation: 'Số liệu của toàn quốc.',
  scopeProvince: 'Số liệu của {{name}} (tỉnh, các xã và cơ sở của tỉnh).',
  notYours: 'Do quản trị viên hệ thống hoặc cán bộ xã thực hiện',
  done: 'Đã xong',
  todo: 'Chưa làm',
  next: 'Bước tiếp theo',
  allDone: 'Đã xong tất cả các bước đầu.',
  count: 'Hiện có: {{count}}',
  facilities: 'Tạo các cơ sở cai nghiện',
  users: 'Nhập người dùng (cán bộ tỉnh, xã, cơ sở)',
  people: 'Nhập danh sách người nghiện, người sử dụng trái phép chất ma túy',
  cutoff: 'Đặt ngày chốt số liệu báo cáo',
  go: 'Mở trang',
};
const en: typeof vi = {
  nav: 'First steps',
  title: 'First steps to start using the system',
  intro: 'Work through the steps below. Their state is computed from the real data.',
  scopeNation: 'Figures of the whole country.',
  scopeProvince: 'Figures of {{name}} (the province, its communes and facilities).',
  notYours: 'Done by the system administrator or commune staff',
  done: 'Done',
  todo: 'To do',
  next: 'Next step',
  allDone: 'All first steps are done.',
  count: 'Now: {{count}}',
  facilities: 'Create the rehabilitation facilities',
  users: 'Import users (province, commune and facility staff)',
  people: 'Import the lists of people who use drugs',
  cutoff: 'Set the report cut-off day',
  go: 'Open',
};
export const FIRST_STEPS_NS = 'firstSteps';
addTexts(FIRST_STEPS_NS, vi, en);

// Keyed by the contract's step keys (facilities, users, people, cutoff: plain strings in its answer).
const LINKS: Record<string, string> = {
  facilities: '/facilities',
  users: '/users',
  people: '/imports',
  cutoff: '/reports',
};

export function FirstStepsPage() {
  const { t } = useTranslation(FIRST_STEPS_NS);
  const me = useSession();
  usePageTitle(t('title'));
  const q = useQuery({
    queryKey: ['first-steps'],
    queryFn: () => call(client.GET('/api/setup/first-steps')),
  });
  return (
    <Stack>
      <PageTitle title={t('title')} intro={t('intro')} />
      {q.data && (
        <Text size="sm" data-testid="first-steps-scope">
          {q.data.scope.kind === 'nation'
            ? t('scopeNation')
            : t('scopeProvince', { name: me.user.scopeName ?? q.data.scope.code })}
        </Text>
      )}
      <QueryView q={q}>
        {(data) => (
          <>
            <Text fw={500} role="status" data-testid="first-steps-next">
              {data.next ? `${t('next')}: ${t(data.next)}` : t('allDone')}
            </Text>
            <List listStyleType="none" spacing="sm">
              {data.steps.map((s, i) => (
                <List.Item key={s.key}>
                  <Card withBorder padding="sm" data-testid={`first-step-${s.key}`}>
                    <Group justify="space-between" wrap="nowrap">
                      <div>
                        <Text fw={500}>
                          {i + 1}. {t(s.key)}
                        </Text>
                        <Text size="sm">{t('count', { count: s.count })}</Text>
                      </div>
                      <Group gap="sm" wrap="nowrap">
                        <Badge color={s.done ? 'green' : 'gray'} variant="light">
                          {s.done ? t('done') : t('todo')}
                        </Badge>
                        {s.canAct ? (
                          <Anchor component={Link} to={LINKS[s.key]} aria-label={`${t('go')}: ${t(s.key)}`}>
                            {t('go')}
                          </Anchor>
                        ) : (
                          <Text size="sm">{t('notYours')}</Text>
                        )}
                      </Group>
                    </Group>
                  </Card>
                </List.Item>
              ))}
            </List>
          </>
        )}
      </QueryView>
    </Stack>
  );
}
