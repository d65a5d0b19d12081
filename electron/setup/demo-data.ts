/** The original product's default admin. Its password breaks our rules on purpose: it must be changed at first sign-in. */
export const DEMO_ADMIN = { name: 'Workshop Admin', email: 'admin@workshop.com', password: 'admin123' } as const;
