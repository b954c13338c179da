import path from 'node:path';

/**
 * The staff console (console/) is a single-page application: the gateway serves its build at `/`.
 * Pure rules of which path is the console's, so they are unit-tested without a server.
 */

/** Paths that stay the API's (and answer their own 404): `/api/**` and `/health`. */
export function isApiPath(urlPath: string): boolean {
  return urlPath === '/api' || urlPath.startsWith('/api/') || urlPath === '/health' || urlPath.startsWith('/health/');
}

/**
 * What to answer a GET of a non-API path: the file itself when it exists, `index.html` for an
 * application route (no extension: the browser's router shows the page), nothing for a missing
 * asset (a missing .js must be a 404, never HTML).
 */
export function consoleFileFor(urlPath: string, exists: (relative: string) => boolean): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = path.posix.normalize(decoded).replace(/^\/+/, '');
  if (relative.startsWith('..') || relative.includes('\0')) return null;
  if (relative !== '' && exists(relative)) return relative;
  if (path.posix.extname(relative) !== '') return null;
  return 'index.html';
}

/** The console loads scripts, styles (Ant Design injects style tags) and images from itself only. */
export const CONSOLE_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
  "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/** Where the console's build is: CONSOLE_DIR, else console/dist of the repository. */
export function consoleDirFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.CONSOLE_DIR ?? path.join(__dirname, '../../../../console/dist'));
}
