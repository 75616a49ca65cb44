import type { ConversationState } from 'botbuilder';
import type { AppStore } from '../storage/appStore';
import type { Calendar } from '../domain/timescales';
import type { AppConfig } from './config';
import type { Terms } from '../domain/terms';
import type { BackgroundTasks } from './background';
import type { CaseCardEdits } from './cases/caseCardEdits';
import type { Logger } from './logger';
import type { ProactiveSender } from './proactive';
import type { PreparationDialogs } from './preparation/preparationDialogs';
import type { ReminderService } from './reminders/reminderService';
import type { PurgeService } from './retention/purgeService';

/** What handlers need, passed in explicitly so tests can swap the clock and the store. */
export interface BotDeps {
  readonly config: AppConfig;
  readonly store: AppStore;
  readonly log: Logger;
  readonly calendar: Calendar;
  readonly conversationState: ConversationState;
  readonly now: () => Date;
  readonly proactive: ProactiveSender;
  readonly background: BackgroundTasks;
  /** When each case's card is next edited: at once, or after the case's coalescing window. */
  readonly cardEdits: CaseCardEdits;
  /** The provider's current Terms of Engagement, versioned by content hash. */
  readonly terms: Terms;
  readonly preparation: PreparationDialogs;
  /** Where people reach this bot's own pages (PUBLIC_BASE_URL, or the local address once listening). */
  readonly publicBaseUrl: () => string;
  /** Deadline recomputation and the reminder scheduler. */
  readonly reminders: ReminderService;
  /** The daily purge of ended cases past their retention. */
  readonly purge: PurgeService;
}
