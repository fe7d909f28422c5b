import type { ButtonHTMLAttributes } from 'react';

type Variant = 'primary' | 'secondary' | 'ghost' | 'danger';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-accent text-accent-fg hover:opacity-90',
  secondary: 'border border-line bg-surface hover:bg-raised',
  ghost: 'hover:bg-raised',
  danger: 'border border-state-failed/50 text-state-failed hover:bg-raised',
};

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
}

/** A button with a 44 px touch target on small screens and the app's variants. */
export function Button({ variant = 'secondary', className, type = 'button', ...props }: ButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex min-h-11 min-w-11 items-center justify-center gap-1.5 rounded-md px-3 text-sm font-medium disabled:cursor-not-allowed disabled:opacity-50 pointer-fine:min-h-9 ${VARIANTS[variant]} ${className ?? ''}`}
      {...props}
    />
  );
}
