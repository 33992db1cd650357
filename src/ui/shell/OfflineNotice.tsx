import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

/** The service worker's two news: the app now works without a network, a newer version is deployed. */
export interface ServiceWorkerNews {
  offlineReady: boolean;
  dismissReady: () => void;
  needRefresh: boolean;
  dismissRefresh: () => void;
  reload: () => void;
}

/**
 * Registers the service worker (once per page) and says what it has to say. Good news needs no
 * answer: it goes by itself after 5 s. The new version waits for the lecturer's Reload: the
 * page is never replaced in the middle of a lecture.
 */
export function useServiceWorkerNews(): ServiceWorkerNews {
  const { needRefresh: [needRefresh, setNeedRefresh], offlineReady: [offlineReady, setOfflineReady], updateServiceWorker } = useRegisterSW();
  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), 5000);
    return () => clearTimeout(timer);
  }, [offlineReady, setOfflineReady]);
  return {
    offlineReady, dismissReady: () => setOfflineReady(false),
    needRefresh, dismissRefresh: () => setNeedRefresh(false), reload: () => void updateServiceWorker(true),
  };
}

/**
 * "Works offline", in the header's row beside the title, which gives it room for the few
 * seconds it shows: a notice over the page covered lesson text (C8's verdict at 1280x720).
 */
export function OfflineReady({ news }: { news: ServiceWorkerNews }) {
  if (!news.offlineReady) return null;
  return (
    <div className="sw-ready" role="status" data-sw="offline-ready" title="Quorum works offline now: this page is kept in the browser">
      <span>Works offline</span>
      <button type="button" aria-label="Dismiss" onClick={news.dismissReady}>×</button>
    </div>
  );
}

/** A new version, among the notices: it asks for an answer (Reload, or not now). */
export function UpdateNotice({ news }: { news: ServiceWorkerNews }) {
  if (!news.needRefresh) return null;
  return (
    <div className="notice sw-notice" role="status" data-sw="update">
      <span>A new version of Quorum is ready. Reload to use it (the page opens again at its link).</span>
      <button type="button" className="primary" onClick={news.reload} data-sw-action="reload">Reload</button>
      <button type="button" aria-label="Not now" onClick={news.dismissRefresh}>×</button>
    </div>
  );
}

/**
 * An embed registers the worker all the same and offers a new version; the good news is kept
 * quiet there: the frame is small and the line would sit over its transport.
 */
export function EmbedUpdateNotice() {
  return <UpdateNotice news={useServiceWorkerNews()} />;
}
