import { useSim } from '../store/simStore';

/** The message the user clicked: its fields, and the offer to drop it. */
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
      </dl>
      <div className="row">
        <button type="button" className="danger" onClick={() => { act({ type: 'drop', message: msg.id }); close(null); }}>Drop this message</button>
        <button type="button" onClick={() => close(null)}>Close</button>
      </div>
    </div>
  );
}
