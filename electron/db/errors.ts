/** A unique index refused a row; `constraint` narrows it to one index (by name). */
export const isUniqueViolation = (e: unknown, constraint?: string): boolean => {
  const err = e as { code?: string; constraint?: string; message?: string };
  return err?.code === '23505' && (!constraint || err.constraint === constraint || String(err.message ?? '').includes(constraint));
};

/**
 * PostgreSQL gave up one of two transactions that waited for each other (deadlock), or could not
 * serialize it: it was rolled back whole, and running it again is the documented remedy.
 */
export const isTransientConflict = (e: unknown): boolean => {
  const code = (e as { code?: string })?.code;
  return code === '40P01' || code === '40001';
};
