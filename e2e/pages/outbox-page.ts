import { expect, type Locator, type Page } from '@playwright/test';

export class OutboxPage {
  constructor(private readonly page: Page) {}

  navLink() {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Outbox' });
  }

  async open() {
    await this.navLink().click();
    await expect(this.page).toHaveURL(/\/outbox$/);
    await expect(this.page.getByRole('heading', { name: 'Outbox', level: 1 })).toBeVisible();
  }

  messages(): Locator {
    return this.page.getByRole('list', { name: 'Messages, newest first' }).getByRole('article');
  }

  linkField(message: Locator): Locator {
    return message.getByRole('textbox', { name: 'Link in this message' });
  }

  async show(status: 'All messages' | 'Waiting' | 'Failed' | 'Sent') {
    await this.page.getByLabel('Showing').selectOption({ label: status });
    await this.page.getByRole('button', { name: 'Show' }).click();
  }
}
