import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { SignInPage } from './pages/sign-in-page';
import { TodayPage } from './pages/today-page';

export const demo = {
  practitioner: 'alex.morgan@example.org',
  admin: 'jo.whitfield@example.org',
  password: 'open-dialogue-demo',
  /**
   * The first day from now on which the demo practitioners are free of demo meetings and
   * absences: the seed books nothing more than DEMO_DAYS_AHEAD (28) days ahead of the day it runs
   * (lib/demo/seed.ts, checked in its integration test), plus a margin for a run that crosses midnight.
   */
  clearFromDay: 31,
};

type Fixtures = {
  signInPage: SignInPage;
  todayPage: TodayPage;
  expectAccessible: (page: Page) => Promise<void>;
};

export const test = base.extend<Fixtures>({
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
  todayPage: async ({ page }, use) => use(new TodayPage(page)),
  expectAccessible: async ({}, use) =>
    use(async (page: Page) => {
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      ).toEqual([]);
    }),
});

export { expect };
