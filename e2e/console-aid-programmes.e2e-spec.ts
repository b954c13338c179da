import type { Browser, Page } from 'playwright-core';
import { RunningSystem } from '@gonghui/infra';
import { login, ownDatabase, startE2ESystem } from './support/system';
import { seedConsoleFederation } from './support/console-seed';
import { launchChromium, logIn, newConsolePage } from './support/console-browser';
import type { AidProgrammesContext } from './console-aid/context';
import { benefitAndMedicalFlows } from './console-aid/benefits.flow';
import { agencyAndGrantFlows } from './console-aid/grants.flow';
import { campaignRosterFlows } from './console-aid/nominations.flow';
import { campaignDistributionFlows } from './console-aid/distribution.flow';

/**
 * The console's pages for aid's programmes beyond casework, in a real browser against the whole
 * system: benefit packages and redemption at the counter, medical mutual aid, agency checks under
 * consent, grant calls with their score sheets, and a campaign's nominated roster. One system is
 * started for all of them; each flow (in `console-aid/`) seeds what it needs through the API.
 */
describe('the console’s aid programme pages in a browser', () => {
  const context = {} as AidProgrammesContext;
  let system: RunningSystem;
  let browser: Browser;

  beforeAll(async () => {
    ({ system, gw: context.gw } = await startE2ESystem(await ownDatabase('console_aid_programmes')));
    context.adminToken = (await login(context.gw)).body.accessToken;
    context.federation = await seedConsoleFederation(context.gw, context.adminToken);
    browser = await launchChromium();
    context.signedIn = async (username: string, device: 'office' | 'phone' = 'office'): Promise<Page> => {
      const { page } = await newConsolePage(browser, context.gw, device);
      await page.goto('/');
      await logIn(page, username);
      return page;
    };
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await system?.stop();
  });

  benefitAndMedicalFlows(context);
  agencyAndGrantFlows(context);
  campaignRosterFlows(context);
  campaignDistributionFlows(context);
});
