import { expect, type Locator, type Page } from '@playwright/test';

/** Administration: the overview, teams and the practitioners list. */
export class AdminPage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/admin');
    await expect(this.page.getByRole('heading', { name: 'Administration', level: 1 })).toBeVisible();
  }

  navLink() {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Administration' });
  }

  async openTeams() {
    await this.page.getByRole('link', { name: 'See all teams' }).click();
    await expect(this.page.getByRole('heading', { name: 'Teams', level: 1 })).toBeVisible();
  }

  async openPractitioners() {
    await this.page.goto('/admin/practitioners');
    await expect(this.page.getByRole('heading', { name: 'Practitioners', level: 1 })).toBeVisible();
  }

  practitionerRow(name: string): Locator {
    return this.page.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  async openPractitioner(name: string) {
    await this.openPractitioners();
    await this.practitionerRow(name).getByRole('link', { name, exact: true }).click();
    await expect(this.page.getByRole('heading', { name, level: 1 })).toBeVisible();
  }
}

/** Adding a team, or changing one. */
export class TeamFormPage {
  constructor(private readonly page: Page) {}

  async fill(values: { name: string; timeZone?: string; travel?: string }) {
    await this.page.getByLabel('Team name').fill(values.name);
    if (values.timeZone) await this.page.getByLabel('Time zone').selectOption(values.timeZone);
    if (values.travel !== undefined) await this.page.getByLabel('Travel time (minutes)').fill(values.travel);
  }

  async submit(label: string) {
    await this.page.getByRole('button', { name: label }).click();
  }

  errorBeside(label: string) {
    return fieldError(this.page, label);
  }
}

/** The error shown beside a labelled field (the field points at it with aria-describedby). */
export function fieldError(page: Page, label: string): Locator {
  const field = page.getByLabel(label, { exact: true });
  return page.locator('.field').filter({ has: field }).locator('.field-error');
}

/** Inviting a practitioner, and the one-time link it shows. */
export class InvitePage {
  constructor(private readonly page: Page) {}

  async goto() {
    await this.page.goto('/admin/practitioners/invite');
    await expect(this.page.getByRole('heading', { name: 'Invite a practitioner', level: 1 })).toBeVisible();
  }

  async invite(values: { name: string; email: string; discipline: string; team: string }) {
    await this.page.getByLabel('Full name').fill(values.name);
    await this.page.getByLabel('Email address').fill(values.email);
    await this.page.getByLabel('Discipline').selectOption({ label: values.discipline });
    await this.page.getByRole('group', { name: 'Teams' }).getByLabel(values.team).check();
    await this.page.getByRole('button', { name: 'Invite and make a link' }).click();
  }

  async link(): Promise<string> {
    const field = this.page.getByLabel('Set-password link');
    await expect(field).toBeVisible();
    return field.inputValue();
  }
}

/** The public page reached by the one-time link. */
export class WelcomePage {
  constructor(private readonly page: Page) {}

  async choosePassword(password: string, again = password) {
    await this.page.getByLabel('New password').fill(password);
    await this.page.getByLabel('Type it again').fill(again);
    await this.page.getByRole('button', { name: 'Save password' }).click();
  }
}

/** A practitioner's weekly working pattern. */
export class WorkingPatternPage {
  constructor(private readonly page: Page) {}

  async expectLoaded(name: string) {
    await expect(this.page.getByRole('heading', { name: `${name}’s working pattern`, level: 1 })).toBeVisible();
  }

  from(day: string, row = 1) {
    return this.page.getByLabel(row === 1 ? `${day} from` : `${day} from (${row})`, { exact: true });
  }

  until(day: string, row = 1) {
    return this.page.getByLabel(row === 1 ? `${day} until` : `${day} until (${row})`, { exact: true });
  }

  async addTime(day: string) {
    await this.page.getByRole('button', { name: `Add another time on ${day}` }).click();
  }

  async save() {
    await this.page.getByRole('button', { name: 'Save working pattern' }).click();
  }
}

/** A practitioner's absences: the list, and the form to add one. */
export class AbsencesPage {
  constructor(private readonly page: Page) {}

  async expectLoaded(name: string) {
    await expect(this.page.getByRole('heading', { name: `${name}’s absences`, level: 1 })).toBeVisible();
  }

  async add(values: { reason: string; firstDay: string; lastDay: string; note?: string }) {
    await this.page.getByLabel('Reason').selectOption({ label: values.reason });
    await this.page.getByLabel('First day away').fill(values.firstDay);
    await this.page.getByLabel('Last day away').fill(values.lastDay);
    if (values.note !== undefined) await this.page.getByLabel('Note').fill(values.note);
    await this.page.getByRole('button', { name: 'Add absence' }).click();
  }

  rows() {
    return this.page.getByRole('table').getByRole('row');
  }
}
