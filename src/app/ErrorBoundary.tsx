import { Component, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  children: ReactNode;
  /** The sentence shown in place of the view, given the error's message. */
  message: (detail: string) => string;
  /** Puts the view's state back to a safe start; with `resetLabel`, offered as a button. */
  onReset?: (() => void) | undefined;
  resetLabel?: string | undefined;
}

/**
 * Catches a view that fails to load or render (a chunk that cannot be fetched offline, a
 * bug) and shows a message in place of a blank page; the rest of the app keeps working, and
 * "reset this view" puts the view's cursor and scene back and tries again.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { onReset, resetLabel } = this.props;
    return (
      <div className="notice view-failed" role="alert">
        <p>{this.props.message(error.message)}</p>
        {onReset && resetLabel && (
          <button type="button" onClick={() => { onReset(); this.setState({ error: null }); }}>{resetLabel}</button>
        )}
      </div>
    );
  }
}
