import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { usePageTitle } from '../../app/use-page-title.ts';
import { myPeopleQuery, myPersonQuery } from '../../field/field-data.ts';
import '../../field/field-i18n.ts';
import { ErrorNote, InlineLoader, Note, Section, todayIso } from '../../field/field-kit.tsx';
import { formatDate } from '../../i18n/format.ts';
import { currentLang } from '../../i18n/i18n.ts';
import type { MyPerson } from './community-api.ts';

// The volunteer's pages are plain HTML (field/field-kit.tsx): on a slow mobile link they come right after the
// login page, without the component library (bench/slow-link.ts). The contact form is not part of the first
// screen (my people): it loads with a person's page, or in the background once that screen is shown.
export const loadLogContactForm = () => import('./log-contact-form.tsx');
const LogContactForm = lazy(() => loadLogContactForm().then((m) => ({ default: m.LogContactForm })));

/** The allowed facts about one person: address, current pathway and dates, test due/done, next contact. */
function Facts({ p }: { p: MyPerson }) {
  const { t } = useTranslation('community');
  const address = [p.address.detail, p.address.communeName, p.address.provinceName]
    .filter(Boolean)
    .join(', ');
  const overdue = p.nextContactDate !== null && p.nextContactDate < todayIso();
  return (
    <div className="f-stack-sm" style={{ gap: 2 }}>
      {address && (
        <p className="f-p f-small">
          <span className="f-dim">{t('my.address')}: </span>
          {address}
        </p>
      )}
      <p className="f-p f-small" data-testid="my-pathway">
        {p.pathway ? (
          <>
            {p.pathway.label[currentLang()]} · {t('my.from', { date: formatDate(p.pathway.startDate) })}
            {p.pathway.plannedEndDate
              ? ` ${t('my.until', { date: formatDate(p.pathway.plannedEndDate) })}`
              : ''}
          </>
        ) : (
          <span className="f-dim">{t('my.noPathway')}</span>
        )}
      </p>
      <p className="f-p f-small">
        {p.drugTest.status === 'due'
          ? t('my.testDue', { date: formatDate(p.drugTest.dueDate) })
          : p.drugTest.status === 'done'
            ? t('my.testDone', { date: formatDate(p.drugTest.doneOn) })
            : t('my.testNone')}
      </p>
      <p className={`f-p f-small f-strong${overdue ? ' f-late' : ''}`} data-testid="my-next-contact">
        {p.nextContactDate
          ? t('my.nextContactOn', { date: formatDate(p.nextContactDate) })
          : t('my.noNextContact')}
      </p>
    </div>
  );
}

/** "Người tôi giúp đỡ": the volunteer's assigned people as large cards (phone first). */
export function MyPeoplePage() {
  const { t } = useTranslation('community');
  usePageTitle(t('my.title'));
  const q = useQuery(myPeopleQuery);
  return (
    <div className="f-stack">
      <h1>{t('my.title')}</h1>
      {q.isPending ? (
        <InlineLoader />
      ) : q.isError && !q.data ? (
        <ErrorNote error={q.error} onRetry={() => q.refetch()} />
      ) : q.data.length === 0 ? (
        <Note testId="my-people-empty">{t('my.empty')}</Note>
      ) : (
        <>
          <p className="f-p f-small f-dim">{t('my.intro')}</p>
          <ul className="f-list" data-testid="my-people">
            {q.data.map((p) => (
              <li className="f-card f-stack-sm" key={p.id} data-testid="my-person-card">
                <Link to={`/community/my-people/${p.id}`} className="f-big-link">
                  {p.fullName}
                </Link>
                <Facts p={p} />
                <div className="f-row">
                  <Link to={`/community/my-people/${p.id}`} className="f-btn f-grow">
                    {t('my.logContact')}
                  </Link>
                  {p.phone && (
                    <a
                      href={`tel:${p.phone}`}
                      className="f-btn f-btn-plain f-grow"
                      aria-label={`${t('common.call')} ${p.fullName} ${p.phone}`}
                    >
                      {t('common.call')}
                    </a>
                  )}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** One person's card for the volunteer: the allowed facts, "log a contact", and the volunteer's own notes. */
export function MyPersonPage() {
  const { t } = useTranslation('community');
  const { id = '' } = useParams();
  const q = useQuery(myPersonQuery(id));
  usePageTitle(q.data?.fullName ?? t('my.title'));
  if (q.isPending) return <InlineLoader />;
  if (q.isError && !q.data)
    return q.error instanceof ApiError && q.error.status === 404 ? (
      <Note tone="gray" role="alert">
        {t('my.notFound')}
      </Note>
    ) : (
      <ErrorNote error={q.error} onRetry={() => q.refetch()} />
    );
  const p = q.data;
  return (
    <div className="f-stack">
      <Link to="/community/my-people" className="f-small">
        ← {t('common.back')}
      </Link>
      <div className="f-stack-sm" style={{ gap: 4 }}>
        <h1 data-testid="my-person-name">{p.fullName}</h1>
        {p.phone && <a href={`tel:${p.phone}`}>{p.phone}</a>}
        <Facts p={p} />
      </div>
      <Section title={t('log.title')}>
        <Suspense fallback={<InlineLoader />}>
          <LogContactForm personId={p.id} personName={p.fullName} personVersion={p.version} />
        </Suspense>
      </Section>
      <Section title={t('my.notes')}>
        {p.notes.length === 0 ? (
          <p className="f-p f-small f-dim">{t('my.notesEmpty')}</p>
        ) : (
          <ul className="f-list" style={{ gap: '0.5rem' }} data-testid="my-notes">
            {p.notes.map((n) => (
              <li key={n.id}>
                <div className="f-row" style={{ gap: '0.4rem' }}>
                  <span className="f-small f-strong">{formatDate(n.contactDate)}</span>
                  <span className="f-badge">{t(`kind.${n.kind}`)}</span>
                  <span className="f-small">{t(`outcome.${n.outcome}`)}</span>
                </div>
                {n.note && <p className="f-p f-small">{n.note}</p>}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
