import { Component, type ErrorInfo, type ReactNode } from 'react';
import { describeError } from '../api/http';

interface Props {
  children: ReactNode;
  /** When this changes (a new address), a caught error is cleared and the route renders again. */
  resetKey: string;
}

interface State {
  error: unknown;
  seenKey: string | null;
}

/** Catches a route's rendering error and says what happened, with a retry and a way back. */
export class RouteErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, seenKey: null };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (state.error === null) return state.seenKey === props.resetKey ? null : { seenKey: props.resetKey };
    return state.seenKey === props.resetKey ? null : { error: null, seenKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('[lookout] a view crashed', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <div role="alert" className="mx-auto max-w-lg p-6">
        <h1 className="text-lg font-semibold">This view could not be shown</h1>
        <p className="mt-2 break-words text-muted">{describeError(this.state.error)}</p>
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="button" className="min-h-11 rounded-md bg-accent px-4 text-accent-fg" onClick={() => this.setState({ error: null })}>
            Try again
          </button>
          <a className="inline-flex min-h-11 items-center rounded-md border border-line px-4" href="/">
            All projects
          </a>
        </div>
      </div>
    );
  }
}
