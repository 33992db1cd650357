import { useRef, useState } from 'react';

/**
 * Copying a share link, for both share dialogs: to the clipboard where the browser allows,
 * else the link is selected in its field with a word on how to copy it by hand.
 */
export function useCopyLink(link: string) {
  const [copied, setCopied] = useState<string | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('Copied to the clipboard.');
    } catch {
      field.current?.select();
      setCopied('Select the link and copy it (Ctrl+C): the browser did not allow copying here.');
    }
  };
  return { field, copied, copy };
}
