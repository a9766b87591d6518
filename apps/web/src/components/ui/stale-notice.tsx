import type { Ref } from 'react';
import { useT } from '@/lib/i18n/i18n-provider';
import { Alert } from './alert';
import { Button } from './button';

type StaleNoticeProps = {
  /** The server's message (412 precondition_failed) in the current language. */
  message: string;
  title?: string;
  onReload: () => void;
  isReloading?: boolean;
  ref?: Ref<HTMLDivElement>;
};

/** Someone saved in between (412): says so and offers to load the latest version. */
export function StaleNotice({ message, title, onReload, isReloading = false, ref }: StaleNoticeProps) {
  const t = useT();
  return (
    <div ref={ref} tabIndex={-1}>
      <Alert tone="warning" announce="assertive" title={title ?? t('common.staleTitle')}>
        <p>{message}</p>
        <p>{t('common.staleHelp')}</p>
        <Button
          variant="secondary"
          size="sm"
          className="mt-3"
          aria-disabled={isReloading || undefined}
          onClick={() => {
            if (!isReloading) onReload();
          }}
        >
          {isReloading ? t('common.loading') : t('common.reload')}
        </Button>
      </Alert>
    </div>
  );
}

/** Shown at the top of a form that was just filled again with the latest version. */
export function ReloadedNotice() {
  const t = useT();
  return (
    <Alert tone="info" title={t('common.reloadedTitle')}>
      <p>{t('common.reloadedHelp')}</p>
    </Alert>
  );
}
