/**
 * The configuration page Teams shows when someone adds the "Cases" tab to a channel. Nothing to
 * choose: it saves the dashboard's channel view as the tab's content.
 */
import { app, pages } from '@microsoft/teams-js';
import { initializeWithin } from './teamsHost';

const status = document.getElementById('status') as HTMLElement;

async function configure(): Promise<void> {
  try {
    await initializeWithin(app);
  } catch {
    status.textContent = 'Open this page from Microsoft Teams, when adding the Cases tab to a channel.';
    return;
  }
  const origin = window.location.origin;
  pages.config.registerOnSaveHandler((save) => {
    pages.config
      .setConfig({
        entityId: 'cases',
        contentUrl: `${origin}/tab/?view=channel`,
        websiteUrl: `${origin}/tab/?view=channel`,
        suggestedDisplayName: 'Cases',
      })
      .then(() => save.notifySuccess())
      .catch((err: unknown) => save.notifyFailure(err instanceof Error ? err.message : 'Could not save the tab'));
  });
  pages.config.setValidityState(true);
  status.textContent = 'Select Save to add the case dashboard to this channel.';
}

void configure();
