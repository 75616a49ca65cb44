import { ConversationState, TurnContext } from 'botbuilder';
import { withAuditPlace } from '../storage/auditPlace';
import { auditPlaceOf } from './audit/auditPlace';
import { scopeOf } from './turnInfo';
import { ConversationPacer } from '../delivery';
import type { AppStore } from '../storage/appStore';
import type { Terms } from '../domain/terms';
import { BackgroundTasks } from './background';
import { CaseCardEdits } from './cases/caseCardEdits';
import { createCalendar } from '../domain/timescales';
import { MediationAdapter } from './adapter';
import { CardActionRouter } from './cardActionRouter';
import { CommandRouter } from './commandRouter';
import { ALL_ACTIONS, ALL_COMMANDS } from './registry';
import type { AppConfig } from './config';
import type { BotDeps } from './deps';
import type { Logger } from './logger';
import { MediationBot } from './mediationBot';
import { MessageEndpoint } from './messageEndpoint';
import { ProactiveSender, type DeliveryPolicy } from './proactive';
import { PreparationDialogs } from './preparation/preparationDialogs';
import { preparationPort } from './preparation/preparationPort';
import { recordConversation } from './recordConversation';
import { ReminderService } from './reminders/reminderService';
import { PurgeService } from './retention/purgeService';
import { dailyFollowUp } from './followUp/startFollowUp';
import { installTurnErrorHandler } from './turnErrorHandler';

export interface BotApp {
  readonly endpoint: MessageEndpoint;
  readonly adapter: MediationAdapter;
  readonly deps: BotDeps;
}

/** Wires the pieces together; no I/O of its own, so tests build it around any store and clock. */
export interface BotAppOptions {
  readonly config: AppConfig;
  readonly store: AppStore;
  readonly log: Logger;
  readonly terms: Terms;
  readonly now?: () => Date;
  readonly publicBaseUrl?: () => string;
  /** Pacing and retries of proactive sends; Teams' limits and the default backoff unless a test shortens them. */
  readonly delivery?: DeliveryPolicy;
}

export function createBotApp({ config, store, log, terms, now = () => new Date(), publicBaseUrl, delivery }: BotAppOptions): BotApp {
  const adapter = new MediationAdapter(config.credentials);
  const background = new BackgroundTasks(log);
  const base: Omit<BotDeps, 'preparation' | 'reminders' | 'purge'> = {
    publicBaseUrl: publicBaseUrl ?? (() => config.publicBaseUrl ?? `http://localhost:${config.port}`),
    config,
    store,
    log,
    now,
    calendar: createCalendar({ extraNonWorkingDays: [...config.extraNonWorkingDays] }),
    conversationState: new ConversationState(store.state),
    proactive: new ProactiveSender(adapter, config.credentials?.appId ?? '', store, log, now, delivery ?? { pacer: new ConversationPacer() }),
    background,
    cardEdits: new CaseCardEdits(config.caseCardWindowMs, background),
    terms,
  };
  const deps: BotDeps = {
    ...base,
    preparation: new PreparationDialogs(base.conversationState, preparationPort(base)),
    reminders: new ReminderService(base),
    purge: new PurgeService(base, () => dailyFollowUp(base)),
  };
  installTurnErrorHandler(adapter, deps);
  const cardActions = new CardActionRouter(ALL_ACTIONS, deps);
  const bot = new MediationBot(deps, new CommandRouter(ALL_COMMANDS, deps), cardActions);
  const logic = async (context: TurnContext): Promise<void> => {
    await recordConversation(context, store, now());
    await withAuditPlace(auditPlaceOf(scopeOf(context)), () => bot.run(context));
  };
  return { endpoint: new MessageEndpoint(adapter, store, logic, log, now, (a) => cardActions.isIdempotentByRecord(a)), adapter, deps };
}
