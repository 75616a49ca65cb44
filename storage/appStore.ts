import type { Backend } from './collection';
import { EmbeddedBackend } from './embedded/embeddedBackend';
import { MongoBackend } from './mongo/mongoBackend';
import { ConversationStore, conversationIndexes, type ConversationRecord } from './conversationStore';
import { ProcessedActivityStore, processedActivityIndexes, type ProcessedActivityDoc } from './processedActivityStore';
import { StateStore, type StateDoc } from './stateStore';

/** Everything the product stores, behind one object; the backend is chosen at start-up. */
export interface AppStore {
  readonly kind: Backend['kind'];
  readonly conversations: ConversationStore;
  readonly processedActivities: ProcessedActivityStore;
  readonly state: StateStore;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export type StoreOptions =
  | { readonly kind: 'embedded'; readonly dataDir: string; readonly onRepair?: (file: string, bytes: number) => void }
  | { readonly kind: 'mongodb'; readonly uri: string; readonly db: string };

export async function openStore(options: StoreOptions): Promise<AppStore> {
  const backend: Backend =
    options.kind === 'embedded'
      ? await EmbeddedBackend.open(options.dataDir, options.onRepair)
      : await MongoBackend.open(options.uri, options.db);
  return createAppStore(backend);
}

export async function createAppStore(backend: Backend): Promise<AppStore> {
  try {
    return await assemble(backend);
  } catch (err) {
    // A store that fails to open must not leave timers or connections behind.
    await backend.close().catch(() => undefined);
    throw err;
  }
}

async function assemble(backend: Backend): Promise<AppStore> {
  const conversations = await backend.collection<ConversationRecord>('conversations', conversationIndexes);
  const processed = await backend.collection<ProcessedActivityDoc>('processed_activities', processedActivityIndexes);
  const state = await backend.collection<StateDoc>('bot_state', []);
  return {
    kind: backend.kind,
    conversations: new ConversationStore(conversations),
    processedActivities: new ProcessedActivityStore(processed),
    state: new StateStore(state),
    ping: () => backend.ping(),
    close: () => backend.close(),
  };
}
