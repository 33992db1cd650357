/** How the page is shown: the full app, or the minimal frame for an iframe in slides (`&view=embed` in the link). */
export type ViewMode = 'app' | 'embed';

export function viewModeOf(hash: string): ViewMode {
  return /(?:^#?|&)view=embed(?:&|$)/.test(hash) ? 'embed' : 'app';
}

/** The same run in the full app: the link without its view option. */
export function fullAppLink(href: string): string {
  const at = href.indexOf('#');
  if (at < 0) return href;
  const parts = href.slice(at + 1).split('&').filter((p) => p !== 'view=embed');
  return `${href.slice(0, at)}${parts.length > 0 ? `#${parts.join('&')}` : ''}`;
}

/** The HTML a lecturer pastes into slides (reveal.js, Google Slides, PowerPoint for the web) to embed this run. */
export function iframeSnippet(link: string, width = 960, height = 600): string {
  const src = `${fullAppLink(link)}${link.includes('#') ? '&' : '#'}view=embed`;
  return `<iframe src="${src.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" width="${width}" height="${height}" style="border:0" title="Quorum" allow="fullscreen"></iframe>`;
}
