import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';

/**
 * The service worker's two news, said once: the app now works without a network (after the
 * first visit), and a newer version has been deployed. The new version waits for the
 * lecturer's Reload: the page is never replaced in the middle of a lecture. In an embed
 * (`inEmbed`) the good news is kept quiet: the frame is small and the line would sit over its
 * transport, hiding Previous and Play in the slide until dismissed.
 */
export function OfflineNotice({ inEmbed = false }: { inEmbed?: boolean }) {
  const { needRefresh: [needRefresh, setNeedRefresh], offlineReady: [offlineReady, setOfflineReady], updateServiceWorker } = useRegisterSW();
  // Good news needs no answer: a small line in the corner that goes by itself, sooner than the other notices.
  useEffect(() => {
    if (!offlineReady) return;
    const timer = setTimeout(() => setOfflineReady(false), 5000);
    return () => clearTimeout(timer);
  }, [offlineReady, setOfflineReady]);
  if (needRefresh) {
    return (
      <div className="notice sw-notice" role="status" data-sw="update">
        <span>A new version of Quorum is ready. Reload to use it (the page opens again at its link).</span>
        <button type="button" className="primary" onClick={() => void updateServiceWorker(true)} data-sw-action="reload">Reload</button>
        <button type="button" aria-label="Not now" onClick={() => setNeedRefresh(false)}>×</button>
      </div>
    );
  }
  if (offlineReady && !inEmbed) {
    return (
      <div className="notice sw-notice sw-ready" role="status" data-sw="offline-ready">
        <span>Works offline now</span>
        <button type="button" aria-label="Dismiss" onClick={() => setOfflineReady(false)}>×</button>
      </div>
    );
  }
  return null;
}
