/**
 * The one place that reads the environment. Everything is validated with zod so
 * that a wrong value stops start-up with a message naming the variable, instead
 * of failing later in a turn.
 */
import path from 'node:path';
import { z } from 'zod';
import { EXTRA_SCHEDULE_KEYS, reminderSchedules, type ReminderOffset, type ReminderSchedules, type ScheduleKey, type WallTime } from '../domain/reminders';
import { RULE_IDS } from '../domain/timescales';
import { isIsoDate } from '../domain/timescales';

const CREDENTIAL_KEYS = ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppTenantId', 'MicrosoftAppType'] as const;

const blankToUndefined = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(blankToUndefined, z.string().optional());
const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');

const EnvSchema = z.object({
  NODE_ENV: z.preprocess(blankToUndefined, z.enum(['development', 'production', 'test']).default('development')),
  PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(3978)),
  // Default chosen after the credentials are known: loopback only without them (local mode).
  HOST: z.preprocess(blankToUndefined, z.string().optional()),
  DATA_DIR: z.preprocess(blankToUndefined, z.string().default('./data')),
  MONGODB_URI: z.preprocess(
    blankToUndefined,
    z.string().regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://').optional(),
  ),
  MONGODB_DB: z.preprocess(blankToUndefined, z.string().regex(/^[A-Za-z0-9_-]{1,63}$/).default('send_mediation')),
  LOG_LEVEL: z.preprocess(
    blankToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  LOG_FORMAT: z.preprocess(blankToUndefined, z.enum(['json', 'pretty']).optional()),
  MAX_BODY_BYTES: z.preprocess(blankToUndefined, z.coerce.number().int().min(1024).max(10_000_000).default(262_144)),
  REQUEST_TIMEOUT_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().min(0.5).max(120).default(10)),
  CASE_CARD_WINDOW_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().min(0).max(60).default(1)),
  MicrosoftAppId: z.preprocess(blankToUndefined, guid.optional()),
  MicrosoftAppPassword: optionalString,
  MicrosoftAppTenantId: z.preprocess(blankToUndefined, guid.optional()),
  MicrosoftAppType: z.preprocess(
    blankToUndefined,
    z.enum(['SingleTenant'], { message: 'must be SingleTenant (the only type this product supports)' }).optional(),
  ),
  MEDIATOR_ALLOWLIST: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[0-9a-f-]{36}(\s*,\s*[0-9a-f-]{36})*$/i, 'must be a comma-separated list of AAD object ids (GUIDs)')
      .optional(),
  ),
  ADMIN_ALLOWLIST: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^[0-9a-f-]{36}(\s*,\s*[0-9a-f-]{36})*$/i, 'must be a comma-separated list of AAD object ids (GUIDs)')
      .optional(),
  ),
  RETENTION_MONTHS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(600).default(72)),
  CERTIFICATE_REGISTER_MONTHS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(1200).default(120)),
  PURGE_CHECK_MINUTES: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(1440).default(60)),
  SENT_REMINDER_RETENTION_DAYS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(3650).default(90)),
  TERMS_FILE: optionalString,
  PUBLIC_BASE_URL: z.preprocess(blankToUndefined, z.string().url().regex(/^https?:\/\//, 'must be an http(s) URL').optional()),
  PROVIDER_NAME: z.preprocess(blankToUndefined, z.string().min(2).max(120).default('SEND mediation service')),
  REMINDER_POLL_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(3600).default(60)),
  REMINDER_SEND_TIME: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour HH:MM time, e.g. 09:00')
      .default('09:00'),
  ),
  REMINDER_SCHEDULES: optionalString,
  ESCALATION_CONVERSATION_ID: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^19:\S{3,400}$/, 'must be a Teams channel conversation id (19:…@thread.tacv2)')
      .optional(),
  ),
  TAB_SSO_APP_ID: z.preprocess(blankToUndefined, guid.optional()),
  TAB_SSO_JWKS_URL: z.preprocess(
    blankToUndefined,
    z
      .string()
      .url()
      .regex(/^(https:\/\/|http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/])/, 'must be an https URL (plain http only on loopback, for tests)')
      .default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  ),
  EXTRA_NON_WORKING_DAYS: z.preprocess(
    blankToUndefined,
    z
      .string()
      .refine((v) => v.split(',').every((d) => isIsoDate(d.trim())), 'must be a comma-separated list of real YYYY-MM-DD dates')
      .optional(),
  ),
});

