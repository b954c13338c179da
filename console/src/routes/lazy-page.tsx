import { Component, lazy, type ComponentType, type ReactNode } from 'react';
import { Button, Result, Spin } from 'antd';
import { useI18n } from '../i18n';

const RELOADED_KEY = 'gonghui.reloadedForChunk';

/**
 * A page from a programme's route module, loaded the first time it is shown. Every page of one module shares one
 * import, so the bundler emits the programme as one chunk; a second page of it comes from the browser's cache.
 *
 * A tab opened before a new release asks for chunk names that release removed: it reloads once to fetch the new
 * `index.html` (the session and any draft live in sessionStorage, so the officer lands on the same page).
 */
export function lazyPage<K extends string, M extends Record<K, ComponentType>>(load: () => Promise<M>, name: K) {
  return lazy(async () => {
    try {
      const module = await load();
      sessionStorage.removeItem(RELOADED_KEY);
      return { default: module[name] };
    } catch (error) {
      if (sessionStorage.getItem(RELOADED_KEY)) throw error;
      sessionStorage.setItem(RELOADED_KEY, '1');
      window.location.reload();
      return new Promise<never>(() => undefined);
    }
  });
}

/** Shown in the content area (menu and header stay) while a programme's chunk arrives. */
export function PageLoading() {
  return (
    <div style={{ display: 'flex', justifyContent: 'center', padding: '64px 0' }}>
      <Spin data-testid="page-loading" />
    </div>
  );
}

/**
 * Around the lazy pages: a programme's chunk that still cannot be loaded after the one reload (the network is down)
 * shows a message and a reload button instead of a blank page. The menu and header, outside it, stay usable.
 */
export class PageLoadBoundary extends Component<{ children: ReactNode; resetKey: string }, { failed: boolean; key: string }> {
  state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError(): Partial<{ failed: boolean }> {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { failed: boolean; key: string }) {
    // another page chosen in the menu: try again
    return props.resetKey === state.key ? null : { failed: false, key: props.resetKey };
  }

  render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}

function PageLoadFailed() {
  const { t } = useI18n();
  return (
    <Result
      status="warning"
      title={t.pageLoadFailed}
      data-testid="page-load-failed"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t.reloadPage}
        </Button>
      }
    />
  );
}
