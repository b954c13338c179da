import { useEffect, useSyncExternalStore } from 'react';
import { api, tokenStore, type Member } from '../api/client';

/** The most ids membership answers in one `GET /members?ids=`. */
export const MEMBER_BATCH = 100;

/** What the console knows of a member id: asked for, found in the officer's subtree, not there (or no member), or the request failed. */
export type MemberLookup = { state: 'loading' } | { state: 'found'; member: Member } | { state: 'outside' } | { state: 'failed' };

const LOADING: MemberLookup = { state: 'loading' };
const OUTSIDE: MemberLookup = { state: 'outside' };
const FAILED: MemberLookup = { state: 'failed' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The answers of this tab's session, kept in memory only (never in storage: names are personal
 * data) and dropped when another user signs in, whose subtree may differ.
 */
const answers = new Map<string, MemberLookup>();
let owner: string | null = null;
const queued = new Set<string>();
let flushing: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();
let version = 0;

function ownedCache(): void {
  const token = tokenStore.get();
  if (token === owner) return;
  owner = token;
  answers.clear();
  queued.clear();
}

function notify(): void {
  version++;
  for (const listener of listeners) listener();
}

/**
 * Ask for members by id: every id asked for within one tick (all the rows of a table, all the
 * cells of a page) goes out together, one request per {@link MEMBER_BATCH} ids; an id already
 * answered, or on its way, is not asked again. A failed request is retried by the next asker.
 */
export function requestMembers(ids: Iterable<string>): void {
  ownedCache();
  let added = false;
  for (const id of ids) {
    const known = answers.get(id);
    if (known && known !== FAILED) continue;
    if (!UUID.test(id)) {
      answers.set(id, OUTSIDE);
      continue;
    }
    answers.set(id, LOADING);
    queued.add(id);
    added = true;
  }
  if (added && flushing === undefined) flushing = setTimeout(flush, 0);
}

function flush(): void {
  flushing = undefined;
  const ids = [...queued];
  queued.clear();
  const session = owner;
  for (let start = 0; start < ids.length; start += MEMBER_BATCH) {
    const batch = ids.slice(start, start + MEMBER_BATCH);
    void fetchMembers(batch)
      .then((found) => (id: string): MemberLookup => {
        const member = found.get(id);
        return member ? { state: 'found', member } : OUTSIDE;
      })
      .catch(() => () => FAILED)
      .then((answerOf) => {
        if (session !== owner) return; // another user signed in meanwhile: these are not theirs
        for (const id of batch) answers.set(id, answerOf(id));
        notify();
      });
  }
}

/**
 * The members among `ids` that membership shows this officer, fetched now (one request per
 * {@link MEMBER_BATCH} ids), for a file built in the browser (a sign sheet). Ids outside the
 * officer's subtree are absent from the map.
 */
export async function fetchMembers(ids: readonly string[]): Promise<Map<string, Member>> {
  const found = new Map<string, Member>();
  const unique = [...new Set(ids)].filter((id) => UUID.test(id));
  for (let start = 0; start < unique.length; start += MEMBER_BATCH) {
    const batch = unique.slice(start, start + MEMBER_BATCH);
    const { data } = await api.GET('/api/v1/membership/members', { params: { query: { ids: batch, limit: MEMBER_BATCH } } });
    if (!data) throw new Error('membership did not answer');
    for (const member of data.items) found.set(member.id, member);
  }
  return found;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The first 8 characters of an id: how the console showed members before it knew their names. */
export const shortId = (id: string) => id.slice(0, 8);

/**
 * What is known of each of `ids` (asked for after render, batched with every other asker), as a
 * function of the id; the component re-renders as answers arrive.
 */
export function useMemberLookups(ids: readonly (string | null | undefined)[]): (id: string) => MemberLookup {
  const key = [...new Set(ids.filter((id): id is string => !!id))].sort().join(',');
  useEffect(() => {
    if (key) requestMembers(key.split(','));
  }, [key]);
  useSyncExternalStore(subscribe, () => version);
  return (id) => (tokenStore.get() === owner ? answers.get(id) : undefined) ?? LOADING;
}

/** For text (a select's options, a title): each member's name, or the short id until (or unless) it is known. */
export function useMemberNames(ids: readonly (string | null | undefined)[]): (id: string) => string {
  const lookup = useMemberLookups(ids);
  return (id) => {
    const found = lookup(id);
    return found.state === 'found' ? found.member.name : shortId(id);
  };
}
