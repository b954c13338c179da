import { Injectable } from '@nestjs/common';
import { AGENCIES, CheckKind } from './domain/consent';

/**
 * The port through which aid asks another agency to confirm something about a person. The
 * agencies are outside the system; `HttpAgencyConnector` is the adapter to their HTTP API.
 *
 * Contract (one per agency, base URL per agency, see docs/aid.md):
 *   POST {base}/v1/checks   {checkId, kind, nationalId, name, consent: {id, expiresOn}}
 *   200 {reference: string, checkedAt: ISO time, result: object}   the agency's answer
 *   any other status, a body not of that shape, no answer within the timeout: a failed check
 */
export interface AgencyQuery {
  checkId: string;
  kind: CheckKind;
  /** from the sealed consent, only for this call: never logged, never stored in the clear */
  nationalId: string;
  name: string;
  consent: { id: string; expiresOn: string };
}

export type AgencyAnswer =
  | { ok: true; reference: string; checkedAt: Date; source: string; result: Record<string, unknown> }
  | { ok: false; reason: string };

export abstract class AgencyConnector {
  abstract check(query: AgencyQuery): Promise<AgencyAnswer>;
  /** How long a call may take before the check counts as failed. */
  abstract readonly timeoutMs: number;
}

/** AID_AGENCY_TIMEOUT_MS, default 5 s. */
export function agencyTimeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const value = Number(env.AID_AGENCY_TIMEOUT_MS);
  return Number.isInteger(value) && value > 0 ? value : 5000;
}

/** The HTTP adapter: the base URL of each agency from `AID_AGENCY_<NAME>_URL`. */
@Injectable()
export class HttpAgencyConnector extends AgencyConnector {
  readonly timeoutMs = agencyTimeoutMs();

  async check(query: AgencyQuery): Promise<AgencyAnswer> {
    const agency = AGENCIES[query.kind];
    const name = agency.name.split(' / ')[0];
    const base = process.env[agency.env];
    if (!base) return { ok: false, reason: `未配置${name}的接口地址（${agency.env}） / ${agency.env} is not set` };
    const url = `${base.replace(/\/+$/, '')}/v1/checks`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(query),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      // a DOMException, not always an Error of this realm: compared by name
      const errorName = (error as { name?: unknown } | null)?.name;
      const timedOut = errorName === 'TimeoutError' || errorName === 'AbortError';
      return { ok: false, reason: timedOut ? `${name}在${this.timeoutMs}毫秒内未答复 / ${agency.agency} gave no answer within ${this.timeoutMs} ms` : `无法连接${name} / ${agency.agency} is unreachable` };
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `${name}答复HTTP ${response.status} / ${agency.agency} answered HTTP ${response.status}` };
    }
    const body = (await response.json().catch(() => null)) as { reference?: unknown; checkedAt?: unknown; result?: unknown } | null;
    const checkedAt = typeof body?.checkedAt === 'string' ? new Date(body.checkedAt) : null;
    if (!body || typeof body.reference !== 'string' || !checkedAt || Number.isNaN(checkedAt.getTime()) || typeof body.result !== 'object' || body.result === null || Array.isArray(body.result)) {
      return { ok: false, reason: `${name}的答复格式不符 / ${agency.agency} answered in an unexpected shape` };
    }
    return { ok: true, reference: body.reference.slice(0, 200), checkedAt, source: `${agency.agency} ${new URL(url).origin}`, result: body.result as Record<string, unknown> };
  }
}
