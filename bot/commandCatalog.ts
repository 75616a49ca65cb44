/**
 * The commands people can type, per Teams scope. `help` and the app manifest's
 * command lists are both generated from this one list, so they cannot drift apart.
 * No botbuilder import here: scripts/package.ts reads it too.
 */
export type Scope = 'personal' | 'groupChat' | 'team';

export interface CommandInfo {
  /** What the person types (after the @mention in chats and channels). */
  readonly name: string;
  /** Shown by `help` and in the Teams command menu (manifest limit: 128 characters). */
  readonly description: string;
  readonly scopes: readonly Scope[];
  /**
   * false: listed by `help` but left out of the Teams command menu, which shows at most 10
   * commands per scope.
   */
  readonly menu?: false;
}

export const COMMANDS: readonly CommandInfo[] = [
  { name: 'help', description: 'List what I can do here', scopes: ['personal', 'groupChat', 'team'] },
  {
    name: 'dates',
    description: 'How statutory dates are counted, and a due-date calculator',
    scopes: ['personal', 'team'],
  },
  { name: 'new case', description: 'Open a new mediation case in this channel (mediators)', scopes: ['team'] },
  { name: 'status', description: "Show this case's card (in a case thread)", scopes: ['team'], menu: false },
  {
    name: 'edit',
    description: "Add or correct the case's facts: dates, meeting time and place (mediators, in a case thread)",
    scopes: ['team'],
    menu: false,
  },
  {
    name: 'find a date',
    description: 'Poll the parties on up to 8 meeting dates, marked against the 30-day limit (mediators, in a case thread)',
    scopes: ['team'],
    menu: false,
  },
  {
    name: 'invite',
    description: 'Get a one-time code for a party outside the team, e.g. invite parent (mediators, in a case thread)',
    scopes: ['team'],
  },
  {
    name: 'send terms',
    description: 'Send the Terms of Engagement to every party who has not agreed (mediators, in a case thread)',
    scopes: ['team'],
  },
  {
    name: 'record terms',
    description: "Record a party's agreement to the terms on their behalf (mediators, in a case thread)",
    scopes: ['team'],
    menu: false,
  },
  { name: 'my cases', description: 'Your cases, your role in each and your next task', scopes: ['personal'] },
  { name: 'join', description: 'Join a case with the code from your invitation: join ABCD-EFGH-JKMN-PQRS', scopes: ['personal'] },
  {
    name: 'start preparation',
    description: 'Send the preparation questions to the LA officer, ICB and family (mediators, in a case thread)',
    scopes: ['team'],
  },
  {
    name: 'prep',
    description: 'Carry on with your preparation questions; in a case thread, the preparation board (mediators)',
    scopes: ['personal', 'team'],
  },
  { name: 'add change', description: 'Enter a change the family asks for in the plan (plan-content cases)', scopes: ['personal', 'team'] },
  { name: 'send changes', description: 'Send the requested changes to the LA officer', scopes: ['personal', 'team'], menu: false },
  { name: 'changes', description: "Requested changes: the summary, or the LA officer's review", scopes: ['personal', 'team'], menu: false },
  { name: 'link', description: "Make this group chat the case's meeting chat: link SM-2026-041 (mediators)", scopes: ['groupChat'] },
  {
    name: 'start meeting',
    description: 'The meeting checklist, with the checks before it starts (mediators, case thread or meeting chat)',
    scopes: ['team', 'groupChat'],
  },
  { name: 'add action', description: 'Record an agreed SMART action during the meeting (mediators)', scopes: ['team', 'groupChat'] },
  { name: 'outcome', description: 'Draft and publish the outcome statement after the meeting (mediators, in a case thread)', scopes: ['team'], menu: false },
  { name: 'certificate', description: 'Issue the mediation certificate, with the appeal-by date (mediators, in a case thread)', scopes: ['team'], menu: false },
  {
    name: 'reminders',
    description: "This case's deadlines, the reminders to come and those sent, with delivery status (in a case thread)",
    scopes: ['team'],
    menu: false,
  },
  { name: 'actions', description: "Every agreed action's state after the meeting: due date, delays, done (mediators, in a case thread)", scopes: ['team'], menu: false },
  { name: 'feedback', description: "Counts and averages of the parties' feedback: feedback [from to] (provider admins)", scopes: ['personal'], menu: false },
  { name: 'close case', description: 'Close this case once the certificate is issued or the family withdrew (mediators, in a case thread)', scopes: ['team'], menu: false },
  { name: 'withdraw', description: 'Record that the family withdrew, with the date (mediators, in a case thread)', scopes: ['team'], menu: false },
  { name: 'cancel', description: 'Cancel a case opened by mistake (mediators, in a case thread)', scopes: ['team'], menu: false },
  { name: 'legal hold', description: 'Keep this case from being deleted, with the reason; legal hold off releases it (provider admins, case thread)', scopes: ['team'], menu: false },
  { name: 'purge', description: 'purge --dry-run: what the next daily purge would delete (provider admins)', scopes: ['personal'], menu: false },
  { name: 'export', description: 'One-time links to everything stored about this case, for a subject access request (lead mediator or provider admin)', scopes: ['team'], menu: false },
  { name: 'export person', description: "export person <Entra object id>: one-time links to everything stored about a person (provider admins)", scopes: ['personal'], menu: false },
  { name: 'forget party', description: "Erase a party's name and Teams identity, with the reason (provider admins, in a case thread)", scopes: ['team'], menu: false },
  {
    name: 'audit',
    description: "Who viewed or changed this case, and when: the case's audit log (mediators, provider admins; case thread)",
    scopes: ['team'],
    menu: false,
  },
];

export function commandsFor(scope: Scope): CommandInfo[] {
  return COMMANDS.filter((c) => c.scopes.includes(scope));
}

/** What the Teams command menu of a scope shows (the manifest's command list). */
export function menuCommandsFor(scope: Scope): CommandInfo[] {
  return commandsFor(scope).filter((c) => c.menu !== false);
}
