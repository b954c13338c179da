/**
 * Panel rules (调解组): one lead and up to four co-mediators, each from a different party of the
 * five-party mechanism (court, lawyer, union, human resources, community), all vetted, available
 * and without a conflict of interest: working for the employer in the dispute, or having sat on an
 * earlier case with one of the parties.
 */

export type MediatorBackground = 'judge' | 'lawyer' | 'union-officer' | 'hr-officer' | 'community-mediator';
export const MEDIATOR_BACKGROUNDS: readonly MediatorBackground[] = ['judge', 'lawyer', 'union-officer', 'hr-officer', 'community-mediator'];
export const BACKGROUND_LABELS: Record<MediatorBackground, string> = {
  judge: '法官',
  lawyer: '律师',
  'union-officer': '工会干部',
  'hr-officer': '人社干部',
  'community-mediator': '社区调解员',
};
export type VettingStatus = 'pending' | 'vetted' | 'suspended';
export const VETTING_STATUSES: readonly VettingStatus[] = ['pending', 'vetted', 'suspended'];

export const MAX_CO_MEDIATORS = 4;

export interface PanelCandidate {
  id: string;
  name: string;
  background: MediatorBackground;
  vettingStatus: VettingStatus;
  available: boolean;
  employerName: string | null;
  /** Sat on an earlier case with one of this case's parties (a member worker or the employer). */
  earlierCaseWithParty: boolean;
}

export interface PanelProblem {
  field: string;
  message: string;
}

export type PanelCheck =
  | { ok: true; members: { mediatorId: string; role: 'lead' | 'co' }[] }
  | { ok: false; status: 400 | 409 | 422; problems: PanelProblem[] };

/** Employer names compared without spaces and case: 重庆某物流有限公司 = 重庆某物流 有限公司. */
export const sameEmployer = (a: string | null, b: string | null) => Boolean(a && b && a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase());

export function checkPanel(command: { leadId: string | undefined; coIds: string[]; candidates: ReadonlyMap<string, PanelCandidate>; caseEmployerName: string }): PanelCheck {
  if (!command.leadId) return { ok: false, status: 400, problems: [{ field: 'leadMediatorId', message: '须指定一名首席调解员 / a lead mediator is required' }] };
  const ids = [command.leadId, ...command.coIds];
  const shape: PanelProblem[] = [];
  if (command.coIds.length > MAX_CO_MEDIATORS) shape.push({ field: 'coMediatorIds', message: `协助调解员最多 ${MAX_CO_MEDIATORS} 名 / at most ${MAX_CO_MEDIATORS} co-mediators` });
  if (new Set(ids).size !== ids.length) shape.push({ field: 'coMediatorIds', message: '同一调解员不能重复列入 / a mediator is listed twice' });
  if (shape.length > 0) return { ok: false, status: 400, problems: shape };

  const fieldOf = (i: number) => (i === 0 ? 'leadMediatorId' : `coMediatorIds[${i - 1}]`);
  const unknown = ids.flatMap((id, i) => (command.candidates.has(id) ? [] : [{ field: fieldOf(i), message: `调解员 ${id} 不存在 / mediator ${id} not found` }]));
  if (unknown.length > 0) return { ok: false, status: 422, problems: unknown };

  const members = ids.map((id) => command.candidates.get(id)!);
  const byBackground = new Map<MediatorBackground, PanelCandidate[]>();
  for (const m of members) byBackground.set(m.background, [...(byBackground.get(m.background) ?? []), m]);
  const samePartyProblems = [...byBackground.entries()]
    .filter(([, ms]) => ms.length > 1)
    .map(([background, ms]) => ({
      field: 'coMediatorIds',
      message: `${ms.map((m) => m.name).join('、')} 同为${BACKGROUND_LABELS[background]}，调解组成员须来自不同方面 / ${ms.map((m) => m.name).join(', ')} are all ${background}: panel members come from different parties`,
    }));
  if (samePartyProblems.length > 0) return { ok: false, status: 400, problems: samePartyProblems };

  const refusals: PanelProblem[] = [];
  members.forEach((m, i) => {
    const field = fieldOf(i);
    if (m.vettingStatus !== 'vetted') refusals.push({ field, message: `${m.name} 未通过审核 / ${m.name} is not vetted (${m.vettingStatus})` });
    if (!m.available) refusals.push({ field, message: `${m.name} 当前不可指派 / ${m.name} is not available` });
    if (sameEmployer(m.employerName, command.caseEmployerName)) refusals.push({ field, message: `${m.name} 与用人单位存在利害关系（同一单位） / ${m.name} works for the employer in the dispute` });
    if (m.earlierCaseWithParty) refusals.push({ field, message: `${m.name} 曾调解涉及本案当事人的案件，应当回避 / ${m.name} sat on an earlier case with a party` });
  });
  if (refusals.length > 0) return { ok: false, status: 409, problems: refusals };
  return { ok: true, members: ids.map((mediatorId, i) => ({ mediatorId, role: i === 0 ? 'lead' : 'co' })) };
}
