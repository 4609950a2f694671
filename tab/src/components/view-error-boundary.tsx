import { Component } from 'react';
import type { ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Keeps a failing view (or a chunk that failed to load) from blanking the whole tab. */
export class ViewErrorBoundary extends Component<{ title: string; message: string; children: ReactNode }, { failed: boolean }> {
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
      </MessageBar>
    );
  }
}
