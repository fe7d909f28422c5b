import { Link } from 'react-router';
import { isApiError } from '../api/http';

/** SAM answered 404: the thing is gone (or never was), so retrying will not bring it back. */
export function isGone(error: unknown): boolean {
  return isApiError(error) && (error.status === 404 || error.code === 'NOT_FOUND');
}

interface GoneCardProps {
  title: string;
  message: string;
  /** Where to go instead, nearest first. */
  links: readonly { to: string; label: string }[];
}

/** A chat or project that is not there, with the ways out rather than a retry. */
export function GoneCard({ title, message, links }: GoneCardProps) {
  return (
    <div role="alert" className="rounded-lg border border-line bg-surface p-4">
      <p className="font-semibold">{title}</p>
      <p className="mt-1 break-words text-sm text-muted">{message}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        {links.map((link) => (
          <Link
            key={link.to}
            to={link.to}
            className="inline-flex min-h-11 items-center rounded-md border border-line px-3 text-sm font-medium hover:bg-raised pointer-fine:min-h-9"
          >
            {link.label}
          </Link>
        ))}
      </div>
    </div>
  );
}
