import { ALL_ACTIONS, ALL_COMMANDS } from '../../../bot/registry';
import { COMMANDS } from '../../../bot/commandCatalog';
import { VERBS } from '../../../cards/verbs';
import type { Step } from './journey';

/** Every card verb the product knows of: emitted by cards (cards/verbs.ts) or handled (bot/registry.ts). */
export const ALL_VERBS: readonly string[] = [...new Set([...Object.values(VERBS), ...ALL_ACTIONS.map((a) => a.verb)])].sort();
/** Every typed command: in the catalog (help, manifest) or routed (bot/registry.ts). */
export const ALL_COMMAND_NAMES: readonly string[] = [...new Set([...COMMANDS.map((c) => c.name), ...ALL_COMMANDS.map((c) => c.name)])].sort();

const handledVerbs = new Set(ALL_ACTIONS.map((a) => a.verb));
const routedCommands = new Set(ALL_COMMANDS.map((c) => c.name).filter((n) => COMMANDS.some((c) => c.name === n)));

/** Whether the product can answer the step at all; steps written ahead of their handler are left out of the run. */
export function isRegistered(step: Step): boolean {
  if ('verb' in step.covers) return handledVerbs.has(step.covers.verb);
  if ('command' in step.covers) return routedCommands.has(step.covers.command);
  return true;
}

/** Names in `all` that no step covers and that are not excused: the message names each one. */
export function uncovered(all: readonly string[], covered: Iterable<string>, excused: Readonly<Record<string, string>> = {}): string[] {
  const have = new Set(covered);
  return all.filter((name) => !have.has(name) && !(name in excused));
}

export const verbsOf = (steps: readonly Step[]) => steps.flatMap((s) => ('verb' in s.covers ? [s.covers.verb] : []));
export const commandsOf = (steps: readonly Step[]) => steps.flatMap((s) => ('command' in s.covers ? [s.covers.command] : []));
