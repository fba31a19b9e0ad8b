// One policy for the web app and every API reply (build-app.ts): only this origin's scripts, styles
// and connections; images may be data: URIs (the favicon, Swagger UI's icons); no framing, no
// plugins, no <base> or form posts elsewhere. No page needs inline script; the API docs add the hash
// of the one <style> element Swagger UI inserts (openapi.ts).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')
