/**
 * `npm run bench:timescales`: computes 1,000,000 deadlines over every rule and random
 * dates in 2020-2034, then prints the rate. Inputs are generated before the clock starts
 * so the figure measures the engine (parse, count, format), not the generator.
 */
import { performance } from 'node:perf_hooks';
import { computeRule, isoFromDayNumber, parseIsoDate, RULE_LIST } from '../domain/timescales';
import { mulberry32 } from './bench/seededRandom';

const TOTAL = 1_000_000;

const random = mulberry32(20260101);
const first = parseIsoDate('2020-03-01');
const span = parseIsoDate('2034-06-30') - first;

const ruleIds: string[] = new Array<string>(TOTAL);
const froms: string[] = new Array<string>(TOTAL);
const seconds: (string | undefined)[] = new Array<string | undefined>(TOTAL);
for (let i = 0; i < TOTAL; i += 1) {
  const rule = RULE_LIST[i % RULE_LIST.length];
  if (!rule) throw new Error('rule table is empty');
  const from = first + Math.floor(random() * span);
  ruleIds[i] = rule.id;
  froms[i] = isoFromDayNumber(from);
  // The certificate comes 0-120 days after the decision notice.
  seconds[i] = rule.inputDates === 2 ? isoFromDayNumber(from + Math.floor(random() * 120)) : undefined;
}

// Warm-up: load every year's holidays and let the JIT settle before timing.
for (let i = 0; i < 20_000; i += 1) computeRule(ruleIds[i] ?? '', froms[i] ?? '', seconds[i]);

let checksum = 0;
const started = performance.now();
for (let i = 0; i < TOTAL; i += 1) {
  const result = computeRule(ruleIds[i] ?? '', froms[i] ?? '', seconds[i]);
  checksum += result.due.charCodeAt(9);
}
const elapsedMs = performance.now() - started;

const rate = Math.round(TOTAL / (elapsedMs / 1000));
console.log(`Computed ${TOTAL.toLocaleString('en-GB')} deadlines across ${RULE_LIST.length} rules in ${elapsedMs.toFixed(0)} ms`);
console.log(`Rate: ${rate.toLocaleString('en-GB')} deadlines/second (checksum ${checksum})`);
