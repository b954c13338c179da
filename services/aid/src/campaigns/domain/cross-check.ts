import { Condition, EligibilityFact, evaluate, factLabel, PersonFacts } from './eligibility';

/** How a person came onto a campaign's list (提名渠道). */
export type Channel = 'hardship-file' | 'nomination' | 'application';
export const CHANNELS: readonly Channel[] = ['hardship-file', 'nomination', 'application'];

/**
 * The cross-check's verdict on one person (多渠道交叉核验). Only `payable` people are confirmed; the
 * `missed` are people who qualify on their hardship file but came through no channel.
 */
export type CrossCheckOutcome = 'payable' | 'already-paid' | 'paid-in-excluded' | 'not-member' | 'left' | 'ineligible' | 'missed';
export const CROSS_CHECK_OUTCOMES: readonly CrossCheckOutcome[] = ['payable', 'already-paid', 'paid-in-excluded', 'not-member', 'left', 'ineligible', 'missed'];

/** Everything known of one listed person, gathered set-based from all channels. */
export interface ListedPerson {
  channels: Channel[];
  /** The member directory's status, null when aid has never heard of the member. */
  memberStatus: string | null;
  facts: PersonFacts;
  paidInThisCampaign: boolean;
  paidInExcluded: boolean;
}

export interface Verdict {
  outcome: Exclude<CrossCheckOutcome, 'missed'>;
  /** Listed through more than one channel: counted once. */
  duplicate: boolean;
  reason: string | null;
}

/**
 * One person's verdict. In this order: not a member, left, paid already (this campaign, then an
 * excluded one), not meeting the rules; else payable. Channels are merged first, so a person
 * listed twice is one verdict.
 */
export function classify(person: ListedPerson, rules: readonly Condition[]): Verdict {
  const duplicate = new Set(person.channels).size > 1;
  const verdict = (outcome: Verdict['outcome'], reason: string | null): Verdict => ({ outcome, duplicate, reason });
  if (person.memberStatus === null) return verdict('not-member', '不在会员名录中 / not in the member directory');
  if (person.memberStatus === 'left') return verdict('left', '已退会 / has left the union');
  if (person.memberStatus !== 'active') return verdict('not-member', `会籍状态为 ${person.memberStatus} / membership is ${person.memberStatus}`);
  if (person.paidInThisCampaign) return verdict('already-paid', '本次专项行动已发放 / already paid in this campaign');
  if (person.paidInExcluded) return verdict('paid-in-excluded', '已在互斥的专项行动中获助 / already paid in a campaign the rules exclude');
  const evaluation = evaluate(rules, person.facts);
  if (evaluation.outcome !== 'matches') return verdict('ineligible', ineligibleReason(evaluation.outcome, evaluation.fact));
  return verdict('payable', null);
}

function ineligibleReason(outcome: 'does-not-match' | 'fact-unknown', fact: EligibilityFact): string {
  return outcome === 'fact-unknown'
    ? `缺少“${factLabel(fact)}”信息，无法判断 / ${fact} is not known through any channel`
    : `不符合“${factLabel(fact)}”条件 / does not meet the ${fact} condition`;
}

/**
 * A person's facts merged from their channels: the open hardship file gives the grade; the
 * first nomination that states a fact gives it.
 */
export function mergeFacts(file: { grade: string | null } | null, nominations: readonly Partial<Omit<PersonFacts, 'hardshipGrade'>>[]): PersonFacts {
  const first = <K extends keyof Omit<PersonFacts, 'hardshipGrade'>>(key: K): PersonFacts[K] => {
    for (const n of nominations) {
      const v = n[key];
      if (v !== null && v !== undefined && v !== '') return v as PersonFacts[K];
    }
    return null;
  };
  return { hardshipGrade: file?.grade ?? null, employmentForm: first('employmentForm'), industry: first('industry'), childInSchool: first('childInSchool') };
}

export interface ReportSummary {
  listed: number;
  duplicates: number;
  counts: Record<CrossCheckOutcome, number>;
  payableFen: number;
}

/** The report's figures: each person once, duplicates counted, the money payable at the standard. */
export function summarise(verdicts: readonly { outcome: CrossCheckOutcome; duplicate: boolean }[], cashFenPerPerson: number): ReportSummary {
  const counts = Object.fromEntries(CROSS_CHECK_OUTCOMES.map((o) => [o, 0])) as Record<CrossCheckOutcome, number>;
  let duplicates = 0;
  for (const v of verdicts) {
    counts[v.outcome] += 1;
    if (v.duplicate) duplicates += 1;
  }
  return { listed: verdicts.length - counts.missed, duplicates, counts, payableFen: counts.payable * cashFenPerPerson };
}

/** The campaign's aid kind on its applications (帮扶类别), for the bank memo and the casework lists. */
export function aidKindOf(kind: string): 'living' | 'medical' | 'education' {
  if (kind === 'autumn-student-grants') return 'education';
  if (kind === 'two-cancer-care') return 'medical';
  return 'living';
}
