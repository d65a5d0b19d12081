import type { DomainHandlers } from '../core/handler';
import { cancelActiveRegistrations } from '../registrations/workshop-cancellation';
import { fillFreeSeats } from '../registrations/registrations.service';
import { searchWorkshops } from './workshop-search';
import {
  archiveWorkshop,
  cancelWorkshop,
  createWorkshop,
  deleteWorkshop,
  duplicateWorkshop,
  getWorkshop,
  listForOrganisers,
  publishWorkshop,
  unpublishWorkshop,
  updateWorkshop,
} from './workshops.service';
import { createCategory, deleteCategory, deleteTag, filterOptions, listCategories, listTags, mergeTags, renameCategory, renameTag } from './taxonomy.service';

export const workshopsHandlers: DomainHandlers<'workshops'> = {
  'workshops:search': ({ ctx, input }) => searchWorkshops(ctx, input),
  'workshops:get': ({ ctx, caller, input }) => getWorkshop(ctx, caller, input.id),
  'workshops:filterOptions': ({ ctx }) => filterOptions(ctx),
  'workshops:listForOrganisers': ({ ctx, input }) => listForOrganisers(ctx, input),
  'workshops:create': ({ ctx, caller, input }) => createWorkshop(ctx, caller, input),
  'workshops:update': ({ ctx, caller, input }) => updateWorkshop(ctx, caller, input, fillFreeSeats),
  'workshops:duplicate': ({ ctx, caller, input }) => duplicateWorkshop(ctx, caller, input.id),
  'workshops:publish': ({ ctx, caller, input }) => publishWorkshop(ctx, caller, input.id),
  'workshops:unpublish': ({ ctx, caller, input }) => unpublishWorkshop(ctx, caller, input.id),
  'workshops:cancel': ({ ctx, caller, input }) => cancelWorkshop(ctx, caller, input, cancelActiveRegistrations),
  'workshops:archive': ({ ctx, caller, input }) => archiveWorkshop(ctx, caller, input.id),
  'workshops:delete': ({ ctx, caller, input }) => deleteWorkshop(ctx, caller, input.id),
};

export const categoriesHandlers: DomainHandlers<'categories'> = {
  'categories:list': ({ ctx }) => listCategories(ctx),
  'categories:create': ({ ctx, caller, input }) => createCategory(ctx, caller, input.name),
  'categories:rename': ({ ctx, caller, input }) => renameCategory(ctx, caller, input.id, input.name),
  'categories:delete': ({ ctx, caller, input }) => deleteCategory(ctx, caller, input.id, input.moveToId),
};

export const tagsHandlers: DomainHandlers<'tags'> = {
  'tags:list': ({ ctx }) => listTags(ctx),
  'tags:rename': ({ ctx, caller, input }) => renameTag(ctx, caller, input.id, input.name),
  'tags:merge': ({ ctx, caller, input }) => mergeTags(ctx, caller, input.sourceIds, input.targetId),
  'tags:delete': ({ ctx, caller, input }) => deleteTag(ctx, caller, input.id),
};
