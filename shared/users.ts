import { z } from 'zod';
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
  search: z.string().trim().max(200).optional(),
  role: roleSchema.optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
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

export const userIdInput = z.object({ userId: z.string().min(1, 'Choose a user.') });

export const setRoleInput = z.object({ userId: z.string().min(1), role: roleSchema });

export const setDisabledInput = z.object({ userId: z.string().min(1), disabled: z.boolean() });

export interface TemporaryPassword {
  userId: string;
  temporaryPassword: string;
}
