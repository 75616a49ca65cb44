import { feedbackSummaryCard } from '../../cards/feedbackSummaryCard';
import { roleLabel, isPartyRole } from '../../domain/cases';
import { summariseFeedback } from '../../domain/followUp';
import { SMALL_COUNT_LIMIT } from '../../domain/service/cells';
import { londonDate } from '../../domain/londonTime';
import { isProviderAdmin } from '../../domain/retention';
import { addCalendarMonths, formatDate, isIsoDate, isoFromDayNumber, parseIsoDate } from '../../domain/timescales';
import { cardActivity, notice } from '../cases/caseCards';
import type { Command, CommandContext } from './command';

/**
 * `feedback [from to]` (provider admins, 1:1 chat): counts and averages of the parties'
 * feedback between two dates (default: the last 12 months). Never one person's answer.
 */
export const feedbackCommand: Command = {
  name: 'feedback',
  async run({ turn, caller, args, deps }: CommandContext): Promise<void> {
    if (!isProviderAdmin(deps.config.adminAllowlist, caller.aadObjectId)) {
      await turn.sendActivity(notice('Not allowed', "You can't use that here: only the provider's admins can see the feedback figures.", 'warning'));
      return;
    }
    const today = londonDate(deps.now());
    const yearAgo = isoFromDayNumber(addCalendarMonths(parseIsoDate(today), -12));
    const [from = yearAgo, to = today] = args.split(/\s+/).filter(Boolean);
    if (!isIsoDate(from) || !isIsoDate(to) || from > to) {
      await turn.sendActivity(notice('Feedback', 'Type **feedback**, or **feedback 2026-01-01 2026-12-31** for a period (from, then to).', 'info'));
      return;
    }
    // The admin's own tenant: a provider sees only its own service's answers.
    const s = summariseFeedback(caller.tenantId ? await deps.store.followUp.listFeedbackAnswers(caller.tenantId, from, to) : []);
    const pct = (n: number) => (s.count === 0 ? '' : ` (${Math.round((n / s.count) * 100)}%)`);
    // Averages of one to four answers could be one person's answer (the admin may know who took part).
    const few = s.count > 0 && s.count < SMALL_COUNT_LIMIT;
    const shown = (text: string) => (few ? 'not shown (fewer than 5 answers)' : text);
    await turn.sendActivity(
      cardActivity(
        feedbackSummaryCard({
          periodText: `${formatDate(from)} to ${formatDate(to)}`,
          count: s.count,
          rows: [
            ['Answers', String(s.count)],
            ['Fairness (1-5), average', shown(s.fairnessAverage?.toFixed(1) ?? '-')],
            ['Clarity (1-5), average', shown(s.clarityAverage?.toFixed(1) ?? '-')],
            ['Would use mediation again', shown(`${s.wouldUseAgain}${pct(s.wouldUseAgain)}`)],
            ['With a comment', shown(String(s.comments))],
          ],
          byRole: few ? [] : Object.entries(s.byRole).map(([role, n]) => [isPartyRole(role) ? roleLabel(role) : role, String(n)] as const),
        }),
      ),
    );
  },
};
