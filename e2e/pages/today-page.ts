import { expect, type Page } from '@playwright/test';

export class TodayPage {
  constructor(private readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { name: 'Today', level: 1 });
  }

  meetings() {
    return this.page.locator('li.meeting');
  }

  async expectLoaded() {
    await expect(this.page).toHaveURL(/\/today$/);
    await expect(this.heading()).toBeVisible();
  }

  async signOut() {
    await this.page.getByRole('button', { name: 'Sign out' }).click();
  }
}
