import { createContext, useContext, type ReactNode } from 'react';

/** What a message row hands to the comments code: the row a comment would be anchored to. */
export interface MessageCommentProps {
  messageId: string;
  role: 'user' | 'agent';
  text: string;
  /** The message's time: the Comment action sits on its line. */
  time: ReactNode;
}

export type RenderMessageComments = (props: MessageCommentProps) => ReactNode;

/**
 * The foot of a message row: its time, with the Comment action on the same line, and the threads under
 * it. The comments code is loaded lazily (CommentsLayer); until it is there, the time's line keeps the
 * action's height, so that rows do not grow under the reader when it arrives (the virtual list keeps its
 * place by measured heights).
 */
export const CommentSlotContext = createContext<RenderMessageComments | null>(null);

export function MessageCommentSlot(props: MessageCommentProps) {
  const render = useContext(CommentSlotContext);
  return render ? render(props) : <MessageFootLine role={props.role}>{props.time}</MessageFootLine>;
}

export function MessageFootLine({ role, children }: { role: MessageCommentProps['role']; children: ReactNode }) {
  return <div className={`flex min-h-11 items-center gap-2 pointer-fine:min-h-9 ${role === 'user' ? 'justify-end' : ''}`}>{children}</div>;
}
