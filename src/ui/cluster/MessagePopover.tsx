import { useSim } from '../store/simStore';

/** The message the user clicked: its fields, and what the network may do with it (deliver now, hold or release, duplicate, drop). */
export function MessagePopover() {
  const id = useSim((s) => s.selectedMessage);
  const msg = useSim((s) => s.snapshot?.messages.find((m) => m.id === s.selectedMessage && m.lostAt === null));
  const act = useSim((s) => s.act);
  const close = useSim((s) => s.selectMessage);
  if (id === null || msg === undefined) return null;
  const fields = Object.entries(msg.fields).map(([k, v]) => [k, k === 'suffix' ? `${v} entr${v === 1 ? 'y' : 'ies'}` : String(v)]);
  return (
    <div className="popover" role="dialog" aria-label={`Message ${msg.id}`}>
      <h3>{msg.type} <small>S{msg.from} → S{msg.to}</small></h3>
      <dl>
        {fields.map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
        <div><dt>sent / arrives</dt><dd>{msg.sentAt} → {msg.deliverAt} ms</dd></div>
        {msg.duplicateOf !== null && <div><dt>duplicate of</dt><dd>#{msg.duplicateOf}</dd></div>}
        {msg.heldAt !== null && <div><dt>held</dt><dd>since {msg.heldAt} ms</dd></div>}
      </dl>
      {/* The student as the network: this message, now. */}
      <div className="row" data-message-actions>
        <button type="button" data-choice="deliver" onClick={() => { act({ type: 'deliver', message: msg.id }); close(null); }}>Deliver now</button>
        {msg.heldAt === null
          ? <button type="button" data-choice="hold" onClick={() => act({ type: 'hold', message: msg.id })}>Hold</button>
          : <button type="button" data-choice="release" onClick={() => act({ type: 'release', message: msg.id })}>Release</button>}
        <button type="button" data-choice="duplicate" onClick={() => act({ type: 'duplicate', message: msg.id })}>Duplicate</button>
        <button type="button" className="danger" data-choice="drop" onClick={() => { act({ type: 'drop', message: msg.id }); close(null); }}>Drop this message</button>
        <button type="button" onClick={() => close(null)}>Close</button>
      </div>
    </div>
  );
}
