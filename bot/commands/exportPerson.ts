import { sameTenant } from '../../domain/cases';
import { isProviderAdmin } from '../../domain/retention';
import { recordAudit } from '../audit/recordAudit';
import { notice } from '../cases/caseCards';
import { sendExportLinks } from '../export/exportLinks';
import type { Command, CommandContext } from './command';

const AAD_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `export person <AAD object id>` (provider admins, 1:1 chat): one-time links to everything stored
 * about that person across every case, for a subject access request. The id is the person's
 * Entra object id (Teams admin centre or Entra ID, "Object ID").
 */
export const exportPersonCommand: Command = {
  name: 'export person',
  async run({ turn, caller, args, deps }: CommandContext): Promise<void> {
    if (!isProviderAdmin(deps.config.adminAllowlist, caller.aadObjectId)) {
      await turn.sendActivity(notice('Not allowed', "You can't use that here: only the provider's admins export a person's records.", 'warning'));
      return;
    }
    const id = args.trim().toLowerCase();
    if (!AAD_OBJECT_ID.test(id)) {
      await turn.sendActivity(notice('Whose records?', "Give the person's Entra object id, for example: **export person 00000000-0000-0000-0000-000000000000**.", 'warning'));
      return;
    }
    const cases = (await deps.store.cases.listForUser(id)).filter((c) => sameTenant(c, caller.tenantId));
    await sendExportLinks(deps, caller, turn.activity.conversation.id, { personId: id }, 'Export of one person’s records');
    for (const c of cases) await recordAudit(deps, c.id, caller.aadObjectId, 'export.created', `person:${id}`);
    await turn.sendActivity(notice('Export ready', `I have sent you two one-time links, valid for 24 hours. The person is in ${cases.length} ${cases.length === 1 ? 'case' : 'cases'} here.`, 'success'));
  },
};
