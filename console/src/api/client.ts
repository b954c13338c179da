import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './schema';

/** Types of the API, generated at build time from the gateway's merged OpenAPI document. */
export type Schemas = components['schemas'];
export type Member = Schemas['membership.MemberView'];
export type OrgUnit = Schemas['membership.OrgUnitView'];
export type UnitStatistics = Schemas['membership.UnitStatistics'];
export type Job = Schemas['membership.JobView'];
export type Prospect = Schemas['membership.ProspectView'];
export type UserView = Schemas['UserView'];

export interface FieldError {
  field: string;
  message: string;
}
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldError[];
}

const TOKEN_KEY = 'gonghui.token';
export const tokenStore = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

let language: 'zh-CN' | 'en' = 'zh-CN';
export function setApiLanguage(value: 'zh-CN' | 'en'): void {
  language = value;
}

/** Called when the API answers 401 to a signed-in request: the session has ended. */
let onSessionEnded: () => void = () => undefined;
export function whenSessionEnds(handler: () => void): void {
  onSessionEnded = handler;
}

const session: Middleware = {
  onRequest({ request }) {
    const token = tokenStore.get();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    request.headers.set('accept-language', language);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('authorization')) {
      tokenStore.clear();
      onSessionEnded();
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '' });
api.use(session);

/** The problem of a failed call (RFC 9457), or a generic one when the answer was not a problem. */
export function problemOf(error: unknown, status?: number): Problem {
  if (error && typeof error === 'object') return error as Problem;
  return { status, title: typeof error === 'string' ? error : undefined };
}

/** Every page of a cursor-paged list (the org tree, rejected rows): the API caps a page at 500. */
export async function allPages<T>(page: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string | null } | undefined>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < 200; i++) {
    const result = await page(cursor);
    if (!result) break;
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

/** A multipart upload (the roster): openapi-fetch sends FormData as it is. */
export async function uploadRoster(orgUnitId: string, file: File) {
  const form = new FormData();
  form.append('orgUnitId', orgUnitId);
  form.append('file', file);
  return api.POST('/api/v1/membership/collective-enrolments', {
    body: form as never,
    bodySerializer: (body: unknown) => body as FormData,
  });
}
