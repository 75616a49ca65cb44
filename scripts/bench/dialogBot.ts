/**
 * The dialog step's second baseline: the smallest multi-turn bot, in the shape of
 * BotBuilder-Samples' 05.multi-turn-prompt, on the same botbuilder CloudAdapter and restify as the
 * product. Each message does what any multi-turn bot must do: load the conversation's dialog
 * state from storage, continue a WaterfallDialog (one TextPrompt per step, restarting after
 * the last), save the state and send the next question (one call to the Bot Connector).
 * The state is kept in a SQLite file (WAL, synchronous=NORMAL: written, not fsynced, as the
 * product keeps its own dialog state), so the baseline stores what it must and nothing else:
 * no authentication, no idempotency record, no audit, no answer saved for anyone to read.
 * Run as its own process (compiled, as production runs): `PORT=… DATA_DIR=… node dist/scripts/bench/dialogBot.js`.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, type Storage, type StoreItems, type TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { serveBaseline } from './baselineServer';

const QUESTIONS = ['Who will attend for the LA?', 'What is their role?', 'Do they have full authority?', 'Have you read the papers?', 'Any access needs?'] as const;

/** botbuilder's Storage on one SQLite table: the state of each conversation as JSON. */
class SqliteStorage implements Storage {
  private readonly readOne: Database.Statement<[string], { doc: string }>;
  private readonly writeOne: Database.Statement<[string, string]>;
  private readonly deleteOne: Database.Statement<[string]>;

  constructor(private readonly db: Database.Database) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE IF NOT EXISTS state (_id TEXT PRIMARY KEY, doc TEXT NOT NULL)');
    this.readOne = db.prepare('SELECT doc FROM state WHERE _id = ?');
    this.writeOne = db.prepare('INSERT INTO state (_id, doc) VALUES (?, ?) ON CONFLICT(_id) DO UPDATE SET doc = excluded.doc');
    this.deleteOne = db.prepare('DELETE FROM state WHERE _id = ?');
  }

  async read(keys: string[]): Promise<StoreItems> {
    const items: StoreItems = {};
    for (const key of keys) {
      const row = this.readOne.get(key);
      if (row) items[key] = JSON.parse(row.doc) as unknown;
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    this.db.transaction(() => {
      for (const [key, value] of Object.entries(changes)) this.writeOne.run(key, JSON.stringify(value));
    })();
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.deleteOne.run(key);
  }
}

const dataDir = process.env.DATA_DIR ?? '.';
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const conversationState = new ConversationState(new SqliteStorage(new Database(path.join(dataDir, 'dialog-baseline.sqlite'))));
const dialogState = conversationState.createProperty('DialogState');
const dialogs = new DialogSet(dialogState);
dialogs.add(new TextPrompt('text'));
dialogs.add(
  new WaterfallDialog(
    'questions',
    [
      ...QUESTIONS.map((prompt) => async (step: WaterfallStepContext) => step.prompt('text', { prompt })),
      async (step: WaterfallStepContext) => step.replaceDialog('questions'),
    ],
  ),
);

async function logic(context: TurnContext): Promise<void> {
  if (context.activity.type !== 'message') return;
  const dc = await dialogs.createContext(context);
  const result = await dc.continueDialog();
  if (result.status === DialogTurnStatus.empty) await dc.beginDialog('questions');
  await conversationState.saveChanges(context);
}

serveBaseline('dialog baseline bot', adapter, logic);
