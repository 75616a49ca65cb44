import { recordAudit } from '../audit/recordAudit';
import { cardActivity, notice } from '../cases/caseCards';
import { changeFormFor, changesSummaryFor, mayReview, reviewCardFor } from '../preparation/changeCards';
import { changesCaseOf, editableChangesCaseOf } from '../preparation/changesCase';
import { sendChangesFor } from '../preparation/sendChanges';
import type { Command, CommandContext } from './command';

/** `add change`: the form for one change the family asks for in the plan. */
export const addChangeCommand: Command = {
  name: 'add change',
  async run(ctx: CommandContext): Promise<void> {
    const c = await editableChangesCaseOf(ctx);
    if (!c) return;
    const me = ctx.caller.aadObjectId ?? '';
    await ctx.turn.sendActivity(cardActivity(changeFormFor(c, me)));
  },
};

/** `send changes`: every draft to the LA officer, with the late warning when it is under 3 working days. */
export const sendChangesCommand: Command = {
  name: 'send changes',
  async run(ctx: CommandContext): Promise<void> {
    const c = await editableChangesCaseOf(ctx);
    if (!c) return;
    const me = ctx.caller.aadObjectId ?? '';
    const outcome = await sendChangesFor(c, me, ctx.deps, ctx.scope === 'team' ? 'thread' : 'elsewhere');
    await ctx.turn.sendActivity(notice('Requested changes', outcome.text, outcome.tone));
  },
};

/** `changes`: the LA officer's review in a 1:1 chat; everyone else the summary. */
export const changesCommand: Command = {
  name: 'changes',
  async run(ctx: CommandContext): Promise<void> {
    const c = await changesCaseOf(ctx);
    if (!c) return;
    const me = ctx.caller.aadObjectId ?? '';
    await recordAudit(ctx.deps, c.id, me, 'changes.viewed');
    if (ctx.scope === 'personal' && mayReview(c, me)) {
      const review = await reviewCardFor(c, ctx.deps);
      if (review) {
        await ctx.turn.sendActivity(cardActivity(review));
        return;
      }
    }
    await ctx.turn.sendActivity(cardActivity(await changesSummaryFor(c, me, ctx.deps)));
  },
};
