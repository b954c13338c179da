import type { IncomingMessage, ServerResponse } from 'node:http';

/** An API answer is data, never a page: nothing may load, frame or run from it. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** The Swagger UI page and its assets (`/api/docs`, `/api/docs/…`) load scripts and styles: no API CSP there. */
function isDocumentationPage(url: string | undefined): boolean {
  const path = (url ?? '/').split('?')[0];
  return path === '/api/docs' || path.startsWith('/api/docs/');
}

/** Behind a TLS-terminating proxy (x-forwarded-proto) or on TLS itself: only then is HSTS meaningful. */
function arrivedOverHttps(request: IncomingMessage): boolean {
  const forwarded = request.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0].trim().toLowerCase();
  return proto === 'https' || Boolean((request.socket as { encrypted?: boolean } | undefined)?.encrypted);
}

/** The headers every answer of every service and of the gateway carries. */
export function securityHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
  };
  if (!isDocumentationPage(request.url)) headers['content-security-policy'] = API_CONTENT_SECURITY_POLICY;
  if (arrivedOverHttps(request)) headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
  return headers;
}

/** Set the security headers on a plain Node answer (the gateway's proxy), and drop X-Powered-By. */
export function applySecurityHeaders(request: IncomingMessage, response: ServerResponse): void {
  for (const [name, value] of Object.entries(securityHeaders(request))) response.setHeader(name, value);
  response.removeHeader('x-powered-by');
}
