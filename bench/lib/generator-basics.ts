import { type RegimeRules, rulesOn } from '@hoanhap/domain/legal-regimes';
import type { ServiceStats } from './generator-services.ts';

// What the generator's parts share: its options and figures, the seeded random source, the rules in force
// (cached per day) and the scales' sizes.

export type Scale = 'commune' | 'province' | 'national';

export interface GenOptions {
  scale: Scale;
  seed: number;
  /** The "today" of the generated world (Vietnam date); default today. */
  asOf: string;
  /** Explicit communes and sizes (tests); overrides the scale's choice. */
  communes?: { code: string; size: number }[];
  /** Province of the province scale (default '01', Hà Nội). */
  provinceCode?: string;
  /** Target number of people (default by scale). */
  people?: number;
  /** Hash of the one password shared by all generated accounts. */
  passwordHash: string;
  log?: (s: string) => void;
}

export interface GenStats {
  scale: Scale;
  seed: number;
  asOf: string;
  communes: number;
  provinces: number;
  people: number;
  users: number;
  facilities: number;
  episodes: number;
  episodesByType: Record<string, number>;
  drugTests: number;
  determinations: number;
  contacts: number;
  counsellingSessions: number;
  counsellingParticipants: number;
  tasks: number;
  volunteerAssignments: number;
  /** Facility stays and community support (generator-services.ts). */
  services: ServiceStats;
  /**
   * Tests + determinations + episodes + contacts + counselling participations + tasks + facility events and
   * stages + volunteers' contacts.
   */
  events: number;
  /** Acts the rules refused during simulation (not written). */
  refused: number;
  byStatus: Record<string, number>;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  accounts: { role: string; username: string; scopeKind: string; scopeCode: string | null }[];
}

// --- deterministic randomness (sfc32) ---
export function prng(seed: number) {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ (seed * 31);
  let c = 0xb7e15162;
  let d = 1;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 20; i++) next();
  const r = {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
    chance: (p: number) => next() < p,
    normal: () => {
      const u = Math.max(next(), 1e-12);
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    uuid: () => {
      const h = (n: number) =>
        Math.floor(next() * 16 ** n)
          .toString(16)
          .padStart(n, '0');
      return `${h(8)}-${h(4)}-4${h(3)}-${'89ab'[Math.floor(next() * 4)]}${h(3)}-${h(6)}${h(6)}`;
    },
  };
  return r;
}
export type Rng = ReturnType<typeof prng>;

const rulesCache = new Map<string, RegimeRules>();
export function rules(date: string): RegimeRules {
  let r = rulesCache.get(date);
  if (!r) {
    r = rulesOn(date);
    rulesCache.set(date, r);
  }
  return r;
}

export const TARGET: Record<Scale, number> = { national: 225_000, province: 7_000, commune: 400 };
export const COMMUNE_SCALE_CODES = ['00004', '00008', '06652'];
export const BENCH_USER = 'bench';
export const at = (date: string, hour = 3) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
export const minD = (a: string, b: string) => (a < b ? a : b);

export type Unit = { code: string; province_code: string; name: string };
