import type { ReactNode } from 'react';

type Tone = 'target' | 'neutral' | 'inactive' | 'info';

const tones: Record<Tone, string> = {
  target: 'border-error-2 bg-error-2 text-white',
  neutral: 'border-solid-gray-600 bg-white text-solid-gray-800',
  inactive: 'border-solid-gray-600 bg-solid-gray-100 text-solid-gray-800',
  info: 'border-blue-900 bg-blue-50 text-blue-1000',
};

/** A short text label; colour only repeats what the text already says. */
export function Badge({ tone = 'neutral', children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span className={`inline-block shrink-0 rounded-4 border px-2 py-0.5 text-dns-14B-130 ${tones[tone]}`}>
      {children}
    </span>
  );
}
