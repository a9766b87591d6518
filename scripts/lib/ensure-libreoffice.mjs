// Makes sure LibreOffice (Impress and Calc), poppler's pdftotext and a Japanese font are installed, so
// that report tests can open the generated PowerPoint and Excel files in a real office suite.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const SOFFICE_PATH = process.env.TOTONOE_SOFFICE ?? '/usr/bin/soffice';
export const PDFTOTEXT_PATH = process.env.TOTONOE_PDFTOTEXT ?? '/usr/bin/pdftotext';

/** Installs libreoffice-impress, libreoffice-calc, poppler-utils and fonts-noto-cjk with apt-get when missing. */
export function ensureLibreOffice() {
  const hasFont = existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');
  if (existsSync(SOFFICE_PATH) && existsSync(PDFTOTEXT_PATH) && hasFont) return SOFFICE_PATH;
  process.stderr.write(
    'LibreOffice, pdftotext or the Japanese font is missing: installing them with apt-get …\n',
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['update', '-qq'],
    [
      'install',
      '-y',
      '-qq',
      '--no-install-recommends',
      'libreoffice-impress',
      'libreoffice-calc',
      'poppler-utils',
      'fonts-noto-cjk',
    ],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed`);
  }
  if (!existsSync(SOFFICE_PATH)) throw new Error(`LibreOffice is still missing at ${SOFFICE_PATH}`);
  return SOFFICE_PATH;
}
