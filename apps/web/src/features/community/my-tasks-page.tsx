import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/use-page-title.ts';
import { myTasksQuery } from '../../field/field-data.ts';
import '../../field/field-i18n.ts';
import { ErrorNote, InlineLoader, Note, Section } from '../../field/field-kit.tsx';
import { formatDate } from '../../i18n/format.ts';
import type { MyTask } from './community-api.ts';

const TIMINGS = ['overdue', 'today', 'upcoming'] as const;

/** "Việc của tôi": the volunteer's next contacts, overdue first (plain HTML, as the other field pages). */
export function MyTasksPage() {
  const { t } = useTranslation('community');
  usePageTitle(t('tasks.title'));
  const q = useQuery(myTasksQuery);
  if (q.isPending) return <InlineLoader />;
  if (q.isError && !q.data) return <ErrorNote error={q.error} onRetry={() => q.refetch()} />;
  const by = (timing: MyTask['timing']) => q.data.items.filter((x) => x.timing === timing);
  const title = { overdue: t('tasks.overdue'), today: t('tasks.dueToday'), upcoming: t('tasks.upcoming') };
  return (
    <div className="f-stack">
      <h1>{t('tasks.title')}</h1>
      <p className="f-p f-small f-dim">{t('tasks.today', { date: formatDate(q.data.today) })}</p>
      {q.data.items.length === 0 ? (
        <Note tone="green" testId="my-tasks-empty">
          {t('tasks.empty')}
        </Note>
      ) : (
        TIMINGS.map((timing) => {
          const items = by(timing);
          return (
            <Section key={timing} title={`${title[timing]} (${items.length})`} testId={`my-tasks-${timing}`}>
              {items.length === 0 ? (
                <p className="f-p f-small f-dim">{t('tasks.sectionEmpty')}</p>
              ) : (
                <ul className="f-list" style={{ gap: '0.5rem' }}>
                  {items.map((task) => (
                    <li className="f-card" style={{ padding: '0.75rem' }} key={task.id} data-testid="my-task">
                      <Link to={`/community/my-people/${task.personId}`} className="f-strong">
                        {task.personName}
                      </Link>
                      <p className={`f-p f-small${timing === 'overdue' ? ' f-late' : ''}`}>
                        {t('tasks.contact')} · {t('tasks.due', { date: formatDate(task.dueDate) })}
                      </p>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          );
        })
      )}
    </div>
  );
}
