import type { PendingChoice } from '../../../engine/sim/pending';
import type { UserAction } from '../../../worker/protocol';
import { useSim } from '../../store/simStore';
import { messageName, timerName } from './choiceNames';
import './network.css';

/**
 * The student as the network: every message waiting for a choice (manual delivery) or held
 * in flight, and in manual delivery every running timer, each with its buttons. The list is
 * the engine's (snapshot.pending); this only draws it and sends the chosen action. Shown
 * while manual delivery is on or a message is held.
 */
export function PendingChoices() {
  const manual = useSim((s) => s.snapshot?.manual ?? false);
  const pending = useSim((s) => s.snapshot?.pending);
  const time = useSim((s) => s.snapshot?.time ?? 0);
  const act = useSim((s) => s.act);
  if (pending === undefined || (!manual && pending.length === 0)) return null;
  const due = pending.filter((c) => c.due).length;
  return (
    <section className="panel pending-choices" aria-label="The network by hand" data-manual={manual}>
      <div className="pending-head">
        <h2>{manual ? 'You are the network' : 'Held messages'}</h2>
        <label className="switch">
          <input type="checkbox" checked={manual} data-manual-toggle="panel" onChange={(e) => act({ type: 'network', manual: e.target.checked })} />
          Manual delivery
        </label>
      </div>
      <p className="hint" role="status">
        {!manual ? 'Held messages stay where they are until you release them.'
          : pending.length === 0 ? 'Nothing waits: no message is in flight and no timer runs.'
          : due > 0 ? `The run waits for you: ${due} ${due === 1 ? 'choice is' : 'choices are'} due. Choose any, in any order.`
          : 'Nothing is due yet: play on, or choose now.'}
      </p>
      <ul className="pending-list" aria-label="Waiting messages and timers">
        {pending.map((c) => <Choice key={c.kind === 'message' ? `m${c.id}` : `t${c.node}${c.name}`} c={c} all={pending} now={time} act={act} />)}
      </ul>
    </section>
  );
}

function Choice({ c, all, now, act }: { c: PendingChoice; all: PendingChoice[]; now: number; act: (action: UserAction) => void }) {
  if (c.kind === 'timer') {
    const name = timerName(c);
    return (
      <li data-pending="timer" data-node={c.node} data-timer={c.name} data-due={c.due}>
        <span className="what">{name}</span>
        <span className="when">{c.due ? 'due' : `at ${c.at} ms`}</span>
        <span className="buttons">
          <button type="button" aria-label={`Fire ${name}`} onClick={() => act({ type: 'fire', node: c.node, timer: c.name })}>Fire</button>
        </span>
      </li>
    );
  }
  const name = messageName(c, all);
  const send = (type: 'deliver' | 'drop' | 'duplicate' | 'hold' | 'release') => act({ type, message: c.id });
  return (
    <li data-pending="message" data-msg-id={c.id} data-from={c.from} data-to={c.to} data-type={c.type} data-held={c.held} data-due={c.due}>
      <span className="what" title={c.label}>{c.label} <small>S{c.from}→S{c.to}{c.duplicateOf !== null ? ' copy' : ''}</small></span>
      <span className="when">{c.held ? 'held' : c.due ? 'due' : `in ${Math.max(0, c.deliverAt - Math.floor(now))} ms`}{c.fate !== null ? <em> · lost: {c.fate}</em> : null}</span>
      <span className="buttons">
        <button type="button" aria-label={`Deliver ${name}`} onClick={() => send('deliver')}>Deliver</button>
        {c.held
          ? <button type="button" aria-label={`Release ${name}`} onClick={() => send('release')}>Release</button>
          : <button type="button" aria-label={`Hold ${name}`} onClick={() => send('hold')}>Hold</button>}
        {/* Named by its visible word first (a voice user says "Copy"); what it does, on hover. */}
        <button type="button" aria-label={`Copy ${name}`} title="Duplicate it: a second copy travels too" data-choice="copy" onClick={() => send('duplicate')}>Copy</button>
        <button type="button" className="danger" aria-label={`Drop ${name}`} onClick={() => send('drop')}>Drop</button>
      </span>
    </li>
  );
}
