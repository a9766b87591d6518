const MAX_FILE_NAME_LENGTH = 200;

/**
 * Cleans a file name a client sent: no folders, no control or reserved characters, NFC, at most
 * 200 characters with the extension kept. Returns '' when nothing usable is left.
 */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point.
  const cleaned = base.replace(/[\u0000-\u001f\u007f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '_').trim();
  const withoutDots = cleaned.replace(/^\.+/, '');
  if (withoutDots.length <= MAX_FILE_NAME_LENGTH) return withoutDots;
  const dot = withoutDots.lastIndexOf('.');
  const extension = dot > 0 && withoutDots.length - dot <= 11 ? withoutDots.slice(dot) : '';
  return withoutDots.slice(0, MAX_FILE_NAME_LENGTH - extension.length) + extension;
}

// RFC 5987 / 8187: percent-encode everything but the attr-char set.
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * A Content-Disposition header that makes browsers download the file under its name: an ASCII
 * fallback for old clients and the UTF-8 name as filename* (RFC 6266 with RFC 5987 encoding).
 */
export function attachmentContentDisposition(fileName: string): string {
  const cleaned = cleanFileName(fileName) || 'download';
  const asciiFallback = cleaned.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeRfc5987(cleaned)}`;
}
