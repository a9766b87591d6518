import type { ReactNode } from 'react';

type Tone = 'error' | 'warning' | 'success' | 'info';

const tones: Record<Tone, string> = {
  error: 'border-error-2 bg-red-50',
  warning: 'border-warning-yellow-2 bg-yellow-50',
  success: 'border-success-2 bg-green-50',
  info: 'border-blue-900 bg-blue-50',
};

type AlertProps = {
  tone: Tone;
  title?: ReactNode;
  children?: ReactNode;
  /** Announce the message at once (role="alert") or politely (role="status"). */
  announce?: 'assertive' | 'polite' | 'none';
  id?: string;
  className?: string;
};

/** A notification banner in the Digital Agency style; the border colour is never the only cue. */
export function Alert({ tone, title, children, announce = 'none', id, className = '' }: AlertProps) {
  const role = announce === 'assertive' ? 'alert' : announce === 'polite' ? 'status' : undefined;
  return (
    <div id={id} role={role} className={`rounded-8 border-2 px-4 py-4 md:px-6 ${tones[tone]} ${className}`}>
      {title ? <p className="text-std-17B-170 text-solid-gray-900">{title}</p> : null}
      {children ? <div className="text-std-16N-170 text-solid-gray-800">{children}</div> : null}
    </div>
  );
}
