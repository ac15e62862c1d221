import { expect, type Page } from '@playwright/test';

export type NewMember = {
  givenName: string;
  relationship: string;
  kind: 'family' | 'friend' | 'professional' | 'other';
  closeness: 'inner' | 'middle' | 'outer';
  email?: string;
  phone?: string;
  channel: 'email' | 'sms' | 'phone' | 'post';
  mayBeInvited: boolean;
};

/** The caseload, a person's page and the forms reached from it. */
export class PersonPages {
  constructor(private readonly page: Page) {}

  async openCaseload() {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await expect(this.page.getByRole('heading', { name: 'People', level: 1 })).toBeVisible();
  }

  async search(name: string) {
    await this.page.getByLabel('Name').fill(name);
    await this.page.getByRole('button', { name: 'Show' }).click();
  }

  fieldError(label: string | RegExp) {
    return this.page
      .locator('.field')
      .filter({ has: this.page.getByLabel(label) })
      .locator('.field-error');
  }

  async addMember(member: NewMember) {
    await this.page.getByRole('link', { name: 'Add someone' }).click();
    await this.page.getByLabel('First name').fill(member.givenName);
    await this.page.getByLabel(/^Relationship to/).selectOption(member.relationship);
    await this.page.getByLabel('Kind').selectOption(member.kind);
    await this.page.getByLabel('How close').selectOption(member.closeness);
    if (member.email) await this.page.getByLabel('Email').fill(member.email);
    if (member.phone) await this.page.getByLabel('Phone').fill(member.phone);
    await this.page.getByLabel('Best way to reach them').selectOption(member.channel);
    await this.page.getByLabel('May be invited to network meetings').setChecked(member.mayBeInvited);
    await this.page.getByRole('button', { name: 'Add to the network' }).click();
    await expect(this.page.getByRole('heading', { name: 'Network', level: 2 })).toBeVisible();
  }

  networkMap() {
    return this.page.getByRole('img', { name: /'s network/ });
  }

  networkList() {
    return this.page.getByRole('list', { name: 'People in the network' });
  }
}
