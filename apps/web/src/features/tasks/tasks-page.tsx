import { Alert, Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { Panel } from '../../components/panel.tsx';
import { PageTitle, RecordTable } from '../../components/record-list.tsx';
import { formatDate, formatDateTime } from '../../i18n/format.ts';
import { tx } from '../pathways/form-kit.tsx';
import { type Task, useMyTasks } from '../pathways/pathways-api.ts';

const dayNumber = (iso: string) =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

function TaskTable({
  tasks,
  tone,
  today,
  testId,
}: {
  tasks: Task[];
  tone: 'overdue' | 'today' | 'upcoming';
  today: string;
  testId: string;
}) {
  const { t } = useTranslation('pathways');
  if (tasks.length === 0)
    return (
      <Text size="sm" c="dimmed" data-testid={`${testId}-none`}>
        {t('tasks.sectionEmpty')}
      </Text>
    );
  return (
    <RecordTable
      data-testid={testId}
      verticalSpacing="xs"
      head={[t('tasks.kind'), t('tasks.person'), t('tasks.dueCol')]}
    >
      {tasks.map((task) => (
        <Table.Tr key={task.id} data-testid={`task-${task.kind}`}>
          <Table.Td>{tx(task.label)}</Table.Td>
          <Table.Td>
            <Anchor component={Link} to={`/people/${task.personId}`}>
              {task.personName ?? task.personId}
            </Anchor>
            {task.source.type === 'dossier' && task.source.id && (
              <>
                {' · '}
                <Anchor component={Link} to={`/dossiers/${task.source.id}`} size="sm">
                  {t('tasks.openDossier')}
                </Anchor>
              </>
            )}
          </Table.Td>
          <Table.Td>
            <Group gap="xs" wrap="nowrap">
              <Text
                size="sm"
                c={tone === 'overdue' ? 'red.9' : undefined}
                fw={tone === 'upcoming' ? 400 : 600}
              >
                {task.dueAt ? formatDateTime(task.dueAt) : formatDate(task.dueDate)}
              </Text>
              {tone === 'overdue' && (
                <Text size="sm" c="red.9" fw={700}>
                  ({t('tasks.overdueBy', { count: dayNumber(today) - dayNumber(task.dueDate) })})
                </Text>
              )}
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </RecordTable>
  );
}

/** "Việc cần làm": the user's overdue, due-today and upcoming tasks, each linking to the person; 100 at a time. */
// The groups after the overdue one (which stands out in red): their tone and heading.
const LATER_GROUPS = [
  ['today', 'tasks.dueToday'],
  ['upcoming', 'tasks.upcoming'],
] as const;

export function TasksPage() {
  const { t } = useTranslation('pathways');
  usePageTitle(t('tasks.title'));
  const q = useMyTasks();
  const pages = q.data?.pages ?? [];
  const first = pages[0];
  const list = {
    overdue: pages.flatMap((p) => p.overdue),
    today: pages.flatMap((p) => p.dueToday),
    upcoming: pages.flatMap((p) => p.upcoming),
  };
  // Totals of every open task (the first page counts them); the lists hold the pages loaded so far.
  const counts = first?.counts ?? {
    overdue: list.overdue.length,
    today: list.today.length,
    upcoming: list.upcoming.length,
  };
  const shown = list.overdue.length + list.today.length + list.upcoming.length;
  const total = counts.overdue + counts.today + counts.upcoming;
  return (
    <Stack>
      <PageTitle title={t('tasks.title')} />
      {q.isPending ? (
        <InlineLoader />
      ) : q.isError || !first ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} />
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('tasks.today', { date: formatDate(first.today) })}
          </Text>
          {shown === 0 ? (
            <Alert color="green" data-testid="tasks-empty">
              {t('tasks.empty')}
            </Alert>
          ) : (
            <>
              <Paper
                withBorder
                p="md"
                component="section"
                aria-labelledby="tasks-overdue-h"
                style={{ borderColor: counts.overdue ? 'var(--mantine-color-red-7)' : undefined }}
              >
                <Title
                  order={2}
                  size="h4"
                  mb="sm"
                  id="tasks-overdue-h"
                  c={counts.overdue ? 'red.9' : undefined}
                >
                  {t('tasks.overdue')} ({counts.overdue})
                </Title>
                <TaskTable tasks={list.overdue} tone="overdue" today={first.today} testId="tasks-overdue" />
              </Paper>
              {LATER_GROUPS.map(([tone, title]) => (
                <Panel
                  key={tone}
                  id={`tasks-${tone}-h`}
                  title={
                    <>
                      {t(title)} ({counts[tone]})
                    </>
                  }
                >
                  <TaskTable tasks={list[tone]} tone={tone} today={first.today} testId={`tasks-${tone}`} />
                </Panel>
              ))}
              {q.hasNextPage && (
                <Group>
                  <Button
                    variant="default"
                    onClick={() => q.fetchNextPage()}
                    loading={q.isFetchingNextPage}
                    data-testid="tasks-more"
                  >
                    {t('tasks.more', { shown, total: Math.max(total, shown) })}
                  </Button>
                </Group>
              )}
            </>
          )}
        </>
      )}
    </Stack>
  );
}
