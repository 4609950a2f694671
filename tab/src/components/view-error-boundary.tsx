import { Component } from 'react';
import type { ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Keeps a failing view (or a chunk that failed to load) from blanking the whole tab. */
export class ViewErrorBoundary extends Component<{ title: string; message: string; retryLabel?: string; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error">
        <MessageBarBody>
          <MessageBarTitle>{this.props.title}</MessageBarTitle>
          {this.props.message}
        </MessageBarBody>
        {this.props.retryLabel && (
          // A chunk that failed to load (a new deployment, a dropped connection) needs a fresh page.
          <MessageBarActions>
            <Button onClick={() => window.location.reload()}>{this.props.retryLabel}</Button>
          </MessageBarActions>
        )}
      </MessageBar>
    );
  }
}