export interface TeamsCredentials {
  readonly appId: string;
  readonly appPassword: string;
  readonly tenantId: string;
  readonly appType: 'SingleTenant';
}

export interface AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly mongoUri?: string;
  readonly mongoDb: string;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Unset: pretty in development on a terminal, JSON otherwise (bot/logger.ts). */
  readonly logFormat?: 'json' | 'pretty';
  readonly maxBodyBytes: number;
  /** A request whose headers and body have not all arrived by then is cut off (slow or stalled clients). */
  readonly requestTimeoutMs: number;
  /**
   * How long a case card edit asked for by others than the mediator (terms agreed, preparation
   * answers, requested changes) waits so that the requests of a burst share one edit; 0 edits at once.
   */
  readonly caseCardWindowMs: number;
  readonly credentials?: TeamsCredentials;
  /** True when the bot authenticates inbound requests; false only for local use with the playground. */
  readonly hasTeamsCredentials: boolean;
  readonly extraNonWorkingDays: readonly string[];
  /** When set, only these AAD object ids may open cases or be made co-mediators (docs/roles.md). */
  readonly mediatorAllowlist?: readonly string[];
  /** Provider admins (legal hold, purge --dry-run); none when unset. */
  readonly adminAllowlist: readonly string[];
  /** Months after a case ended before the purge deletes it (docs/operations.md "Retention"). */
  readonly retentionMonths: number;
  /** Months a certificate's register entry (number, issue date, case type) is kept after its case is purged. */
  readonly certificateRegisterMonths: number;
  /** How often each instance checks whether today's purge has run; 0 switches the check off on this instance. */
  readonly purgeCheckMinutes: number;
  /** Days a sent, failed or cancelled reminder is kept after its send time (escalations stay with their case). */
  readonly sentReminderRetentionDays: number;
  /** The provider's Terms of Engagement (Markdown); the product default when unset. */
  readonly termsFile?: string;
  /** Where people reach this bot's pages (printable certificates); defaults to http://localhost:PORT. */
  readonly publicBaseUrl?: string;
  /** The provider's name, printed on outcomes and certificates. */
  readonly providerName: string;
  /** The app registration whose SSO tokens the dashboard tab accepts (docs/tab.md); defaults to MicrosoftAppId. */
  readonly tabSsoAppId?: string;
  /** Where the SSO signing keys are published. */
  readonly tabJwksUrl: string;
  readonly reminders: ReminderConfig;
}

export interface ReminderConfig {
  /** How often the scheduler looks for due reminders; 0 switches it off (an instance that only answers). */
  readonly pollMs: number;
  /** When day-based reminders go out, Europe/London. */
  readonly sendTime: WallTime;
  /** The reminder schedules (docs/rules.md#reminder-schedules) with the deployment's replacements (an empty list switches one off). */
  readonly schedules: ReminderSchedules;
  /** The provider's case-manager channel, where overdue statutory deadlines are escalated. */
  readonly escalationConversationId?: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;

