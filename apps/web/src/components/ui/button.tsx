import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'tertiary' | 'danger';
export type ButtonSize = 'md' | 'sm' | 'xs';

const base =
  'inline-flex items-center justify-center gap-2 text-center underline-offset-[3px] disabled:no-underline aria-disabled:no-underline';

const variants: Record<ButtonVariant, string> = {
  primary:
    'border-4 border-double border-transparent bg-blue-900 text-white hover:bg-blue-1000 hover:underline active:bg-blue-1200 disabled:bg-solid-gray-300 disabled:text-solid-gray-50',
  secondary:
    'border border-current bg-white text-blue-900 hover:bg-blue-200 hover:text-blue-1000 hover:underline active:bg-blue-300 disabled:border-solid-gray-300 disabled:bg-white disabled:text-solid-gray-300',
  tertiary:
    'bg-transparent text-blue-900 underline hover:bg-blue-50 hover:text-blue-1000 hover:decoration-[3px] active:bg-blue-100 disabled:text-solid-gray-300',
  danger:
    'border border-current bg-white text-error-2 hover:bg-red-50 hover:underline active:bg-red-100 disabled:border-solid-gray-300 disabled:text-solid-gray-300',
};

const sizes: Record<ButtonSize, string> = {
  md: 'min-h-12 min-w-24 rounded-8 px-4 py-3 text-oln-16B-100',
  sm: 'min-h-9 min-w-20 rounded-6 px-3 py-2 text-oln-16B-100',
  xs: 'min-h-8 rounded-4 px-2 py-1 text-oln-16N-100',
};

/** The class names of a Digital Agency style button, for links that look like buttons. */
export function buttonClassName(
  variant: ButtonVariant = 'primary',
  size: ButtonSize = 'md',
  extra = '',
): string {
  return `${base} ${variants[variant]} ${sizes[size]} ${extra}`.trim();
}

type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant; size?: ButtonSize };

export function Button({
  variant = 'primary',
  size = 'md',
  className = '',
  type = 'button',
  ...props
}: ButtonProps) {
  return <button type={type} className={buttonClassName(variant, size, className)} {...props} />;
}
