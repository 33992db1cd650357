import { describe, expect, it } from 'vitest';
import { fullAppLink, iframeSnippet, viewModeOf } from './viewMode';

describe('view mode in the link', () => {
  it('is embed only with view=embed as a whole parameter', () => {
    expect(viewModeOf('#lesson=raft-election&view=embed')).toBe('embed');
    expect(viewModeOf('#view=embed&s=abc')).toBe('embed');
    expect(viewModeOf('#lesson=raft-election')).toBe('app');
    expect(viewModeOf('#s=xview=embed')).toBe('app');
    expect(viewModeOf('#view=embedded')).toBe('app');
  });

  it('the full app opens the same run: the link without the view option', () => {
    expect(fullAppLink('https://q.example/app/#s=abc&view=embed&t=20')).toBe('https://q.example/app/#s=abc&t=20');
    expect(fullAppLink('https://q.example/#view=embed')).toBe('https://q.example/');
    expect(fullAppLink('https://q.example/')).toBe('https://q.example/');
  });

  it('the iframe snippet embeds the same link, escaped for an attribute', () => {
    const snippet = iframeSnippet('https://q.example/#s=a"b&t=5');
    expect(snippet).toBe('<iframe src="https://q.example/#s=a&quot;b&amp;t=5&amp;view=embed" width="960" height="600" style="border:0" title="Quorum" allow="fullscreen"></iframe>');
    expect(iframeSnippet('https://q.example/#s=abc&view=embed')).toContain('#s=abc&amp;view=embed"');
  });
});
