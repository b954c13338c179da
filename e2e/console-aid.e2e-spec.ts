import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RunningSystem } from '@gonghui/infra';
import { http } from '@gonghui/testing';
import { login, ownDatabase, startE2ESystem } from './support/system';
import { seedConsoleFederation } from './support/console-seed';
import { seedAidDesk, type AidDeskSeed } from './support/console-aid-seed';
import { fieldError, launchChromium, logIn, newConsolePage, pickOption, screenshot } from './support/console-browser';

/**
 * The console's aid pages (困难帮扶) in a real browser against the whole system: an application
 * moved through every stage by the 渝北区 officer, down to the bank's file and its result; the
 * hardship file's visit, grade and review; budgets and their ledger; the home dashboard.
 */
describe('the console’s aid pages in a browser', () => {
  let system: RunningSystem;
  let gw: string;
  let browser: Browser;
  let adminToken: string;
  let desk: AidDeskSeed;

  beforeAll(async () => {
    const url = await ownDatabase('console_aid');
    ({ system, gw } = await startE2ESystem(url));
    adminToken = (await login(gw)).body.accessToken;
    const federation = await seedConsoleFederation(gw, adminToken);
    desk = await seedAidDesk(gw, adminToken, federation.yubeiUnionId);
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  async function signedIn(username: string, device: 'office' | 'phone' = 'office'): Promise<Page> {
    const { page } = await newConsolePage(browser, gw, device);
    await page.goto('/');
    await logIn(page, username);
    return page;
  }
  const modal = (page: Page) => page.locator('.ant-modal-wrap:visible');
  /** Click a stage action, fill its dialog, send it. */
  async function act(page: Page, action: string, fill: () => Promise<void> = async () => undefined): Promise<void> {
    await page.getByTestId(`action-${action}`).click();
    await modal(page).waitFor();
    await fill();
    await modal(page).locator('.ant-modal-footer .ant-btn-primary').click();
  }
  async function stageIs(page: Page, label: string): Promise<void> {
    await page.getByTestId('application-stage').filter({ hasText: label }).waitFor();
    await modal(page).waitFor({ state: 'hidden' });
  }
  const chinaDate = (daysAgo = 0) => new Date(Date.now() + 8 * 3600_000 - daysAgo * 86_400_000).toISOString().slice(0, 10);

  it('moves an aid application through its stages: submitted → … → approved → paid through the bank file → followed up', async () => {
    const page = await signedIn('yubei.officer');
    // Submit for the member's hardship file, from the file's page.
    await page.goto(`/aid/hardship-files/${desk.fileId}`);
    await page.getByTestId('file-apply').click();
    await page.waitForURL(/\/aid\/applications\/new\?fileId=/);
    await pickOption(page, 'app-kind', '医疗救助');
    await page.locator('#app-amount').fill('8000');
    await page.locator('#app-reason').fill('配偶住院治疗，医保报销后自付部分负担较重');
    await page.getByTestId('add-document').click();
    await page.getByPlaceholder('材料名称').fill('住院费用清单');
    await page.getByTestId('application-submit').click();
    await page.waitForURL(/\/aid\/applications\/[0-9a-f-]{36}$/);
    const applicationId = page.url().split('/').pop()!;
    await stageIs(page, '已受理');
    // The applicant by name, where the console used to show the first 8 characters of the member id.
    const applicant = page.locator(`[data-member-id="${desk.memberId}"]`);
    await applicant.filter({ hasText: desk.memberName }).waitFor();
    expect(await applicant.textContent()).toBe(desk.memberName);

    await act(page, 'review', () => page.locator('#act-opinion').fill('材料齐全，同意入户调查'));
    await stageIs(page, '已初审');
    await act(page, 'investigate', async () => {
      await page.locator('#act-investigator').fill('王芳、李强');
      await page.locator('#act-findings').fill('经入户核实，家庭无其他收入来源，情况属实');
    });
    await stageIs(page, '已入户调查');
    // A one-day notice that began three days ago has run its course.
    await act(page, 'start-notice', async () => {
      await page.locator('#act-days').fill('1');
      await page.locator('#act-startsOn').fill(chinaDate(3));
    });
    await stageIs(page, '公示中');

    // Someone else closes the notice meanwhile: this page's button now gets the API's 409, naming the stage.
    expect((await http('POST', `${gw}/api/v1/aid/applications/${applicationId}/close-notice`, { token: adminToken, body: {} })).status).toBe(200);
    await act(page, 'close-notice');
    const conflict = modal(page).locator('.ant-alert-error');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('公示期满');
    await modal(page).locator('.ant-modal-footer .ant-btn').first().click();
    await page.reload();
    await stageIs(page, '公示期满');

    // More votes than attendees: the API's error shows on the votes field, and what was typed stays.
    await act(page, 'decide', async () => {
      await page.locator('#act-meeting').fill('渝北区总工会2026年第12次主席办公会');
      await page.locator('#act-attendees').fill('张明、李华、王芳');
      await page.locator('#act-votesFor').fill('5');
    });
    await fieldError(page, 'act-votesFor').waitFor();
    expect(await fieldError(page, 'act-votesFor').textContent()).toMatch(/[\u4e00-\u9fa5]/);
    expect(await page.locator('#act-meeting').inputValue()).toBe('渝北区总工会2026年第12次主席办公会');
    await page.locator('#act-votesFor').fill('3');
    await modal(page).locator('.ant-modal-footer .ant-btn-primary').click();
    await stageIs(page, '已集体研究');

    await act(page, 'approve', () => pickOption(page, 'act-budgetId', desk.districtBudgetName));
    await stageIs(page, '已批准');
    expect(await page.getByTestId('approved-amount').textContent()).toBe('¥8,000.00');
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'aid-application');

    // Disbursement: a batch of the district budget, the bank file, the bank's result.
    await page.goto('/aid/payment-batches');
    await page.getByTestId('new-batch').click();
    await modal(page).waitFor();
    await pickOption(page, 'batch-budgetId', desk.districtBudgetName);
    await modal(page).locator('.ant-modal-footer .ant-btn-primary').click();
    await page.waitForURL(/\/aid\/payment-batches\/[0-9a-f-]{36}$/);
    await page.getByTestId('batch-pending').filter({ hasText: '1' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const exported = fs.readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/);
    expect(exported[0]).toBe('reference,accountName,accountNumber,bankName,amountYuan,memo');
    expect(exported).toHaveLength(2);
    const reference = exported[1].split(',')[0];
    expect(exported[1]).toContain('8000.00');

    const result = path.join(os.tmpdir(), `bank-result-${process.pid}.csv`);
    fs.writeFileSync(result, `reference,status,bankReference,reason\n${reference},paid,ICBC20261126000123,\n`);
    await page.locator('input[type=file]').setInputFiles(result);
    await page.locator('[data-testid=import-bar].ant-progress-status-success').waitFor();
    expect(await page.getByTestId('import-result').textContent()).toContain('1');
    await page.getByTestId('batch-paid').filter({ hasText: '1' }).waitFor();
    await page.getByTestId('instructions').getByText('ICBC20261126000123').waitFor();
    await screenshot(page, 'aid-batch');
    fs.rmSync(result, { force: true });

    // The follow-up visit after payment closes the loop; every step is on the page.
    await page.goto(`/aid/applications/${applicationId}`);
    await stageIs(page, '已发放');
    await act(page, 'follow-up', async () => {
      await page.locator('#act-useOfAid').fill('已用于支付住院自付费用');
      await pickOption(page, 'act-situation', '好转');
    });
    await stageIs(page, '已回访');
    const steps = page.getByTestId('application-steps');
    for (const step of ['受理', '初审', '入户调查', '开始公示', '结束公示', '集体研究', '批准', '发放', '回访']) await steps.getByText(step, { exact: true }).first().waitFor();
    expect(await page.getByTestId('application-actions').getByRole('button').count()).toBe(0);

    // The work queue: the application under its stage's tab, none under 已受理.
    await page.goto('/aid/applications?stage=followed-up');
    await page.getByTestId('applications').locator('tbody tr.ant-table-row').first().waitFor();
    expect(await page.getByTestId('applications').locator('tbody tr.ant-table-row').count()).toBe(1);
    await page.getByTestId('applications').locator(`tbody tr.ant-table-row [data-member-id="${desk.memberId}"]`).filter({ hasText: desk.memberName }).waitFor();
    await screenshot(page, 'aid-applications');
    await page.getByTestId('stage-tabs').getByText('已受理', { exact: true }).click();
    await page.getByTestId('applications').locator('.ant-empty-description').waitFor();

    // In English, the same page speaks English.
    await page.getByTestId('language').click();
    await page.goto(`/aid/applications/${applicationId}`);
    await page.getByTestId('application-stage').filter({ hasText: 'Followed up' }).waitFor();
    await page.getByTestId('language').click();
    await page.context().close();
  }, 300_000);

  it('a hardship file: a further visit, a new grade, the annual review (once a year), and its budget’s ledger', async () => {
    const page = await signedIn('yubei.officer');
    await page.goto('/aid/hardship-files');
    await page.getByTestId('hardship-files').locator('tbody tr.ant-table-row').first().click();
    await page.waitForURL(/\/aid\/hardship-files\/[0-9a-f-]{36}$/);
    await page.getByTestId('file-title').filter({ hasText: '深度困难' }).waitFor();

    await page.getByTestId('file-visit').click();
    await modal(page).waitFor();
    await page.locator('#visit-notes').fill('配偶病情稳定，孩子已返校');
    await modal(page).locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('file-visits').locator('tbody tr.ant-table-row').first().waitFor();

    await page.getByTestId('file-grade').click();
    await modal(page).waitFor();
    await pickOption(page, 'grade-grade', '相对困难');
    await modal(page).locator('.ant-modal-footer .ant-btn-primary').click();
    await page.getByTestId('file-title').filter({ hasText: '相对困难' }).waitFor();

    for (const attempt of [1, 2]) {
      await page.getByTestId('file-review').click();
      await modal(page).waitFor();
      await pickOption(page, 'review-decision', '继续保留');
      await modal(page).locator('.ant-modal-footer .ant-btn-primary').click();
      if (attempt === 1) await page.getByTestId('file-reviews').locator('tbody tr.ant-table-row').first().waitFor();
    }
    // The second review of the year is refused by the API, its message shown in the dialog.
    await modal(page).locator('.ant-alert-error').waitFor();
    expect(await page.getByTestId('file-reviews').locator('tbody tr.ant-table-row').count()).toBe(1);
    await modal(page).locator('.ant-modal-footer .ant-btn').first().click();
    await screenshot(page, 'aid-hardship-file');

    await page.goto('/aid/budgets');
    await page.getByTestId('chart-budgets').locator('canvas').waitFor();
    await screenshot(page, 'aid-budgets');
    await page.getByTestId('budgets').getByText(desk.districtBudgetName).click();
    await page.getByTestId('budget-title').filter({ hasText: desk.districtBudgetName }).waitFor();
    // The allocation, the reservation and the spending of the first test, oldest first.
    const ledger = page.getByTestId('ledger');
    await ledger.getByText('下达', { exact: true }).waitFor();
    for (const kind of ['预留', '支出']) await ledger.getByText(kind, { exact: true }).waitFor();
    expect(await page.getByTestId('budget-aidSpent').textContent()).toContain('8,000.00');
    await screenshot(page, 'aid-budget');
    await page.context().close();
  });

  it('a campaign (专项行动): set up on the district budget, list the hardship files, cross-check, confirm payment', async () => {
    const page = await signedIn('yubei.officer');
    await page.goto('/aid/campaigns');
    await page.getByTestId('campaigns').locator('.ant-empty-description').waitFor();
    await page.getByTestId('new-campaign').click();
    await modal(page).waitFor();
    await page.locator('#campaign-name').fill('渝北区两节送温暖');
    await pickOption(page, 'campaign-kind', '两节送温暖');
    await pickOption(page, 'campaign-budgetId', desk.districtBudgetName);
    await page.locator('#campaign-endsOn').fill(chinaDate(-30));
    await page.locator('#campaign-cash').fill('500');
    // cash and goods: 500 yuan and a 10-kilo bag of rice each
    await page.getByTestId('campaign-add-item').click();
    await page.locator('#campaign-item-0-name').fill('大米');
    await page.locator('#campaign-item-0-quantity').fill('10');
    await page.locator('#campaign-item-0-unit').fill('公斤');
    await modal(page).locator('.ant-modal-footer .ant-btn-primary').click();
    await page.waitForURL(/\/aid\/campaigns\/[0-9a-f-]{36}$/);
    await page.getByTestId('cross-check-report').locator('.ant-empty-description').waitFor();

    await page.getByTestId('campaign-list-files').click();
    await page.getByText('新列入: 1').waitFor();
    await page.getByTestId('campaign-cross-check').click();
    await page.getByTestId('chart-cross-check').locator('canvas').waitFor();
    expect(await page.getByTestId('cross-check-listed').locator('.ant-statistic-content-value').textContent()).toBe('1');
    await page.getByTestId('verdicts').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'aid-campaign');
    await page.getByTestId('campaign-confirm').click();
    await page.getByText('已确认，生成发放批次').waitFor();
    expect(await page.getByTestId('campaign-error').count()).toBe(0);
    // the rice goes on the in-kind distribution list, one line for the one person confirmed
    await page.getByTestId('distribution-progress').getByText('0/1', { exact: true }).waitFor();
    expect(await page.getByTestId('distribution-lines').textContent()).toContain('大米');
    await page.context().close();
  });

  it('the dashboard shows each programme for the officer’s subtree, with empty states that say what to do; aid pages work on a phone', async () => {
    const page = await signedIn('yubei.officer');
    await page.getByTestId('chart-aid').locator('canvas').waitFor();
    expect(await page.getByTestId('stat-aidPaid').textContent()).toContain('8,000.00');
    expect(await page.getByTestId('stat-aidBudget').textContent()).toContain('200,000.00');
    await page.getByTestId('chart-members').locator('canvas').waitFor();
    // No training session and no mediation case in this federation: the empty states explain.
    await page.getByText('本年还没有培训班次').waitFor();
    await page.getByText('本年还没有受理调解案件').waitFor();
    await screenshot(page, 'dashboard');
    await page.context().close();

    const phone = await signedIn('yubei.officer', 'phone');
    await phone.getByTestId('menu-button').click();
    // The 困难帮扶 sub-menu is open from the start: its first entry is one tap away.
    await phone.getByTestId('main-menu').getByText('帮扶申请').click();
    await phone.getByTestId('applications').locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(phone, 'aid-applications-phone');
    await phone.context().close();
  });
});
