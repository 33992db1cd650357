import { CODEC_LIMITS, parseScenarioJson } from '../scenario/codec';
import { readScenarioFile } from './files';
import { useSim } from './store/simStore';

/** Opens a scenario file: a good one replaces the run; a bad one says why and changes nothing. */
export function useOpenFile(): (file: File) => Promise<void> {
  const send = useSim((s) => s.send);
  const notify = useSim((s) => s.notify);
  return async (file) => {
    try {
      const parsed = parseScenarioJson(await readScenarioFile(file, CODEC_LIMITS.maxJson));
      if (!parsed.ok) {
        notify(`${file.name} is not a scenario this app can open: ${parsed.errors.join('; ')}. Nothing was changed.`, 'alert');
        return;
      }
      history.replaceState(null, '', window.location.href.split('#')[0]);
      send({ type: 'load', scenario: parsed.scenario });
      notify(`Opened ${file.name}.`);
    } catch (e) {
      notify(`Could not open ${file.name}: ${(e as Error).message}. Nothing was changed.`, 'alert');
    }
  };
}
