import { useT } from '@/lib/i18n/i18n-provider';

/** A polite "loading" message for screen readers and sighted users alike. */
export function Loading({ label }: { label?: string }) {
  const t = useT();
  return (
    <p role="status" className="py-6 text-std-16N-170 text-solid-gray-600">
      {label ?? t('common.loading')}
    </p>
  );
}
