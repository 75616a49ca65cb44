import type { Case, Party } from '../../domain/cases';
import { preparationKindFor } from '../../domain/preparation';
import { noteSent } from '../cases/termsSender';
import type { BotDeps } from '../deps';

export interface PreparationSendReport {
  readonly started: readonly string[];
  readonly unreachable: readonly string[];
}

/** The parties who have preparation questions: LA officer and ICB (authority), parent and young person (family). */
export function partiesToPrepare(c: Case): Party[] {
  return c.parties.filter((p) => preparationKindFor(p.role) !== undefined);
}

/** Begins each party's preparation dialog in their 1:1 chat; their first question arrives there. */
export async function startPreparationFor(c: Case, deps: BotDeps): Promise<PreparationSendReport> {
  const started: string[] = [];
  const unreachable: string[] = [];
  for (const party of partiesToPrepare(c)) {
    const kind = preparationKindFor(party.role);
    if (!kind || !c.thread || (!party.aadObjectId && !party.teamsUserId)) {
      unreachable.push(party.displayName);
      continue;
    }
    try {
      await deps.proactive.inPersonalChat({ aadObjectId: party.aadObjectId, channelAccountId: party.teamsUserId }, c.thread.conversationId, async (ctx) => {
        await deps.preparation.begin(ctx, kind, { caseId: c.id, partyId: party.partyId });
        await deps.conversationState.saveChanges(ctx, false);
      });
      started.push(party.displayName);
    } catch (err) {
      deps.log.warn({ caseId: c.id, partyId: party.partyId, err: (err as Error).message }, 'could not start preparation');
      unreachable.push(party.displayName);
    }
  }
  if (started.length > 0) await noteSent(c, 'preparation.sent', deps);
  return { started, unreachable };
}

export function preparationReportText(r: PreparationSendReport): string {
  const parts: string[] = [];
  if (r.started.length) parts.push(`I have started the preparation questions with ${r.started.join(', ')} in their 1:1 chat with me.`);
  if (r.unreachable.length) parts.push(`I could not reach ${r.unreachable.join(', ')}: they need to join the case first (**invite <role>**).`);
  if (parts.length === 0) parts.push('No party of this case has preparation questions yet: add the LA officer and the family first.');
  return parts.join('\n\n');
}
