import { Component, type ReactNode } from 'react';

/**
 * Catches a view that fails to load or render (a chunk that cannot be fetched offline, a
 * bug) and shows a message in place of a blank page; the rest of the app keeps working.
 */
export class ErrorBoundary extends Component<{ children: ReactNode; message: (detail: string) => string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    if (this.state.error) return <p className="notice" role="alert">{this.props.message(this.state.error.message)}</p>;
    return this.props.children;
  }
}
