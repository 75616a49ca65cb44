import { createHash } from 'node:crypto';
import { recordAudit } from '../audit/recordAudit';
import { z } from 'zod';
import { VERBS } from '../../cards/verbs';
import { assertMayEditChanges, createChange, editChange, parsePositionInput, setLaPosition, validateChangeSubmission, changeFormValues } from '../../domain/preparation';
import { isCaseError } from '../../domain/cases';
import { changeFormValuesOf } from '../../cards/changeFormCard';
import { messageCard } from '../../cards/messageCard';
import { refreshRootCardSoon } from '../cases/caseCards';
import { changeFormFor, changesSummaryFor, mayReview, reviewCardFor } from '../preparation/changeCards';
import { sendChangesFor } from '../preparation/sendChanges';
import { cardResponse, errorResponse, refusal } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';
import { loadCase, type Loaded } from './caseAction';

const ChangeData = z.looseObject({ changeId: z.string().min(1).max(100).optional() });

/** The case named by the card, when the clicker may enter and send its requested changes. */
async function loadEditable(data: unknown, caller: ActionContext['caller'], deps: ActionContext['deps']): Promise<Loaded> {
  const loaded = await loadCase(data, caller, deps, 'member');
  if (!loaded.ok) return loaded;
  const denied = assertMayEditChanges(loaded.c, caller.aadObjectId ?? '');
  return denied ? { ok: false, response: errorResponse(403, denied.message) } : loaded;
}

function changeIdOf(data: unknown): string | undefined {
  const parsed = ChangeData.safeParse(data);
  return parsed.success ? parsed.data.changeId : undefined;
}

/** A blank requested-change form (family side or mediators). */
export const changesNewAction: CardAction = {
  verb: VERBS.changesNew,
  async handle({ caller, data, deps }: ActionContext) {
    const loaded = await loadEditable(data, caller, deps);
    if (!loaded.ok) return loaded.response;
    return cardResponse(changeFormFor(loaded.c, caller.aadObjectId ?? ''));
  },
};

export const changesEditAction: CardAction = {
  verb: VERBS.changesEdit,
  async handle({ caller, data, deps }: ActionContext) {
    const loaded = await loadEditable(data, caller, deps);
    if (!loaded.ok) return loaded.response;
    const id = changeIdOf(data);
    const change = id ? await deps.store.preparation.getChange(loaded.c.id, id) : null;
    if (!change) return errorResponse(404, 'That change no longer exists.');
    return cardResponse(changeFormFor(loaded.c, caller.aadObjectId ?? '', { change, values: changeFormValuesOf(change) }));
  },
};

/** Saves the form: a new draft, or an edit (an edit of a sent change re-sends it). */
export const changesSaveAction: CardAction = {
  verb: VERBS.changesSave,
  async handle({ caller, data, deps }: ActionContext) {
    const loaded = await loadEditable(data, caller, deps);
    if (!loaded.ok) return loaded.response;
    const c = loaded.c;
    const me = caller.aadObjectId ?? '';
    const validation = validateChangeSubmission(data);
    if (!validation.ok) return cardResponse(changeFormFor(c, me, { values: changeFormValues(data), errors: validation.errors }));
    const now = deps.now();
    const id = changeIdOf(data);
    if (id) {
      const r = await deps.store.preparation.updateChange(c.id, id, (ch) => editChange(c, ch, validation.value, me, now));
      if (r.status === 'not_found') return errorResponse(404, 'That change no longer exists.');
      if (r.status === 'conflict') return errorResponse(409, 'The change is busy with other edits. Please try again.');
      if (r.status === 'rejected') return cardResponse(changeFormFor(c, me, { change: r.change, values: changeFormValues(data), errors: { form: r.error.message } }));
      if (r.status === 'updated') await recordAudit(deps, c.id, me, 'changes.saved', `change:${id}`);
    } else {
      // The id comes from the change's content, so a double click adds one change, not two.
      const v = validation.value;
      const key = createHash('sha256').update([c.id, v.section, v.location, v.requestedWording, v.requestedBy ?? me].join('\u0000')).digest();
      const created = createChange(c, v, me, now, (n) => key.subarray(0, n));
      if (isCaseError(created)) return cardResponse(changeFormFor(c, me, { values: changeFormValues(data), errors: { form: created.message } }));
      const stored = await deps.store.preparation.addChange(created);
      // A double click returns the stored change; its entry has the change's id, so it is logged once per change.
      if (stored.createdAt === created.createdAt) await recordAudit(deps, c.id, me, 'changes.saved', `change:${stored.changeId}`);
    }
    // A party adds or edits changes one after another, and sees the summary as the answer: one card edit per burst.
    refreshRootCardSoon(c, deps);
    return cardResponse(await changesSummaryFor(c, me, deps));
  },
};

