/**
 * Fixed wording of the outcome statement. Kept in one place so the draft card, the published
 * card and the stored snapshot say the same thing; the product writes its own words rather
 * than copying the providers' documents (docs/rules.md#how-sure-each-rule-is).
 */

/** The overview is a few sentences, not a record of the meeting (docs/rules.md#outcome-statement, #what-the-product-never-records). */
export const OVERVIEW_MAX = 600;

/** Shown next to the overview input: the outcome is not minutes (SEED-000; docs/rules.md#what-the-product-never-records). */
export const NOT_MINUTES_REMINDER =
  'This is not minutes. Give the reason for the mediation and the gist of what was agreed in a few sentences. ' +
  'Do not record who said what: what is said in mediation stays confidential.';

/** The Terms of Engagement exception to confidentiality (docs/rules.md#terms-of-engagement, #what-the-product-never-records). */
export const CONFIDENTIALITY_NOTE =
  'What was said at the mediation is confidential and without prejudice. This outcome statement is not: it may be ' +
  'shared with professionals who need it to carry out what was agreed.';

/** Every date the product works out for people is a guide (docs/rules.md#timescale-rules T17). */
export const GUIDANCE_NOT_ADVICE = 'Dates and next steps are guidance, not legal advice.';

/** A party asking for a correction says what is wrong in a sentence or two. */
export const CORRECTION_REASON_MAX = 300;

/** Why someone recorded a response on a party's behalf. */
export const ON_BEHALF_REASON_MAX = 300;
