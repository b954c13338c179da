import fs from 'node:fs';
import { screenshot } from '../support/console-browser';
import type { AidProgrammesContext } from './context';
import { seedCampaignRoster } from './nominations.seed';

// "会员编号,行业" and "建筑业" as Chinese Excel saves them (GBK)
const GBK_HEADER = Buffer.from('bbe1d4b1b1e0bac52cd0d0d2b5', 'hex');
const GBK_BUILDING = Buffer.from('bda8d6fed2b5', 'hex');

/** A campaign's nominated roster (推荐名单) uploaded in the browser: progress, the rejected row, and the cross-check counting the people. */
export function campaignRosterFlows(context: AidProgrammesContext): void {
  it('uploads a GBK nomination roster with one bad row, watches the job finish, sees and downloads the rejected row, and the cross-check counts the people', async () => {
    const seed = await seedCampaignRoster(context.gw, context.adminToken, context.federation);
    const roster = Buffer.concat([
      GBK_HEADER,
      Buffer.from('\r\n'),
      ...seed.memberIds.map((id) => Buffer.concat([Buffer.from(`${id},`), GBK_BUILDING, Buffer.from('\r\n')])),
      Buffer.from('M0000000001,\r\n'), // line 5: a member number, not the member id
    ]);

    const page = await context.signedIn('admin');
    await page.goto(`/aid/campaigns/${seed.campaignId}`);
    await page.getByTestId('campaign-title').getByText(seed.campaignName).waitFor();
    await page.getByTestId('nomination-empty').waitFor();
    await page.locator('#nomination-nominatedBy').fill('渝北区总工会');
    await page.getByTestId('nomination-upload').locator('input[type=file]').setInputFiles({ name: '渝北区推荐名单.csv', mimeType: 'text/csv', buffer: roster });
    await page.getByTestId('nomination-submit').click();
    await page.locator('[data-testid=nomination-progress].ant-progress-status-success').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('nomination-rows').textContent()).toBe('4 / 4');
    expect(await page.getByTestId('nomination-accepted').locator('.ant-statistic-content-value').textContent()).toBe('3');
    expect(await page.getByTestId('nomination-rejected').locator('.ant-statistic-content-value').textContent()).toBe('1');
    const rejected = page.getByTestId('nomination-rejections').locator('tbody tr');
    expect(await rejected.count()).toBe(1);
    expect(await rejected.first().textContent()).toContain('5');
    expect(await rejected.first().textContent()).toContain('会员编号“m0000000001”无效');
    await screenshot(page, 'aid-campaign-roster');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('nomination-download-rejected').click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(download.suggestedFilename()).toBe('渝北区推荐名单-未通过.csv');
    expect(csv.startsWith('\ufeff"行号","字段","原因"')).toBe(true);
    expect(csv).toContain('"5","memberId"');

    await page.getByTestId('campaign-cross-check').click();
    await page.getByTestId('cross-check-listed').getByText('3', { exact: true }).waitFor();
    await page.context().close();
  });
}