export const changesSendAction: CardAction = {
  verb: VERBS.changesSend,
  async handle({ scope, caller, data, deps }: ActionContext) {
    const loaded = await loadEditable(data, caller, deps);
    if (!loaded.ok) return loaded.response;
    const me = caller.aadObjectId ?? '';
    const outcome = await sendChangesFor(loaded.c, me, deps, scope === 'team' ? 'thread' : 'elsewhere');
    return cardResponse(messageCard({ title: 'Requested changes', text: outcome.text, tone: outcome.tone }));
  },
};

export const changesReviewAction: CardAction = {
  verb: VERBS.changesReview,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'member', caseRead);
    if (!loaded.ok) return loaded.response;
    if (!mayReview(loaded.c, caller.aadObjectId ?? '')) return errorResponse(403, 'Only the local authority officer and the mediators review the requested changes.');
    await recordAudit(deps, loaded.c.id, caller.aadObjectId, 'changes.viewed');
    const card = await reviewCardFor(loaded.c, deps, changeIdOf(data));
    return card ? cardResponse(card) : errorResponse(404, 'No changes have been sent to the local authority yet.');
  },
};

/** Agree, decline or discuss, with an optional internal note; then the next change without a position. */
export const changesPositionAction: CardAction = {
  verb: VERBS.changesPosition,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'member', caseRead);
    if (!loaded.ok) return loaded.response;
    const c = loaded.c;
    const me = caller.aadObjectId ?? '';
    const id = changeIdOf(data);
    const input = parsePositionInput(data);
    if (!id || isCaseError(input)) return errorResponse(400, isCaseError(input) ? input.message : 'This card is missing its change.');
    const r = await deps.store.preparation.updateChange(c.id, id, (ch) => setLaPosition(c, ch, input, me, deps.now()));
    switch (r.status) {
      case 'not_found':
        return errorResponse(404, 'That change no longer exists.');
      case 'conflict':
        return errorResponse(409, 'The change is busy with other edits. Please try again.');
      case 'rejected':
        return refusal(r.error);
      default: {
        if (r.status === 'updated') {
          await recordAudit(deps, c.id, me, 'changes.position', `change:${id}`);
          // The officer goes through the changes one after another: one card edit per burst.
          refreshRootCardSoon(c, deps);
        }
        const changes = await deps.store.preparation.listChanges(c.id);
        const next = changes.find((ch) => ch.sentAt !== undefined && ch.laPosition === undefined);
        return cardResponse(next ? ((await reviewCardFor(c, deps, next.changeId)) ?? (await changesSummaryFor(c, me, deps))) : await changesSummaryFor(c, me, deps));
      }
    }
  },
};

export const changesSummaryAction: CardAction = {
  verb: VERBS.changesSummary,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'member', caseRead);
    if (!loaded.ok) return loaded.response;
    await recordAudit(deps, loaded.c.id, caller.aadObjectId, 'changes.viewed');
    return cardResponse(await changesSummaryFor(loaded.c, caller.aadObjectId ?? '', deps));
  },
};
