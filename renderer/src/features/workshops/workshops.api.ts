import type { InputOf } from '../../../../shared/ipc/contract';
import { invoke } from '../../lib/api';

export const workshopsApi = {
  search: (input: InputOf<'workshops:search'>) => invoke('workshops:search', input),
  get: (id: string) => invoke('workshops:get', { id }),
  filterOptions: () => invoke('workshops:filterOptions', {}),
  listForOrganisers: (input: InputOf<'workshops:listForOrganisers'>) => invoke('workshops:listForOrganisers', input),
  create: (input: InputOf<'workshops:create'>) => invoke('workshops:create', input),
  update: (input: InputOf<'workshops:update'>) => invoke('workshops:update', input),
  duplicate: (id: string) => invoke('workshops:duplicate', { id }),
  publish: (id: string) => invoke('workshops:publish', { id }),
  unpublish: (id: string) => invoke('workshops:unpublish', { id }),
  cancel: (id: string, reason: string) => invoke('workshops:cancel', { id, reason }),
  archive: (id: string) => invoke('workshops:archive', { id }),
  remove: (id: string) => invoke('workshops:delete', { id }),
};

export const taxonomyApi = {
  categories: () => invoke('categories:list', {}),
  createCategory: (name: string) => invoke('categories:create', { name }),
  renameCategory: (id: string, name: string) => invoke('categories:rename', { id, name }),
  deleteCategory: (id: string, moveToId?: string) => invoke('categories:delete', { id, moveToId }),
  tags: () => invoke('tags:list', {}),
  renameTag: (id: string, name: string) => invoke('tags:rename', { id, name }),
  mergeTags: (sourceIds: string[], targetId: string) => invoke('tags:merge', { sourceIds, targetId }),
  deleteTag: (id: string) => invoke('tags:delete', { id }),
};
