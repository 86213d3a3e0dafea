/**
 * The Content-Security-Policy of the site's pages, and the full set of security headers for hosts
 * that can send them (docs/reader.md). Pages carry the policy as a `<meta>` tag, which is all a
 * static host without header control gives; a `<meta>` policy cannot say `frame-ancestors`, so
 * that directive is only in the header form. Nothing from another origin, no inline script or
 * style: the sanitizer is no longer the only wall between a pull request's text and a reader.
 */

/** What a page needs beyond the default. */
export interface PagePolicyNeeds {
  /** The page runs WebAssembly (the search page loads Pagefind). */
  wasm?: boolean;
}

/** The directives, in a stable order, without `frame-ancestors` (see `headerPolicy`). */
function directives(needs: PagePolicyNeeds): string[] {
  return [
    "default-src 'none'",
    `script-src 'self'${needs.wasm ? " 'wasm-unsafe-eval'" : ''}`,
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
  ];
}

/** The policy a page's `<meta http-equiv="Content-Security-Policy">` carries. */
export function metaPolicy(needs: PagePolicyNeeds = {}): string {
  return directives(needs).join('; ');
}

/** The same policy as an HTTP header, where `frame-ancestors` keeps the site out of other sites' frames. */
export function headerPolicy(needs: PagePolicyNeeds = {}): string {
  return [...directives(needs), "frame-ancestors 'none'"].join('; ');
}

/** Every header a host that can send headers should send with every page (the search page's CSP with `wasm: true`). */
export function securityHeaders(needs: PagePolicyNeeds = {}): [name: string, value: string][] {
  return [
    ['Content-Security-Policy', headerPolicy(needs)],
    ['X-Content-Type-Options', 'nosniff'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
    ['Strict-Transport-Security', 'max-age=31536000'],
  ];
}
