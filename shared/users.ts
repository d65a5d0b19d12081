import { z } from 'zod';
import { boundedInt, idText, INT4_MAX, text } from './text';
import { emailSchema, passwordSchema, personNameSchema, roleSchema } from './auth';
import type { Role } from './roles';

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: Role;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

export const listUsersInput = z.object({
  search: text().trim().max(200).optional(),
  role: roleSchema.optional(),
  limit: boundedInt(1, 500, 'The page size').default(100),
  offset: boundedInt(0, INT4_MAX, 'The position').default(0),
});

export interface UserList {
  items: UserSummary[];
  total: number;
}

export const createUserInput = z.object({
  name: personNameSchema,
  email: emailSchema,
  role: roleSchema,
  password: passwordSchema,
  /** When true (the default) the new account must choose its own password at first sign-in. */
  mustChangePassword: z.boolean().default(true),
});

export const userIdInput = z.object({ userId: idText('Choose a user.') });

export const setRoleInput = z.object({ userId: idText('Choose a user.'), role: roleSchema });

export const setDisabledInput = z.object({ userId: idText('Choose a user.'), disabled: z.boolean() });

export interface TemporaryPassword {
  userId: string;
  temporaryPassword: string;
}
