/** Saves text (or a picture) as a file the browser downloads. */
export function saveFile(name: string, text: string | Blob, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a file the user picked or dropped, refusing anything too large to be a scenario. */
export async function readScenarioFile(file: File, maxBytes: number): Promise<string> {
  if (file.size > maxBytes) throw new Error(`${file.name} is ${Math.round(file.size / 1024)} KB; a scenario file is at most ${Math.round(maxBytes / 1024)} KB`);
  return file.text();
}
