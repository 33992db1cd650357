import { useSim } from '../store/simStore';

/** Every safety property, live; a violation names the property, the nodes and the events that led to it. */
export function SafetyPanel() {
  const safety = useSim((s) => s.info?.safety);
  const send = useSim((s) => s.send);
  const cell = useSim((s) => (s.scenario?.protocol === 'multipaxos' ? 'slot' : 'entry'));
  if (safety === undefined || safety === null) return null;
  const broken = safety.violations[0];
  return (
    <section className={`panel safety${broken ? ' broken' : ''}`} aria-label="Safety">
      <h2>Safety <small>{broken ? 'VIOLATED' : 'all checks hold'}</small></h2>
      <ul className="checks">
        {safety.predicates.map((p) => (
          <li key={p.name} data-check={p.name} data-ok={p.ok} title={p.description}>
            <span aria-hidden="true">{p.ok ? '✓' : '✗'}</span> {p.description}
          </li>
        ))}
      </ul>
      {broken && (
        <div className="violation" role="alert">
          <p><b>{broken.predicate}</b> broke at event {broken.seq} (t = {broken.t} ms): {broken.text}</p>
          {/* A check outside the cluster (the storage node's fencing) names no server. */}
          <p>{broken.nodes.length > 0 && <>Nodes involved: {broken.nodes.map((id) => `S${id}`).join(', ')}.</>}
            {broken.entries !== undefined && <> Ringed in the {cell === 'slot' ? 'slots' : 'logs'}: {broken.entries.map((e) => `S${e.node}'s ${cell} ${e.index}`).join(', ')}.</>}
            {' '}The events that led to it:</p>
          <ol>
            {broken.context.map((e) => (
              <li key={e.seq}><button type="button" className="linkish" data-violation-event={e.seq} onClick={() => send({ type: 'seekEvent', seq: e.seq })}>#{e.seq} t={e.t}: {e.text}</button></li>
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}
