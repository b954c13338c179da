/**
 * Job matching (送岗位), without I/O: how well a referred member fits a vacancy, by skill,
 * location and employment form. Out of 100: skills 60, district 25, employment form 15.
 *
 * - Skills: the share of the vacancy's required skills the member has. A skill matches when one
 *   names the other (“电工” and “维修电工”), case and spaces aside. A vacancy that asks for no
 *   skill gives the full 60.
 * - District: the member's preferred district, when stated, must be the vacancy's; a member with
 *   no preference gets half.
 * - Employment form: the same form, or none stated by the member, gives the full 15.
 * A vacancy sharing no skill with the member, when it asks for skills, is not a match at all.
 */
export interface Candidate {
  skills: readonly string[];
  preferredDistrict: string | null;
  employmentForm: string | null;
}

export interface Opening {
  vacancyId: string;
  skills: readonly string[];
  district: string;
  employmentForm: string;
}

export interface Match {
  vacancyId: string;
  score: number;
  matchedSkills: string[];
  districtMatches: boolean;
  employmentFormMatches: boolean;
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
const skillMatches = (a: string, b: string) => {
  const x = norm(a);
  const y = norm(b);
  return x.length > 0 && y.length > 0 && (x.includes(y) || y.includes(x));
};

export function scoreMatch(candidate: Candidate, opening: Opening): Match | null {
  const matchedSkills = opening.skills.filter((required) => candidate.skills.some((has) => skillMatches(has, required)));
  if (opening.skills.length > 0 && matchedSkills.length === 0) return null;
  const skillPart = opening.skills.length === 0 ? 60 : (60 * matchedSkills.length) / opening.skills.length;
  const districtMatches = candidate.preferredDistrict !== null && norm(candidate.preferredDistrict) === norm(opening.district);
  const districtPart = candidate.preferredDistrict === null ? 12.5 : districtMatches ? 25 : 0;
  const employmentFormMatches = candidate.employmentForm === null || candidate.employmentForm === opening.employmentForm;
  const formPart = employmentFormMatches ? 15 : 0;
  return { vacancyId: opening.vacancyId, score: Math.round((skillPart + districtPart + formPart) * 10) / 10, matchedSkills, districtMatches, employmentFormMatches };
}

/** The matching vacancies, best first (equal scores by vacancy id, so the order is stable). */
export function rankMatches(candidate: Candidate, openings: readonly Opening[]): Match[] {
  return openings
    .map((o) => scoreMatch(candidate, o))
    .filter((m): m is Match => m !== null)
    .sort((a, b) => b.score - a.score || a.vacancyId.localeCompare(b.vacancyId));
}

export type OfferStatus = 'offered' | 'accepted' | 'declined';
export const OFFER_STATUSES: readonly OfferStatus[] = ['offered', 'accepted', 'declined'];
export const OFFER_STATUS_LABELS: Record<OfferStatus, string> = { offered: '待答复', accepted: '已接受', declined: '已拒绝' };

export type OfferRefusal = { reason: 'wrong-state'; status: OfferStatus } | { reason: 'vacancy-filled'; openings: number };

/** An offer is answered once; accepting it takes one of the vacancy's openings, never more than it has. */
export function decideOffer(status: OfferStatus, decision: 'accept' | 'decline', vacancy: { openings: number; accepted: number }): { ok: true; status: OfferStatus } | { ok: false; refusal: OfferRefusal } {
  if (status !== 'offered') return { ok: false, refusal: { reason: 'wrong-state', status } };
  if (decision === 'decline') return { ok: true, status: 'declined' };
  if (vacancy.accepted >= vacancy.openings) return { ok: false, refusal: { reason: 'vacancy-filled', openings: vacancy.openings } };
  return { ok: true, status: 'accepted' };
}
