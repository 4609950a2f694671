import type { NextFunction, Request, Response } from 'express';

/**
 * The hosts that may frame the tab: Teams, Microsoft 365 and Outlook on the web, as Microsoft's
 * tab requirements list them (including the *.cloud.microsoft domains they migrate to).
 */
export const frameAncestors: readonly string[] = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://outlook-sdf.office.com',
  'https://outlook-sdf.office365.com',
];

export interface SecurityHeadersOptions {
  /** extra origins the tab may call with fetch (the dev identity provider, MSAL endpoints) */
  readonly connectSources?: readonly string[];
  /**
   * Local mode only: the tab's own origin may frame it too, so that a Teams host page served
   * beside it can run the tab in a real browser. Microsoft 365 mode admits only Microsoft's hosts.
   */
  readonly allowSelfFraming?: boolean;
}

/** The content security policy of every response; `frame-ancestors` admits only Teams and M365 hosts. */
export function contentSecurityPolicy(options: SecurityHeadersOptions = {}): string {
  // res.cdn.office.net: teams-js fetches its list of valid message origins from there
  const connect = ["'self'", 'https://login.microsoftonline.com', 'https://res.cdn.office.net', ...(options.connectSources ?? [])];
  const ancestors = options.allowSelfFraming ? ["'self'", ...frameAncestors] : frameAncestors;
  return [
    "default-src 'self'",
    "script-src 'self' https://res.cdn.office.net",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data: https://res-1.cdn.office.net https://res.cdn.office.net",
    `connect-src ${connect.join(' ')}`,
    "frame-src 'self' https://login.microsoftonline.com",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
}

/**
 * Security headers on every response. No CORS headers are ever sent: the tab calls the API on its
 * own origin, so browsers refuse every cross-origin caller.
 */
export function securityHeaders(options: SecurityHeadersOptions = {}) {
  const csp = contentSecurityPolicy(options);
  return function securityHeadersStep(_req: Request, res: Response, next: NextFunction): void {
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
    res.removeHeader('X-Powered-By');
    next();
  };
}
