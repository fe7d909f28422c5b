import { Component, type ErrorInfo, type ReactNode } from 'react';
import { PlainText } from '../markdown/PlainText';

interface Props {
  children: ReactNode;
  /** What the message says, shown as sent when its rendering fails. */
  rawText: string;
  /** A new value (the message grew or changed) clears a caught error and renders the message again. */
  resetKey: unknown;
}

interface State {
  error: unknown;
  seenKey: unknown;
}

/**
 * One message's rendering error stays in that message: it shows its raw text and a note, and the rest
 * of the chat goes on (the route's boundary would replace the whole chat).
 */
export class MessageErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, seenKey: undefined };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error ?? new Error('unknown') };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.seenKey === props.resetKey) return null;
    return { error: null, seenKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('[lookout] a message could not be shown', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div className="min-w-0">
        <p role="note" className="mb-1 text-xs text-state-failed">
          This message could not be displayed formatted; it is shown as sent.
        </p>
        <PlainText text={this.props.rawText} />
      </div>
    );
  }
}
