import type { Deadline, Responsibility } from './deadline';
import type { Reminder } from './remindersFor';

/**
 * Where a reminder goes. The bot turns each target into conversations (a person's 1:1 chat,
 * the case's channel thread, the configured escalation channel); the domain only says who.
 *
 * A reminder goes to whoever is responsible: the holders of a role, one party, or the
 * mediators. An escalation (docs/rules.md#timescale-rules: notify the provider's case manager and, where
 * relevant, the LA SEN manager) goes to the case thread, where the mediators and the parties
 * see it, and to the escalation channel the deployment configures for case managers.
 */
export type DeliveryTarget =
  | { readonly kind: 'responsible'; readonly responsible: Responsibility }
  | { readonly kind: 'caseThread' }
  | { readonly kind: 'escalationChannel' };

export function deliveryTargets(reminder: Pick<Reminder, 'kind'>, deadline: Pick<Deadline, 'responsible'>): DeliveryTarget[] {
  return reminder.kind === 'escalation'
    ? [{ kind: 'caseThread' }, { kind: 'escalationChannel' }]
    : [{ kind: 'responsible', responsible: deadline.responsible }];
}
