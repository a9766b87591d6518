import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '@/lib/i18n/i18n-provider';

type DialogProps = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  children: ReactNode;
  size?: 'md' | 'lg';
};

/**
 * A modal dialog on the native <dialog> element: the browser traps focus, closes it on Escape
 * and gives focus back to the control that opened it. Its content mounts only while open.
 */
export function Dialog({ open, onClose, title, children, size = 'md' }: DialogProps) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      className={`m-auto w-[calc(100%-2rem)] rounded-16 border border-solid-gray-200 bg-white p-0 text-solid-gray-800 shadow-4 ${size === 'lg' ? 'max-w-4xl' : 'max-w-2xl'}`}
    >
      {open ? (
        <div className="flex flex-col gap-6 px-6 py-6 md:px-8">
          <div className="flex items-start justify-between gap-4">
            <h2 id={titleId} className="text-std-24B-150 text-solid-gray-900">
              {title}
            </h2>
            <button
              type="button"
              onClick={onClose}
              className="shrink-0 rounded-6 px-2 py-1 text-std-16N-170 text-blue-900 underline hover:bg-blue-50"
            >
              {t('common.close')}
            </button>
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}
