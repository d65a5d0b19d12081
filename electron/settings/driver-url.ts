import pg from 'pg';
import { fieldError } from '../../shared/errors';

/**
 * The shared schema catches what the settings form can explain; this asks the driver itself, so a
 * URL it would choke on (when the app next starts, or in the connection test) is refused as input.
 * Constructing a client parses the URL and opens nothing.
 */
export function assertDriverAccepts(url: string): void {
  try {
    new pg.Client({ connectionString: url });
  } catch {
    throw fieldError('databaseUrl', 'The database driver cannot read this URL. Check it for typing mistakes.');
  }
}
