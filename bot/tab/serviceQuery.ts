/**
 * The service view's query string (GET /tab/api/service, /service/cases, /service.csv), checked
 * with zod; a bad one gets a sentence saying what to fix.
 */
import { z } from 'zod';
import { CASE_TYPE_CODES } from '../../domain/caseTypes';
import { CUSTOM_MAX_DAYS, resolvePeriod, type ServiceQuery } from '../../domain/service';
import { isIsoDate, parseIsoDate } from '../../domain/timescales';

const date = (what: string) => z.string().refine((v) => isIsoDate(v), { error: `${what} must be a date written YYYY-MM-DD.` });

/** Figure keys are made of letters, digits, dots, hyphens and underscores (domain/service/buildService.ts). */
export const FIGURE_PATTERN = /^[a-z0-9_.-]{1,200}$/;

const QuerySchema = z
  .object({
    period: z.enum(['month', 'quarter', 'year', 'custom'], { error: 'period must be month, quarter, year or custom.' }).default('month'),
    from: date('from').optional(),
    to: date('to').optional(),
    localAuthority: z.string().trim().min(1, { error: 'localAuthority must not be empty.' }).max(200, { error: 'localAuthority is too long.' }).optional(),
    caseType: z.enum(CASE_TYPE_CODES, { error: 'caseType is not a known case type.' }).optional(),
    mediatorId: z.string().trim().regex(/^[A-Za-z0-9-]{1,100}$/, { error: 'mediatorId must be an Entra object id.' }).optional(),
    figure: z.string().regex(FIGURE_PATTERN, { error: 'figure is not a figure of the service view.' }).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.period === 'custom') {
      if (!q.from || !q.to) ctx.addIssue({ code: 'custom', message: 'A custom period needs both from and to.' });
      else if (q.to < q.from) ctx.addIssue({ code: 'custom', message: 'to must not be before from.' });
      else if (parseIsoDate(q.to) - parseIsoDate(q.from) > CUSTOM_MAX_DAYS) ctx.addIssue({ code: 'custom', message: 'A custom period can be at most three years long.' });
    } else if (q.to !== undefined && (q.from === undefined || resolvePeriod(q.period, q.from).to !== q.to)) {
      // The page sends the period it shows, both ends; only an end that contradicts it is refused.
      ctx.addIssue({ code: 'custom', message: `to does not end the ${q.period} that from is in; a ${q.period} is chosen by any date in it (from).` });
    }
  });

export type ParsedServiceQuery = { readonly ok: true; readonly query: ServiceQuery; readonly figure?: string } | { readonly ok: false; readonly message: string };

const KEYS = ['period', 'from', 'to', 'localAuthority', 'caseType', 'mediatorId', 'figure'] as const;

/** Reads the query string of `url`; `today` is the default anchor of a period. */
export function parseServiceQuery(url: string | undefined, today: string): ParsedServiceQuery {
  const params = new URL(url ?? '/', 'http://localhost').searchParams;
  const raw: Record<string, string> = {};
  for (const key of KEYS) {
    const all = params.getAll(key);
    if (all.length > 1) return { ok: false, message: `Give ${key} once.` };
    if (all[0] !== undefined && all[0] !== '') raw[key] = all[0];
  }
  const parsed = QuerySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join(' ') };
  const q = parsed.data;
  const period = resolvePeriod(q.period, q.from ?? today, q.to);
  const query: ServiceQuery = {
    period: q.period,
    from: period.from,
    to: period.to,
    ...(q.localAuthority !== undefined ? { localAuthority: q.localAuthority } : {}),
    ...(q.caseType !== undefined ? { caseType: q.caseType } : {}),
    ...(q.mediatorId !== undefined ? { mediatorId: q.mediatorId.toLowerCase() } : {}),
  };
  return { ok: true, query, ...(q.figure !== undefined ? { figure: q.figure } : {}) };
}

/** The query string that asks for the same view (for the CSV link). */
export function serviceQueryString(q: ServiceQuery): string {
  const params = new URLSearchParams({ period: q.period, from: q.from, ...(q.period === 'custom' ? { to: q.to } : {}) });
  if (q.localAuthority !== undefined) params.set('localAuthority', q.localAuthority);
  if (q.caseType !== undefined) params.set('caseType', q.caseType);
  if (q.mediatorId !== undefined) params.set('mediatorId', q.mediatorId);
  return params.toString();
}
