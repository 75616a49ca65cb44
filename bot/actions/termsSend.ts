import { VERBS } from '../../cards/verbs';
import { recordAudit } from '../audit/recordAudit';
import { caseCardFor, notice, postInThread } from '../cases/caseCards';
import { sendTermsToParties, termsReportText } from '../cases/termsSender';
import { cardResponse } from '../invokeResponses';
import { firstSendInWindow } from '../sendOnce';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

/** "Send terms" on the case card: the sends run after the answer, and their report goes to the thread. */
export const termsSendAction: CardAction = {
  verb: VERBS.termsSend,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'mediator', caseRead);
    if (!loaded.ok) return loaded.response;
    const c = loaded.c;
    if (!(await firstSendInWindow(deps, 'terms', c.id))) return cardResponse(await caseCardFor(c, deps, caller.aadObjectId));
    await recordAudit(deps, c.id, caller.aadObjectId, 'terms.sent');
    deps.background.run('send terms', async () => {
      const report = await sendTermsToParties(c, deps);
      await postInThread(c, deps, notice('Terms of Engagement', termsReportText(report), report.unreachable.length ? 'warning' : 'success'));
    });
    return cardResponse(await caseCardFor(c, deps, caller.aadObjectId));
  },
};
