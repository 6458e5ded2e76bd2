import { Alert, Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { formatDate } from '../../i18n/format.ts';
import { type MyTask, useMyTasks } from './community-api.ts';
import { Section } from './community-kit.tsx';

const TIMINGS = ['overdue', 'today', 'upcoming'] as const;

/** "Việc của tôi": the volunteer's next contacts, overdue first. */
export function MyTasksPage() {
  const { t } = useTranslation('community');
  usePageTitle(t('tasks.title'));
  const q = useMyTasks();
  if (q.isPending) return <InlineLoader />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  const by = (timing: MyTask['timing']) => q.data.items.filter((x) => x.timing === timing);
  const title = { overdue: t('tasks.overdue'), today: t('tasks.dueToday'), upcoming: t('tasks.upcoming') };
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('tasks.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('tasks.today', { date: formatDate(q.data.today) })}
      </Text>
      {q.data.items.length === 0 ? (
        <Alert color="green" data-testid="my-tasks-empty">
          {t('tasks.empty')}
        </Alert>
      ) : (
        TIMINGS.map((timing) => {
          const items = by(timing);
          return (
            <Section key={timing} title={`${title[timing]} (${items.length})`} testId={`my-tasks-${timing}`}>
              {items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('tasks.sectionEmpty')}
                </Text>
              ) : (
                <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {items.map((task) => (
                    <Card withBorder padding="sm" component="li" key={task.id} data-testid="my-task">
                      <Anchor component={Link} to={`/community/my-people/${task.personId}`} fw={600}>
                        {task.personName}
                      </Anchor>
                      <Text size="sm" c={timing === 'overdue' ? 'red.9' : undefined} fw={500}>
                        {t('tasks.contact')} · {t('tasks.due', { date: formatDate(task.dueDate) })}
                      </Text>
                    </Card>
                  ))}
                </Stack>
              )}
            </Section>
          );
        })
      )}
    </Stack>
  );
}
