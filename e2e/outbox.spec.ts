import { demo, expect, test } from './fixtures';
import { OutboxPage } from './pages/outbox-page';

test.describe('the outbox', () => {
  test('with no mail server, staff see the waiting invitation and copy its link for a text message', async ({
    page,
    context,
    signInPage,
    todayPage,
    expectAccessible,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signInPage.goto();
    await signInPage.signIn(demo.practitioner, demo.password);
    await todayPage.expectLoaded();

    const outbox = new OutboxPage(page);
    await outbox.open();
    await expect(page.getByText('No mail server is configured, so email is not sent')).toBeVisible();
    const message = outbox
      .messages()
      .filter({ hasText: 'Waiting: no mail server configured' })
      .filter({ hasText: 'Invitation: a meeting on' })
      .first();
    await expect(message.getByRole('heading', { level: 2 })).toContainText('Invitation: a meeting on');
    await expect(message).toContainText(/@example\.net/);

    const field = outbox.linkField(message);
    await expect(field).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
    await expect(field).toHaveAttribute('readonly', '');
    const link = await field.inputValue();
    await expectAccessible(page);

    await message.getByRole('button', { name: 'Copy link' }).click();
    await expect(message.getByRole('button', { name: 'Copied' })).toBeVisible();
    await expect(message.getByRole('status')).toHaveText('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    // The whole message is there to read, as it would be emailed.
    await message.getByText('The message as written').click();
    await expect(message).toContainText('This link is personal to you');

    await outbox.show('Failed');
    await expect(page).toHaveURL(/\/outbox\?show=failed$/);
    await expect(page.getByText('No messages with this status.')).toBeVisible();
    await expectAccessible(page);
  });
});
