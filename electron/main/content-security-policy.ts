/**
 * The renderer's Content-Security-Policy: only the app's own scripts, styles,
 * images and fonts, and no inline code, eval, frames, plugins or forms. The
 * renderer protocol sends it as a header, and the production build also
 * writes it into index.html as a meta tag.
 */
export const contentSecurityPolicy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");
