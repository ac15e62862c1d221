import { expect, type Page } from '@playwright/test';

/** The week calendar: my week or the team's, moved by week. */
export class CalendarPage {
  constructor(private readonly page: Page) {}

  async open(query = '') {
    await this.page.goto(`/calendar${query}`);
    await expect(this.page.getByRole('heading', { level: 1, name: /^(My|Team) week$/ })).toBeVisible();
  }

  weekLink(name: 'Previous week' | 'This week' | 'Next week') {
    return this.page.getByRole('navigation', { name: 'Weeks' }).getByRole('link', { name });
  }

  viewLink(name: 'My week' | 'Team week') {
    return this.page.getByRole('navigation', { name: 'Whose week' }).getByRole('link', { name });
  }

  /** The day marked as today (aria-current="date"). */
  today() {
    return this.page.locator('[aria-current="date"]');
  }

  /** A day of the week shown, by its yyyy-MM-dd key. */
  day(key: string) {
    return this.page.locator(`section[aria-labelledby="day-${key}"]`);
  }

  /** One practitioner's entries on a day of the team week. */
  cell(key: string, practitioner: string) {
    return this.day(key)
      .locator('.team-week-cell')
      .filter({ has: this.page.getByRole('heading', { name: practitioner, exact: true }) });
  }
}
