import { useEffect } from 'react';
import { useT } from '@/lib/i18n/i18n-provider';

/** Sets the browser tab's title to "<page> | Totonoe 市政変革" (WCAG 2.4.2). */
export function useDocumentTitle(pageTitle: string | undefined): void {
  const t = useT();
  const product = t('app.productName');
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} | ${product}` : product;
  }, [pageTitle, product]);
}
