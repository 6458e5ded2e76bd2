import type { ComponentType } from 'react';
import { can } from '../../api/session.ts';
import type { Area } from '../../app/area.ts';
import { guardedRoute } from '../../app/guard.tsx';
import { lazyNamed } from '../../app/lazy-named.ts';
import { currentLang } from '../../i18n/i18n.ts';

// Pages load on demand (the first download stays small); texts in the 'community' namespace load with them.
const MyPeoplePage = lazyNamed(() => import('./my-people-page.tsx'), 'MyPeoplePage');
const MyPersonPage = lazyNamed(() => import('./my-people-page.tsx'), 'MyPersonPage');
const MyTasksPage = lazyNamed(() => import('./my-tasks-page.tsx'), 'MyTasksPage');
const TeamPage = lazyNamed(() => import('./team-page.tsx'), 'TeamPage');
const AssignmentsPage = lazyNamed(() => import('./assignments-page.tsx'), 'AssignmentsPage');
const ActivitiesPage = lazyNamed(() => import('./activities-page.tsx'), 'ActivitiesPage');
const ClubsPage = lazyNamed(() => import('./clubs-page.tsx'), 'ClubsPage');
const ClubPage = lazyNamed(() => import('./clubs-page.tsx'), 'ClubPage');
const PartnersPage = lazyNamed(() => import('./partners-page.tsx'), 'PartnersPage');
const ContactsPage = lazyNamed(() => import('./contacts-page.tsx'), 'ContactsPage');
const TrainingPage = lazyNamed(() => import('./training-page.tsx'), 'TrainingPage');

// Nav labels are needed before any community page loads: kept here, both languages, keyed by the UI language.
const NAV: Record<string, Record<'vi' | 'en', string>> = {
  myPeople: { vi: 'Người tôi giúp đỡ', en: 'My people' },
  myTasks: { vi: 'Việc của tôi', en: 'My tasks' },
  team: { vi: 'Đội tình nguyện', en: 'Volunteer team' },
  assignments: { vi: 'Phân công giúp đỡ', en: 'Assignments' },
  activities: { vi: 'Hoạt động của đội', en: 'Team activities' },
  contacts: { vi: 'Nhật ký liên hệ', en: 'Contact log' },
  clubs: { vi: 'Câu lạc bộ', en: 'Clubs' },
  partners: { vi: 'Đối tác, giới thiệu', en: 'Partners, referrals' },
  training: { vi: 'Tập huấn', en: 'Training' },
};

const PAGES: { path: string; action: string; Page: ComponentType }[] = [
  { path: '/community/my-people', action: 'community.mine', Page: MyPeoplePage },
  { path: '/community/my-people/:id', action: 'community.mine', Page: MyPersonPage },
  { path: '/community/my-tasks', action: 'community.mine', Page: MyTasksPage },
  { path: '/community/team', action: 'community.read', Page: TeamPage },
  { path: '/community/assignments', action: 'community.read', Page: AssignmentsPage },
  { path: '/community/activities', action: 'community.read', Page: ActivitiesPage },
  { path: '/community/contacts', action: 'community.read', Page: ContactsPage },
  { path: '/community/clubs', action: 'community.read', Page: ClubsPage },
  { path: '/community/clubs/:id', action: 'community.read', Page: ClubPage },
  { path: '/community/partners', action: 'community.read', Page: PartnersPage },
  { path: '/community/training', action: 'community.read', Page: TrainingPage },
];

/** Navigation, routes and landing page of this area (see app/area.ts). */
export const communityArea: Area = {
  nav: () => {
    const lang = currentLang();
    const item = (key: string, to: string, action: string) => ({ to, label: NAV[key][lang], action });
    return [
      item('myPeople', '/community/my-people', 'community.mine'),
      item('myTasks', '/community/my-tasks', 'community.mine'),
      item('team', '/community/team', 'community.read'),
      item('assignments', '/community/assignments', 'community.read'),
      item('activities', '/community/activities', 'community.read'),
      item('contacts', '/community/contacts', 'community.read'),
      item('clubs', '/community/clubs', 'community.read'),
      item('partners', '/community/partners', 'community.read'),
      item('training', '/community/training', 'community.read'),
    ];
  },
  routes: (me) => PAGES.map((p) => guardedRoute(me, p.path, p.action, p.Page)),
  // Volunteers land on their people; everyone else lets the next area decide.
  home: (me) => (can(me, 'community.mine') ? '/community/my-people' : null),
};
