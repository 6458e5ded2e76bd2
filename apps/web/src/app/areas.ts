import { auditArea } from '../features/audit/area.tsx';
import { communityArea } from '../features/community/area.tsx';
import { facilityOpsArea } from '../features/facility-ops/area.tsx';
import { importsArea } from '../features/imports/area.tsx';
import { pathwaysArea } from '../features/pathways/area.tsx';
import { reportsArea } from '../features/reports/area.tsx';
import { securityArea } from '../features/security/area.tsx';
import { systemArea } from '../features/system/area.tsx';
import type { Area } from './area.ts';

/** The feature areas in landing-page priority order (the first whose `home` answers wins). */
export const AREAS: Area[] = [
  communityArea,
  facilityOpsArea,
  pathwaysArea,
  reportsArea,
  importsArea,
  securityArea,
  auditArea,
  systemArea,
];
