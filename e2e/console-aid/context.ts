import type { Page } from 'playwright-core';
import type { ConsoleSeed } from '../support/console-seed';

/** What `console-aid-programmes.e2e-spec.ts` gives each flow once the system is up (filled in its beforeAll). */
export interface AidProgrammesContext {
  gw: string;
  adminToken: string;
  federation: ConsoleSeed;
  /** A new page in its own browser context, logged in as `username`. */
  signedIn(username: string, device?: 'office' | 'phone'): Promise<Page>;
}
