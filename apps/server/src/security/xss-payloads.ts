/**
 * Cross-site scripting payloads stored in text fields and file names by the XSS tests (the
 * server's in `security/xss.test.ts`, the browser's in `e2e/xss.test.ts`). Every one of them
 * sets `window.__xss` if a page ever runs it, and contains the marker `__xss` so that a crawl can
 * find where it comes back.
 */
export const XSS_PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=window.__xss=1>',
  '\'><iframe src="javascript:window.__xss=1"></iframe>',
  'javascript:window.__xss=1//',
  '<a href="javascript:window.__xss=1">リンク</a>',
  '</textarea></title><script>window.__xss=1</script>',
  '<b onmouseover=window.__xss=1>壊れたタグ',
  '<<script>script>window.__xss=1<</script>/script>',
  '<details open ontoggle=window.__xss=1>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '\u202e<img src=x onerror=window.__xss=1>\u202c',
  `${'𠮷野家の市政変革'.repeat(12)}<img src=x onerror=window.__xss=1>`,
] as const;

/** The marker every payload contains. */
export const XSS_MARKER = '__xss';

/** File names that carry the payloads (each still ends with an extension the server accepts). */
export const XSS_FILE_NAMES = [
  '<img src=x onerror=window.__xss=1>.pdf',
  '"><script>window.__xss=1</script>.pdf',
  'javascript:window.__xss=1.pdf',
] as const;
