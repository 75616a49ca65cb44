import { TeamsInfo, type TurnContext } from 'botbuilder';
import type { TeamsPerson } from '../../domain/cases';

/** Upper bound on what one roster card lists; a provider's case channel is far smaller. */
const MAX_MEMBERS = 1000;

/**
 * The members of the team or chat this turn is in, from Teams itself: role pickers are
 * only trusted for people on this list, never for ids that come back in card data.
 */
export async function fetchRoster(turn: TurnContext): Promise<TeamsPerson[]> {
  const people: TeamsPerson[] = [];
  let token: string | undefined;
  do {
    const page = await TeamsInfo.getPagedMembers(turn, 200, token);
    for (const m of page.members) {
      if (m.aadObjectId) people.push({ aadObjectId: m.aadObjectId, displayName: m.name || 'Unnamed member', teamsUserId: m.id });
    }
    token = page.continuationToken || undefined;
  } while (token && people.length < MAX_MEMBERS);
  return people.sort((a, b) => a.displayName.localeCompare(b.displayName, 'en-GB'));
}
