import fs from 'node:fs';
import { fieldError, pickOption, screenshot } from '../support/console-browser';
import type { AidProgrammesContext } from './context';
import { seedDistribution } from './distribution.seed';

/** A campaign's in-kind distribution list (实物发放清单) in the browser: confirmed, one handover (签收) recorded, progress. */
export function campaignDistributionFlows(context: AidProgrammesContext): void {
  it('confirms an items-only campaign into the distribution list, records one handover by a proxy (a future date refused on its field), and shows the progress 1/3', async () => {
    const seed = await seedDistribution(context.gw, context.adminToken, context.federation);
    const page = await context.signedIn('admin');
    await page.goto(`/aid/campaigns/${seed.campaignId}`);
    await page.getByTestId('campaign-title').getByText(seed.campaignName).waitFor();
    // goods only: the standard shows the items, and no money figure is shown
    await page.getByTestId('campaign-items').getByText('米 10公斤、油 5升').waitFor();
    expect(await page.getByText('已确认金额（元）').count()).toBe(0);
    await page.getByTestId('campaign-confirm').click();
    await page.getByTestId('distribution-progress').getByText('0/3', { exact: true }).waitFor();
    expect(await page.getByTestId('distribution-lines').locator('tbody tr.ant-table-row').count()).toBe(3);

    const [first] = seed.memberIds;
    await page.getByTestId(`handover-${first}`).click();
    const dialog = page.getByTestId('handover-modal');
    await dialog.getByLabel('代领', { exact: true }).check();
    await page.locator('#handover-proxyName').fill('刘桂兰');
    await pickOption(page, 'handover-proxyRelation', '配偶');
    // the API refuses a day after today; its message shows on the date field and nothing typed is lost
    await page.locator('#handover-deliveredOn').fill(`${new Date().getUTCFullYear() + 1}-01-01`);
    await dialog.getByRole('button', { name: /OK|确/ }).click();
    await fieldError(page, 'handover-deliveredOn')
      .getByText(/不能晚于今天/)
      .waitFor();
    expect(await page.locator('#handover-proxyName').inputValue()).toBe('刘桂兰');
    await page.locator('#handover-deliveredOn').fill(new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10));
    await dialog.getByRole('button', { name: /OK|确/ }).click();

    await page.getByTestId('distribution-progress').getByText('1/3', { exact: true }).waitFor();
    const row = page.getByTestId('distribution-lines').locator('tbody tr', { has: page.locator(`[data-member-id="${first}"]`) });
    await row.getByText('已签收').waitFor();
    expect(await row.textContent()).toContain('代领：刘桂兰（配偶）');
    // the paper sign sheet carries the members' names (from membership), their items and a column to sign
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('distribution-sign-sheet').click()]);
    const sheet = fs.readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(sheet[0]).toBe('"序号","姓名","会员编号","发放物品","状态","签收日期","签收人签字"');
    expect(sheet).toHaveLength(4);
    for (const name of seed.memberNames) expect(sheet.some((row) => row.includes(`"${name}"`) && row.includes('"米 10公斤、油 5升"'))).toBe(true);
    expect(sheet.filter((row) => row.includes('"已签收"'))).toHaveLength(1);
    await page.getByTestId('distribution').evaluate((card) => card.scrollIntoView({ block: 'start' }));
    // the 已保存 notices fade out before the picture is taken
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(page, 'aid-campaign-distribution');
    await page.context().close();
  });
}
