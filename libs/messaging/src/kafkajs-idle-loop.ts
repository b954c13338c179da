/**
 * kafkajs 2.2.4 (its latest release) keeps every broker connection's request queue re-arming a
 * timer of 1 ms even when nothing waits to be sent: `scheduleCheckPendingRequests` schedules a
 * check with the (negative) time until the end of a throttle that never began, and the check
 * schedules the next one (tulios/kafkajs#1556, #1704; fixes proposed, none released). On this
 * system that is about 1,400 wake-ups a second in every service, some 5% of a core each while
 * idle. The replacement below schedules a check only while requests are waiting: at the end of
 * a broker-requested throttle, else after 10 ms as kafkajs does. A request that completes
 * checks the queue itself, so nothing waits longer than before.
 */
interface RequestQueueInternals {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  scheduleCheckPendingRequests(): void;
}

const CHECK_PENDING_REQUESTS_MS = 10;
const PATCHED_VERSION = '2.2.4';
let patched = false;

/** The kafkajs request queue class, for the fix below and its test. */
export function kafkajsRequestQueue(): { prototype: RequestQueueInternals } & (new (options: object) => RequestQueueInternals) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('kafkajs/src/network/requestQueue');
}

/** Idempotent; only on the version whose internals it was written against (a test fails otherwise). */
export function fixKafkajsIdleLoop(): boolean {
  if (patched) return true;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { version } = require('kafkajs/package.json') as { version: string };
  if (version !== PATCHED_VERSION) return false;
  kafkajsRequestQueue().prototype.scheduleCheckPendingRequests = function (this: RequestQueueInternals) {
    if (this.throttleCheckTimeoutId || this.pending.length === 0) return;
    const untilUnthrottled = this.throttledUntil - Date.now();
    this.throttleCheckTimeoutId = setTimeout(
      () => {
        this.throttleCheckTimeoutId = null;
        this.checkPendingRequests();
      },
      untilUnthrottled > 0 ? untilUnthrottled : CHECK_PENDING_REQUESTS_MS,
    );
  };
  patched = true;
  return true;
}
