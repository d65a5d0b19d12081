/** A unique index refused a row; `constraint` narrows it to one index (by name). */
export const isUniqueViolation = (e: unknown, constraint?: string): boolean => {
  const err = e as { code?: string; constraint?: string; message?: string };
  return err?.code === '23505' && (!constraint || err.constraint === constraint || String(err.message ?? '').includes(constraint));
};
