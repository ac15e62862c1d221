import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
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
      // After a server action React re-renders the page and puts its <title> back a moment later;
      // check the page as it settles, not in that gap (a page that never gets a title still fails here).
      await expect(page).toHaveTitle(/\S/);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
        .analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
      ).toEqual([]);
    }),
});

export { expect };

/**
 * The app instance on the PostgreSQL database (E2E_DATABASE_URL), where a test may make with SQL
 * what the app cannot (meetings in the past), and a signed-in page on it in a context of its own.
 */
export const postgresApp = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1}`;

export async function signedInOnPostgres(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`${postgresApp}/sign-in`);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(demo.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${postgresApp}/today`);
  return page;
}
