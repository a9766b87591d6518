import { useT } from '@/lib/i18n/i18n-provider';

/** The page footer: what this system is. */
export function SiteFooter() {
  const t = useT();
  return (
    <footer className="mt-16 border-t border-solid-gray-420 bg-solid-gray-50">
      <div className="mx-auto flex max-w-7xl flex-col gap-1 px-4 py-8 md:px-8">
        <p className="text-std-16B-170 text-solid-gray-900">{t('app.productName')}</p>
        <p className="text-std-16N-170 text-solid-gray-700">{t('layout.footerDescription')}</p>
      </div>
    </footer>
  );
}
