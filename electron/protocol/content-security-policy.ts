/**
 * The renderer's policy. 'self' is app://workshop-booking (or the dev server in development): no
 * other origin, no file:// — so a script from anywhere on the disk cannot run. Mantine sets inline
 * styles, hence 'unsafe-inline' for styles only. renderer/index.html carries the same text in its
 * meta tag (a test keeps them equal); the header adds what a meta tag cannot express.
 */
export const RENDERER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'";

export const RENDERER_CSP_HEADER = `${RENDERER_CSP}; frame-ancestors 'none'`;
