/**
 * A young person who lacks capacity (Mental Capacity Act 2005) has their rights exercised by
 * an "alternative person" (SEND Regulations 2014 reg 64 and Sch 3): a deputy or an attorney
 * who has the power, and otherwise the parent (docs/rules.md#young-people-who-lack-capacity).
 * The record says who acts and on which basis, never anything about the young person's health.
 */
export const ALTERNATIVE_BASES = ['deputy', 'attorney', 'parent'] as const;
export type AlternativeBasis = (typeof ALTERNATIVE_BASES)[number];

export const ALTERNATIVE_BASIS_LABELS: Readonly<Record<AlternativeBasis, string>> = {
  deputy: 'A deputy appointed by the Court of Protection',
  attorney: 'An attorney under a lasting power of attorney',
  parent: 'The parent (no deputy or attorney has the power)',
};

export const ALTERNATIVE_NAME_MAX = 80;
