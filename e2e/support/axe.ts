import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export type AxeFinding = { id: string; impact: string | null | undefined; help: string; targets: string[] };

/** Runs axe (WCAG 2.x A/AA rules) on the page; returns the serious and critical findings, logs the rest. */
export async function seriousViolations(page: Page, name: string): Promise<AxeFinding[]> {
  // A dialog still fading in has translucent text, which axe reports as low contrast: on a loaded
  // machine the check can start mid-transition, or before the transition has even started (Mantine
  // starts it a frame after mounting). Wait two frames, let every finite animation finish, and repeat
  // until two frames pass with none running (at most 5 s).
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline) {
      await frame();
      const running = document
        .getAnimations()
        .filter(
          (a) =>
            a.playState === 'running' &&
            Number.isFinite(a.effect?.getComputedTiming().endTime ?? Number.POSITIVE_INFINITY),
        );
      if (running.length === 0) return;
      const left = Math.max(0, deadline - Date.now());
      await Promise.race([
        Promise.all(running.map((a) => a.finished.catch(() => undefined))),
        new Promise((r) => setTimeout(r, left)),
      ]);
    }
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
