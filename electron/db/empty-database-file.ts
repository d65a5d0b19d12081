/** Where the build puts the empty database, relative to the app root (packed with out/**). */
export const EMPTY_DATABASE_FILE = 'out/empty-database/pgdata.tar.gz';
