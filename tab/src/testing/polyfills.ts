// jsdom lacks ResizeObserver, which Fluent's MessageBar uses to pick its layout.
class NoopResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in globalThis)) {
  Object.defineProperty(globalThis, 'ResizeObserver', { value: NoopResizeObserver, configurable: true, writable: true });
}
