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
}

export const COMMANDS: readonly CommandInfo[] = [
  { name: 'help', description: 'List what I can do here', scopes: ['personal', 'groupChat', 'team'] },
  {
    name: 'dates',
    description: 'How statutory dates are counted, and a due-date calculator',
    scopes: ['personal', 'team'],
  },
];

export function commandsFor(scope: Scope): CommandInfo[] {
  return COMMANDS.filter((c) => c.scopes.includes(scope));
}
