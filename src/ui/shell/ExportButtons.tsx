import { useContext, useState } from 'react';
import { saveFile } from '../files';
import { SimContext } from '../store/simStore';
import { clusterPng, clusterSvg } from './exportCluster';
import { VideoDialog } from './VideoDialog';

/**
 * The File menu closes as the video dialog opens, rather than stand open behind it; focus goes
 * to the menu's summary first, so closing the dialog gives it back there (the button is hidden).
 */
function closeMenu(button: HTMLElement): void {
  const menu = button.closest('details');
  if (menu === null) return;
  menu.querySelector('summary')?.focus();
  menu.open = false;
}

/** Pictures of the cluster for slides and notes: PNG and SVG, 1920 pixels wide, and a video of a span of the run. */
export function ExportButtons() {
  const store = useContext(SimContext)!;
  const [video, setVideo] = useState(false);
  const svg = () => document.querySelector<SVGSVGElement>('.cluster svg');
  const name = (ext: string) => `quorum-cluster-${Math.floor(store.getState().snapshot?.time ?? 0)}ms.${ext}`;
  const notify = (e: unknown) => store.getState().notify(`The picture could not be made: ${e instanceof Error ? e.message : String(e)}`, 'alert');
  return (
    <>
      <button type="button" title="The cluster at this moment as a PNG picture, 1920 pixels wide" data-export="cluster-png"
        onClick={() => { const el = svg(); if (el) clusterPng(el, store.getState()).then((png) => saveFile(name('png'), png, 'image/png'), notify); }}>
        Export picture (PNG)
      </button>
      <button type="button" title="The cluster at this moment as an SVG drawing" data-export="cluster-svg"
        onClick={() => { const el = svg(); if (el) { try { saveFile(name('svg'), clusterSvg(el, store.getState()), 'image/svg+xml'); } catch (e) { notify(e); } } }}>
        Export drawing (SVG)
      </button>
      <button type="button" title="The cluster over a span of the run as a WebM video" data-export="video" onClick={(e) => { closeMenu(e.currentTarget); setVideo(true); }}>
        Record video (WebM)…
      </button>
      {video && <VideoDialog onClose={() => setVideo(false)} />}
    </>
  );
}
