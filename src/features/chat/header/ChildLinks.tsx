import { Link } from 'react-router';
import { describeChild } from '../../../reconcile/lineage';
import type { LineageChildLink } from '../chatTypes';
import { Fact } from './Fact';

/** "Retried as attempt 2 (Working)", a link to that chat (or a shorter `label` where the context says the rest). */
export function ChildLink({ child, label, className = '' }: { child: LineageChildLink; label?: string; className?: string }) {
  return (
    <Link to={child.path} className={`min-w-0 break-words text-accent underline underline-offset-2 ${className}`}>
      {label ?? describeChild(child)}
    </Link>
  );
}

/** Every retry and fork started from this chat, oldest first. */
export function ChildrenRow({ items }: { items: readonly LineageChildLink[] }) {
  if (items.length === 0) return null;
  return (
    <Fact term="Retries and forks" wide>
      <ul className="flex min-w-0 flex-col">
        {items.map((child) => (
          <li key={child.taskId}>
            <ChildLink child={child} className="inline-flex min-h-11 items-center pointer-fine:min-h-0" />
          </li>
        ))}
      </ul>
    </Fact>
  );
}
