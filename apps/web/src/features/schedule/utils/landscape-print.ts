import { useEffect } from 'react';

/**
 * While the component is shown, the page prints on A4 landscape without the site's frame. The rule goes in through a
 * constructed style sheet (CSSOM), which the Content-Security-Policy allows, and leaves with the page.
 */
export function useLandscapePrint(): void {
  useEffect(() => {
    if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
    const sheet = new CSSStyleSheet();
    // The site's header, navigation and footer stay on screen: the sheet is the schedule alone.
    sheet.replaceSync(
      '@page { size: A4 landscape; margin: 10mm; } @media print { header, nav, footer { display: none !important; } }',
    );
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    };
  }, []);
}
