import type { FromWorker, ToWorker } from './protocol';

/** The UI's handle on the simulation worker: typed commands down, typed messages up. */
export class SimClient {
  private readonly worker: Worker;

  constructor(onMessage: (msg: FromWorker) => void) {
    this.worker = new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
    this.worker.onerror = (e) => onMessage({ type: 'error', text: `The simulation worker failed: ${e.message || 'unknown error'}` });
  }

  send(cmd: ToWorker): void {
    this.worker.postMessage(cmd, cmd.type === 'drawTo' ? [cmd.port] : []);
  }

  dispose(): void {
    this.worker.terminate();
  }
}
