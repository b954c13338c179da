import type { Page } from 'playwright-core';
import { confirmPopconfirm, fieldError, pickOption, screenshot } from '../support/console-browser';
import type { AidProgrammesContext } from './context';
import { GRANT_BUDGET_NAME, pointAidAtAgencySandbox, PROPOSALS, seedAgencyFile, seedGrantBudget, signerNationalId, startAgencySandbox, submitApplication, submitProposals, type AgencySandbox } from './grants.seed';

const modal = (page: Page) => page.locator('.ant-modal-wrap:visible');
const sendModal = (page: Page) => modal(page).locator('.ant-modal-footer .ant-btn-primary').click();
/** Open a dialog and wait for its zoom-in to end: a select opened while the dialog still moves loses its pick. */
async function openDialog(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.locator('.ant-modal-wrap:visible .ant-modal:not([class*="-zoom-"])').waitFor();
}

/**
 * Agency checks under consent (跨部门数据核验) on the hardship file page, and a grant call (公益伙伴)
 * set up, scored through the score sheet, ranked and awarded, in the browser. The agency sandbox
 * (a FAKE of the agencies) runs beside the system on its own port; the aid service is pointed at it
 * here, when the suite registers its tests, i.e. before its beforeAll starts the system.
 */
export function agencyAndGrantFlows(context: AidProgrammesContext): void {
  pointAidAtAgencySandbox();

  describe('agency checks and grants (跨部门数据核验, 公益伙伴)', () => {
    let sandbox: AgencySandbox;
    let agencyFile: { fileId: string };

    beforeAll(async () => {
      sandbox = await startAgencySandbox();
      agencyFile = await seedAgencyFile(context.gw, context.adminToken, context.federation.yubeiUnionId);
      await seedGrantBudget(context.gw, context.adminToken);
    }, 120_000);

    afterAll(() => sandbox?.stop());

    it('refuses a check under a revoked consent with the API’s reason; a consent recorded, the agencies’ answers shown, a failed check retried', async () => {
      const page = await context.signedIn('yubei.officer');
      await page.goto(`/aid/hardship-files/${agencyFile.fileId}`);
      const panel = page.getByTestId('agency-checks');
      await panel.getByTestId('agency-consents').getByText('已撤回').waitFor();
      await panel.getByTestId('agency-check-results').getByText('尚无核验记录').waitFor();

      // Without a consent in force: the dialog says so, and the API's 422 names the revoked consent.
      await openDialog(page, 'agency-run-check');
      await modal(page).getByTestId('check-need-consent').waitFor();
      // choosing a consent fills in the checks it covers
      await pickOption(page, 'check-consentId', '已撤回');
      await sendModal(page);
      await modal(page).locator('.ant-alert-error', { hasText: '授权已撤回' }).waitFor();
      await screenshot(page, 'aid-agency-refused');
      await modal(page).locator('.ant-modal-footer .ant-btn').first().click();
      await modal(page).waitFor({ state: 'hidden' });

      // The signed consent recorded: a wrong resident ID first (its error on the field), then the right one.
      await openDialog(page, 'agency-record-consent');
      await page.locator('#consent-signerName').fill('刘淑珍');
      await page.locator('#consent-signerNationalId').fill(signerNationalId(1).slice(0, 17) + (signerNationalId(1).endsWith('0') ? '1' : '0'));
      await sendModal(page);
      await fieldError(page, 'consent-signerNationalId').waitFor();
      await page.locator('#consent-signerNationalId').fill(signerNationalId(1));
      await sendModal(page);
      await modal(page).waitFor({ state: 'hidden' });
      await panel.getByTestId('agency-consents').getByText('有效', { exact: true }).waitFor();

      // Checks under it; the vehicle registry is down for the moment: that one fails with its reason.
      await sandbox.mode('vehicle-administration', 'down');
      await openDialog(page, 'agency-run-check');
      await pickOption(page, 'check-consentId', '有效');
      await sendModal(page);
      await modal(page).waitFor({ state: 'hidden' });
      const results = panel.getByTestId('agency-check-results');
      await results.locator('tr', { hasText: '低保（民政）' }).getByText('享受低保 ¥690.00/月').waitFor();
      await results.locator('tr', { hasText: '户籍（公安）' }).getByText('户籍在册，户籍地 500112').waitFor();
      await results.locator('tr', { hasText: '车辆（车管）' }).getByText('核验失败').waitFor();
      await results.scrollIntoViewIfNeeded();
      await screenshot(page, 'aid-agency-checks');

      await sandbox.mode('vehicle-administration', 'up');
      await results.locator('tr', { hasText: '车辆（车管）' }).getByTestId('agency-retry').click();
      await results.locator('tr', { hasText: '车辆（车管）' }).getByText('名下无车辆').waitFor();
      expect(await results.getByTestId('agency-retry').count()).toBe(0);
      expect(await results.locator('tr', { hasText: '车辆（车管）' }).locator('td').nth(6).textContent()).toBe('2');

      // The application's reviewer sees the same answers on the application page.
      const applicationId = await submitApplication(context.gw, context.adminToken, agencyFile.fileId);
      await page.goto(`/aid/applications/${applicationId}`);
      await page.getByTestId('agency-check-results').locator('tr', { hasText: '低保（民政）' }).getByText('享受低保').waitFor();
      await page.context().close();
    });

    it('sets up a grant call, scores two proposals through the score sheet, ranks them, awards within the money, pays a milestone and evaluates the project', async () => {
      const page = await context.signedIn('yubei.officer');
      await page.goto('/aid/grants');
      // this suite's own system: no call yet, and the empty list says what to do
      await page.getByTestId('grant-calls').getByText('尚无项目征集').waitFor();
      await openDialog(page, 'new-grant-call');
      await page.locator('#grant-title').fill('渝北区新就业形态劳动者公益服务项目征集');
      await pickOption(page, 'grant-budgetId', GRANT_BUDGET_NAME);
      await page.locator('#grant-amount').fill('150000');
      // The weights must add up to 100: the total shows it as the officer types.
      await page.locator('#grant-criterion-2-weight').fill('30');
      await page.getByTestId('grant-weight-total').getByText('105%').waitFor();
      await page.locator('#grant-criterion-2-weight').fill('25');
      await page.getByTestId('grant-weight-total').getByText('100%').waitFor();
      await sendModal(page);
      await page.waitForURL(/\/aid\/grants\/[0-9a-f-]{36}$/);
      const callId = page.url().split('/').pop()!;
      await page.getByTestId('grant-call-status').getByText('征集中').waitFor();

      const [first, second] = await submitProposals(context.gw, context.adminToken, callId);
      await page.reload();
      await page.getByTestId('grant-proposals').getByText(PROPOSALS[1].org).waitFor();
      await page.getByTestId('grant-close').click();
      await page.getByTestId('grant-call-status').getByText('评审中').waitFor();
      await page.getByTestId('grant-incomplete').waitFor();

      // The score sheet: one score per criterion, the weighted total as typed; a score above its maximum is the API's error on its field.
      const score = async (proposalId: string, scores: [number, number, number], total: string) => {
        await page.goto(`/aid/grant-proposals/${proposalId}`);
        await openDialog(page, 'score-sheet');
        await page.locator('#score-need').fill(String(scores[0]));
        await page.locator('#score-design').fill(String(scores[1]));
        await page.locator('#score-capacity').fill(String(scores[2]));
        await page.getByTestId('score-sheet-total').getByText(total).waitFor();
      };
      await score(first, [9, 8, 6], '94');
      await sendModal(page);
      await fieldError(page, 'score-capacity').filter({ hasText: '0到5' }).waitFor();
      await page.locator('#score-capacity').fill('4');
      await page.getByTestId('score-sheet-total').getByText('84').waitFor();
      await screenshot(page, 'aid-grant-score-sheet');
      await sendModal(page);
      await modal(page).waitFor({ state: 'hidden' });
      await page.getByTestId('proposal-sheets').getByText('84').waitFor();

      await score(second, [10, 9, 5], '96');
      await sendModal(page);
      await modal(page).waitFor({ state: 'hidden' });

      // Ranked: the second proposal first; the money (150,000) reaches it (90,000) but not the other (120,000).
      await page.goto(`/aid/grants/${callId}`);
      const ranking = page.getByTestId('grant-ranking');
      await ranking.locator('tbody tr.ant-table-row').nth(1).waitFor();
      expect(await ranking.locator('tbody tr.ant-table-row').nth(0).textContent()).toContain(PROPOSALS[1].org);
      expect(await ranking.locator('tbody tr.ant-table-row').nth(0).textContent()).toContain('96.5');
      expect(await ranking.locator('tbody tr.ant-table-row').nth(1).textContent()).toContain('资金外');
      await page.getByTestId('grant-award').click();
      await confirmPopconfirm(page);
      await page.getByTestId('grant-call-status').getByText('已立项').waitFor();
      const proposals = page.getByTestId('grant-proposals');
      await proposals.locator('tr', { hasText: PROPOSALS[1].org }).getByText('已立项').waitFor();
      await proposals.locator('tr', { hasText: PROPOSALS[0].org }).getByText('未立项').waitFor();
      await screenshot(page, 'aid-grant-call');

      // The awarded project's first milestone paid through the ledger.
      await page.goto(`/aid/grant-proposals/${second}`);
      await page.getByTestId('pay-milestone-1').click();
      await confirmPopconfirm(page);
      await page.getByTestId('proposal-milestones').locator('tr', { hasText: '首期' }).getByText('已拨付').waitFor();
      expect(await page.getByTestId('pay-milestone-2').count()).toBe(1);
      // The final evaluation ends the project; the unpaid last milestone is cancelled (its money goes back to the budget).
      await openDialog(page, 'proposal-evaluate');
      await pickOption(page, 'evaluation-rating', '良好');
      await page.locator('#evaluation-note').fill('完成服务1260人次，满意度95%');
      await sendModal(page);
      await page.getByTestId('proposal-status').getByText('已结项').waitFor();
      await page.getByTestId('proposal-milestones').locator('tr', { hasText: '尾款' }).getByText('已取消').waitFor();
      await page.context().close();

      // The call on a phone: the menu is a drawer, the tables scroll sideways.
      const phone = await context.signedIn('yubei.officer', 'phone');
      await phone.goto(`/aid/grants/${callId}`);
      await phone.getByTestId('grant-ranking').getByText(PROPOSALS[1].org).waitFor();
      await screenshot(phone, 'aid-grant-call-phone');
      await phone.context().close();
    });
  });
}
