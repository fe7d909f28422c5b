import { createContext, useContext, type ReactNode } from 'react';

/** What a message row hands to the comments code: the row a comment would be anchored to. */
export interface MessageCommentProps {
  messageId: string;
  role: 'user' | 'agent';
  text: string;
}

export type RenderMessageComments = (props: MessageCommentProps) => ReactNode;

/**
 * The comments' part of a message row (its Comment action and its threads). The comments code is loaded
 * lazily (CommentsLayer); until it is there, a row keeps the action's room, so that rows do not grow
 * under the reader when it arrives (the virtual list keeps its place by measured heights).
 */
export const CommentSlotContext = createContext<RenderMessageComments | null>(null);

export function MessageCommentSlot(props: MessageCommentProps) {
  const render = useContext(CommentSlotContext);
  return render ? render(props) : <div aria-hidden="true" className="min-h-11 pointer-fine:min-h-9" />;
}
