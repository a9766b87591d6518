import { useT } from '@/lib/i18n/i18n-provider';

export const MAIN_CONTENT_ID = 'main-content';

/** The first thing a keyboard reaches: a jump past the header and navigation (WCAG 2.4.1). */
export function SkipLink() {
  const t = useT();
  return (
    <a
      href={`#${MAIN_CONTENT_ID}`}
      className="sr-only z-50 rounded-8 bg-yellow-300 px-4 py-3 text-std-16B-170 text-black underline focus:not-sr-only focus:absolute focus:top-2 focus:left-2"
      onClick={(event) => {
        // Move focus explicitly: the router must not treat the fragment as a navigation.
        event.preventDefault();
        document.getElementById(MAIN_CONTENT_ID)?.focus();
      }}
    >
      {t('layout.skipToMain')}
    </a>
  );
}
