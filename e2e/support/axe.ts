import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export type AxeFinding = { id: string; impact: string | null | undefined; help: string; targets: string[] };

/** Runs axe (WCAG 2.x A/AA rules) on the page; returns the serious and critical findings, logs the rest. */
export async function seriousViolations(page: Page, name: string): Promise<AxeFinding[]> {
  // A dialog still fading in has translucent text, which axe reports as low contrast: on a loaded
  // machine the check can start mid-transition. Let every running CSS transition/animation finish.
  await page.evaluate(() => {
    const finite = document
      .getAnimations()
      .filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime ?? Number.POSITIVE_INFINITY));
    const done = Promise.all(finite.map((a) => a.finished.catch(() => undefined)));
    return Promise.race([done, new Promise((r) => setTimeout(r, 3000))]);
  });
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  const all = violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
  const minor = all.filter((v) => v.impact !== 'serious' && v.impact !== 'critical');
  if (minor.length) console.info(`axe (${name}): minor/moderate findings`, JSON.stringify(minor, null, 1));
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
