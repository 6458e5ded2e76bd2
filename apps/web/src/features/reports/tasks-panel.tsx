import { Anchor, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, InlineLoader } from '../../app/page-states.tsx';
import { useMyTaskCounts } from '../pathways/pathways-api.ts';
import './cutoff-i18n.ts';

// The work-list counts on the dashboard (issue 3: "each user's home page shows their overdue, due-today and
// upcoming tasks"), read from GET /api/tasks/mine (its counts of every open task, not only the first page).

const TILES = [
  { key: 'overdue', color: 'red.9' },
  { key: 'today', color: 'orange.9' },
  { key: 'upcoming', color: 'blue.9' },
] as const;

/** Overdue / due today / upcoming counts, each linking to the work list; an empty state when none. */
export function TasksPanel() {
  const { t } = useTranslation('reports');
  const tasks = useMyTaskCounts();
  const counts = tasks.data;
  const total = counts ? counts.overdue + counts.today + counts.upcoming : 0;
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby="tasks-panel-title"
      data-testid="tasks-panel"
    >
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4" id="tasks-panel-title">
          {t('tasksPanel.title')}
        </Title>
        <Anchor component={Link} to="/tasks" size="sm">
          {t('tasksPanel.open')}
        </Anchor>
      </Group>
      {tasks.isPending && <InlineLoader />}
      {tasks.isError && <ErrorState error={tasks.error} onRetry={() => tasks.refetch()} />}
      {counts && total === 0 && (
        <Text size="sm" data-testid="tasks-panel-empty">
          {t('tasksPanel.empty')}
        </Text>
      )}
      {counts && total > 0 && (
        <SimpleGrid cols={3} spacing="xs">
          {TILES.map(({ key, color }) => (
            <Anchor
              key={key}
              component={Link}
              to="/tasks"
              underline="never"
              data-testid={`tasks-count-${key}`}
              aria-label={`${t(`tasksPanel.${key}`)}: ${t('tasksPanel.count', { count: counts[key] })}`}
            >
              <Paper withBorder p="xs">
                <Text fz={24} fw={700} c={counts[key] ? color : 'dark.6'}>
                  {counts[key]}
                </Text>
                <Text size="sm" c="dark.7">
                  {t(`tasksPanel.${key}`)}
                </Text>
              </Paper>
            </Anchor>
          ))}
        </SimpleGrid>
      )}
    </Paper>
  );
}
