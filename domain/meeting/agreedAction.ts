import { z } from 'zod';
import { ID_PATTERN } from '../cases';
import { isIsoDate } from '../timescales';
import { ACTION_CATEGORIES, ACTION_CATEGORY_INFO } from './actionCategories';
import { ActionOwnerSchema } from './actionOwner';

/**
 * One SMART action agreed at the meeting (docs/rules.md#people-and-documents, #outcome-statement): who, what, which clock,
 * and optionally a date agreed in writing that replaces the statutory one (reg 42(5), T16).
 * `what` is the agreed wording that will appear in the outcome; it is not a note of the
 * discussion (docs/rules.md#what-the-product-never-records).
 */
export const ACTION_WHAT_MAX = 500;
/**
 * Bounds the meeting document, and keeps the read-back card under Teams' size limit even
 * when every action uses all 500 characters (about 23 KB for 20).
 */
export const ACTIONS_MAX = 20;

const instant = z.iso.datetime();
const isoDate = z.string().refine((v) => isIsoDate(v), { error: 'not a YYYY-MM-DD date' });

export const AgreedActionSchema = z
  .object({
    /** Stable: given when the form is first shown, so a re-sent form cannot add the action twice. */
    actionId: z.string().regex(ID_PATTERN),
    owner: ActionOwnerSchema,
    what: z.string().min(1).max(ACTION_WHAT_MAX),
    category: z.enum(ACTION_CATEGORIES),
    /** Agreed in writing (reg 42(5)); replaces the statutory date, which is still shown beside it. */
    agreedDueDate: isoDate.optional(),
    addedAt: instant,
    addedBy: z.string().min(1),
    updatedAt: instant.optional(),
    updatedBy: z.string().min(1).optional(),
  })
  .refine((a) => !ACTION_CATEGORY_INFO[a.category].needsAgreedDate || a.agreedDueDate !== undefined, {
    error: 'an action with no statutory timescale needs an agreed date',
    path: ['agreedDueDate'],
  });
export type AgreedAction = z.infer<typeof AgreedActionSchema>;

/** What the form decides about an action; the rest (ids, who, when) is added by the edit. */
export type ActionInput = Pick<AgreedAction, 'owner' | 'what' | 'category' | 'agreedDueDate'>;
