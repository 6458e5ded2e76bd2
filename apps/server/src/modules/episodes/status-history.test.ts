import type { Episode } from '@hoanhap/domain/episode-types';
import { describe, expect, it } from 'vitest';
import { statusHistoryOf } from './person-status.ts';

// The dated status history is derived by the rule of today's status on every day a fact starts or ends (or the
// day after): each span is what derivePersonStatus gives on its days.

const ep = (
  over: Partial<Episode> & Pick<Episode, 'type' | 'start'>,
): { ep: Episode; facilityId: string | null } => ({
  ep: { end: null, plannedEnd: null, outcome: null, ...over },
  facilityId: null,
});
const spans = (h: ReturnType<typeof statusHistoryOf>) => h.map((s) => [s.status, s.from, s.to]);

describe('statusHistoryOf', () => {
  it('a recorded person, determined addicted, in compulsory rehab, then under post-rehab management', () => {
    const h = statusHistoryOf({
      episodes: [
        {
          ...ep({ type: 'compulsory', start: '2024-01-10', end: '2024-12-31', outcome: 'completed' }),
          facilityId: 'f1',
        },
        ep({ type: 'post_rehab', start: '2025-01-01', plannedEnd: '2025-12-31' }),
      ],
      determinations: [{ on: '2023-12-20', addicted: true }],
      relapses: [],
      since: '2023-12-01',
      today: '2026-03-01',
    });
    expect(spans(h)).toEqual([
      ['registered', '2023-12-01', '2023-12-20'],
      ['addicted', '2023-12-20', '2024-01-10'],
      ['compulsory_rehab', '2024-01-10', '2025-01-01'],
      ['post_rehab', '2025-01-01', '2026-01-01'],
      ['completed', '2026-01-01', null],
    ]);
    expect(h[2]!.facility).toBe('f1');
    expect(h[3]!.facility).toBeNull();
  });

  it('open-ended therapy: no span starts after today (nor on a far-future sentinel)', () => {
    const h = statusHistoryOf({
      episodes: [ep({ type: 'substitution_therapy', start: '2025-03-01' })],
      determinations: [],
      relapses: [],
      since: '2025-02-01',
      today: '2025-06-30',
    });
    expect(spans(h)).toEqual([
      ['registered', '2025-02-01', '2025-03-01'],
      ['substitution_therapy', '2025-03-01', null],
    ]);
  });

  it('a relapse stays the status until a response starts; quitting leaves the addiction; a later finding of no addiction counts from its day', () => {
    const h = statusHistoryOf({
      episodes: [
        ep({ type: 'voluntary_community', start: '2025-05-01', end: '2025-10-31', outcome: 'quit' }),
      ],
      determinations: [
        { on: '2025-01-15', addicted: true },
        { on: '2025-12-01', addicted: false },
      ],
      relapses: ['2025-04-01'],
      since: '2025-01-01',
      today: '2026-01-15',
    });
    expect(spans(h)).toEqual([
      ['registered', '2025-01-01', '2025-01-15'],
      ['addicted', '2025-01-15', '2025-04-01'],
      ['relapsed', '2025-04-01', '2025-05-01'],
      ['community_rehab', '2025-05-01', '2025-11-01'],
      ['addicted', '2025-11-01', '2025-12-01'],
      ['registered', '2025-12-01', null],
    ]);
  });
});
