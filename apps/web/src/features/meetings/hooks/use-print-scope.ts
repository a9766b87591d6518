import { useEffect } from 'react';
import '../components/meeting-print.css';

/** Applies the meeting print styles (A4, no site header or controls) while the page is shown. */
export function usePrintScope(): void {
  useEffect(() => {
    document.body.classList.add('meeting-print');
    return () => document.body.classList.remove('meeting-print');
  }, []);
}