  // A half-configured bot is the dangerous case: CloudAdapter without an app id
  // silently skips inbound authentication. So it is all four or none.
  const present = CREDENTIAL_KEYS.filter((k) => e[k] !== undefined);
  if (present.length > 0 && present.length < CREDENTIAL_KEYS.length) {
    const missing = CREDENTIAL_KEYS.filter((k) => e[k] === undefined);
    throw new ConfigError(
      `Incomplete Teams credentials: ${present.join(', ')} set but ${missing.join(', ')} missing. Set all four or none.`,
    );
  }
  if (e.NODE_ENV === 'production' && present.length === 0) {
    throw new ConfigError(
      `NODE_ENV=production requires Teams credentials; missing: ${CREDENTIAL_KEYS.join(', ')}. ` +
        'Without them inbound requests would not be authenticated.',
    );
  }
  const credentials: TeamsCredentials | undefined =
    e.MicrosoftAppId && e.MicrosoftAppPassword && e.MicrosoftAppTenantId && e.MicrosoftAppType
      ? {
          appId: e.MicrosoftAppId,
          appPassword: e.MicrosoftAppPassword,
          tenantId: e.MicrosoftAppTenantId,
          appType: e.MicrosoftAppType,
        }
      : undefined;

  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST ?? (credentials ? '0.0.0.0' : '127.0.0.1'),
    dataDir: path.resolve(e.DATA_DIR),
    mongoUri: e.MONGODB_URI,
    mongoDb: e.MONGODB_DB,
    logLevel: e.LOG_LEVEL,
    ...(e.LOG_FORMAT ? { logFormat: e.LOG_FORMAT } : {}),
    maxBodyBytes: e.MAX_BODY_BYTES,
    requestTimeoutMs: Math.round(e.REQUEST_TIMEOUT_SECONDS * 1000),
    caseCardWindowMs: Math.round(e.CASE_CARD_WINDOW_SECONDS * 1000),
    credentials,
    hasTeamsCredentials: credentials !== undefined,
    extraNonWorkingDays: e.EXTRA_NON_WORKING_DAYS ? e.EXTRA_NON_WORKING_DAYS.split(',').map((d) => d.trim()) : [],
    mediatorAllowlist: e.MEDIATOR_ALLOWLIST ? e.MEDIATOR_ALLOWLIST.split(',').map((d) => d.trim().toLowerCase()) : undefined,
    adminAllowlist: e.ADMIN_ALLOWLIST ? e.ADMIN_ALLOWLIST.split(',').map((d) => d.trim().toLowerCase()) : [],
    retentionMonths: e.RETENTION_MONTHS,
    certificateRegisterMonths: e.CERTIFICATE_REGISTER_MONTHS,
    purgeCheckMinutes: e.PURGE_CHECK_MINUTES,
    sentReminderRetentionDays: e.SENT_REMINDER_RETENTION_DAYS,
    termsFile: e.TERMS_FILE ? path.resolve(e.TERMS_FILE) : undefined,
    publicBaseUrl: e.PUBLIC_BASE_URL?.replace(/\/+$/, ''),
    providerName: e.PROVIDER_NAME,
    tabSsoAppId: e.TAB_SSO_APP_ID ?? credentials?.appId,
    tabJwksUrl: e.TAB_SSO_JWKS_URL,
    reminders: {
      pollMs: e.REMINDER_POLL_SECONDS * 1000,
      sendTime: { hour: Number(e.REMINDER_SEND_TIME.slice(0, 2)), minute: Number(e.REMINDER_SEND_TIME.slice(3)) },
      schedules: reminderSchedules(e.REMINDER_SCHEDULES ? parseScheduleOverrides(e.REMINDER_SCHEDULES) : {}),
      ...(e.ESCALATION_CONVERSATION_ID ? { escalationConversationId: e.ESCALATION_CONVERSATION_ID } : {}),
    },
  };
}

const OffsetSchema = z.strictObject({
  from: z.enum(['trigger', 'due', 'ideal']),
  unit: z.enum(['calendarDays', 'workingDays', 'weeks', 'hours']),
  amount: z.number().int().min(-366).max(366),
  kind: z.enum(['reminder', 'escalation']).default('reminder'),
});
const SCHEDULE_KEYS = [...RULE_IDS, ...EXTRA_SCHEDULE_KEYS] as const;
const ScheduleOverridesSchema = z.partialRecord(z.enum(SCHEDULE_KEYS), z.array(OffsetSchema).max(10));

/** REMINDER_SCHEDULES: JSON such as {"APPEAL":[{"from":"due","unit":"calendarDays","amount":-7}],"AMENDED_PLAN":[]}. */
function parseScheduleOverrides(raw: string): Partial<Record<ScheduleKey, ReminderOffset[]>> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ConfigError('Invalid configuration:\n  REMINDER_SCHEDULES: must be JSON, e.g. {"APPEAL":[{"from":"due","unit":"calendarDays","amount":-7}]}');
  }
  const parsed = ScheduleOverridesSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  REMINDER_SCHEDULES.${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

/** Loads `.env` (if present) into process.env without overriding what is already set. */
export function loadDotEnv(file = path.resolve('.env')): void {
  // dotenv is tiny and synchronous; required lazily so tests that pass their own env never touch disk.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const dotenv = require('dotenv') as typeof import('dotenv');
  dotenv.config({ path: file, quiet: true });
}
