import type { Area } from '../../app/area.ts';

/** Navigation, routes and landing page of this area (see app/area.ts). */
export const communityArea: Area = {
  nav: () => [],
  routes: () => null,
};
